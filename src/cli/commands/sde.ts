// `killtracker sde update [--file PATH] [--force]` and `killtracker sde status`: EVE static data.
import { parseCommandArgs } from '../args.ts';
import { sdeStatus } from '../../db/sde-store.ts';
import { SdeError } from '../../ingest/sde/sde-error.ts';
import { updateSde } from '../../ingest/sde/update-sde.ts';
import type { CliContext } from '../context.ts';
import { CliError, UsageError } from '../errors.ts';
import { jsonLine } from '../output.ts';
import type { CliCommand } from '../run.ts';

const USAGE = [
  'Usage:',
  '  killtracker sde update [--file PATH] [--force]',
  '      Import the EVE static data. Without --file, download the latest build from SDE_URL',
  '      unless it is already imported (--force downloads it anyway). PATH is a JSONL SDE zip,',
  '      its unpacked folder, or an http(s) URL of a zip.',
  '  killtracker sde status',
  '      Print the imported build and row counts as JSON.',
].join('\n');

export const sdeCommand: CliCommand = {
  usage: 'sde update [--file PATH] [--force] | sde status',
  summary: 'Import EVE static data; show what is imported',
  async run(args, ctx) {
    const [subcommand, ...rest] = args;
    try {
      if (subcommand === 'update') return await runUpdate(rest, ctx);
      if (subcommand === 'status') return await runStatus(rest, ctx);
    } catch (error) {
      if (error instanceof SdeError) throw new CliError(error.message);
      throw error;
    }
    throw new UsageError(
      subcommand === undefined ? USAGE : `Unknown sde subcommand "${subcommand}".\n${USAGE}`,
    );
  },
};

async function runUpdate(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    { file: { type: 'string' }, force: { type: 'boolean' } },
    USAGE,
    false,
  );
  const file = values.file;
  if (file !== undefined && file.trim() === '') throw new UsageError(`--file needs a path.\n${USAGE}`);
  const { db } = await ctx.database();
  const result = await updateSde({ db, env: ctx.env, log: ctx.log, file, force: values.force === true });
  ctx.io.out(
    jsonLine(
      result.imported ? { imported: true, ...result.status } : { imported: false, reason: result.reason },
    ),
  );
  return 0;
}

async function runStatus(args: string[], ctx: CliContext): Promise<number> {
  parseCommandArgs(args, {}, USAGE, false);
  const { db } = await ctx.database();
  const status = await sdeStatus(db);
  // Spelled out so the key order is part of the contract, whatever SdeStatus grows into.
  ctx.io.out(
    jsonLine({
      build: status.build,
      regions: status.regions,
      constellations: status.constellations,
      systems: status.systems,
      stargates: status.stargates,
      types: status.types,
      groups: status.groups,
      categories: status.categories,
    }),
  );
  return 0;
}
