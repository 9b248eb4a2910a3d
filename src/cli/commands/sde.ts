// `killtracker sde update [--file PATH] [--force]` and `killtracker sde status`: EVE static data.
import { sdeStatus } from '../../db/sde-store.ts';
import { SdeError } from '../../ingest/sde/sde-error.ts';
import { updateSde } from '../../ingest/sde/update-sde.ts';
import { parseCommandArgs } from '../args.ts';
import type { CliCommand } from '../command.ts';
import type { CliContext } from '../context.ts';
import { CliError, UsageError } from '../errors.ts';
import { jsonLine } from '../output.ts';

type SdeArgs = { action: 'update'; file: string | undefined; force: boolean } | { action: 'status' };

export const sdeCommand: CliCommand<SdeArgs> = {
  parse(argv, subcommand) {
    if (subcommand === 'status') {
      parseCommandArgs(argv, {}, false);
      return { action: 'status' };
    }
    const { values } = parseCommandArgs(
      argv,
      { file: { type: 'string' }, force: { type: 'boolean' } },
      false,
    );
    if (values.file !== undefined && values.file.trim() === '') throw new UsageError('--file needs a path.');
    return { action: 'update', file: values.file, force: values.force === true };
  },
  async run(args, ctx) {
    try {
      return args.action === 'update' ? await runUpdate(args, ctx) : await runStatus(ctx);
    } catch (error) {
      if (error instanceof SdeError) throw new CliError(error.message);
      throw error;
    }
  },
};

async function runUpdate(
  { file, force }: { file: string | undefined; force: boolean },
  ctx: CliContext,
): Promise<number> {
  const { db } = await ctx.database();
  const result = await updateSde({ db, env: ctx.env, log: ctx.log, file, force });
  ctx.io.out(
    jsonLine(
      result.imported ? { imported: true, ...result.status } : { imported: false, reason: result.reason },
    ),
  );
  return 0;
}

async function runStatus(ctx: CliContext): Promise<number> {
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
