// `killtracker ppk export`: a server's pay-per-kill events as CSV on stdout, one row per event, for
// paying pilots and corporations from a spreadsheet.
import { stringify } from 'csv-stringify/sync';
import { createNameRepository } from '../../db/name-repository.ts';
import { dayRange } from '../../ppk/periods.ts';
import { createPpkOperations, type PpkExportRow } from '../../ppk/operations.ts';
import { UserError } from '../../user-error.ts';
import { discordIdOption, noPositionals, parseCommandArgs } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { UsageError } from '../errors.ts';

/** The exact header of the export (a contract: spreadsheets and scripts read it by name). */
export const PPK_EXPORT_COLUMNS = [
  'killmail_id',
  'killmail_time',
  'character_id',
  'character_name',
  'corporation_id',
  'discord_user_id',
  'event',
  'shares',
  'isk',
  'status',
] as const;

const OPTIONS = {
  guild: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
} as const;

interface PpkExportArgs {
  guildId: string;
  from: string;
  to: string;
}

export const ppkCommand: CliCommand<PpkExportArgs> = {
  parse(argv, subcommand) {
    if (subcommand !== 'export') throw new UsageError('Say what to do: ppk export.');
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    noPositionals(positionals);
    const guildId = discordIdOption(values.guild, 'guild');
    if (values.from === undefined) throw new UsageError('--from is required (the first day, YYYY-MM-DD).');
    if (values.to === undefined) throw new UsageError('--to is required (the last day, YYYY-MM-DD).');
    try {
      dayRange(values.from, values.to);
    } catch (error) {
      if (error instanceof UserError) throw new UsageError(error.message);
      throw error;
    }
    return { guildId, from: values.from, to: values.to };
  },
  async run(args, ctx) {
    const { db } = await ctx.database();
    const names = createNameRepository({ db });
    const operations = createPpkOperations({
      db,
      log: ctx.log,
      names: { resolve: (ids) => names.get([...ids]) },
    });
    const rows = await operations.exportRows(args.guildId, args.from, args.to);
    ctx.io.out(ppkExportCsv(rows).replace(/\n$/, ''));
    return 0;
  },
};

/** The CSV text of export rows, header first, quoted where a value needs it. */
export function ppkExportCsv(rows: readonly PpkExportRow[]): string {
  return stringify(
    rows.map((row) => [
      row.killmailId,
      row.killmailTime.toISOString().replace('.000Z', 'Z'),
      row.characterId,
      row.characterName ?? '',
      row.corporationId ?? '',
      row.discordUserId ?? '',
      row.event,
      row.shares,
      row.isk,
      row.status,
    ]),
    { header: true, columns: [...PPK_EXPORT_COLUMNS], record_delimiter: '\n' },
  );
}
