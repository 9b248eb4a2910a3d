// `killtracker db migrate`: applies pending migrations (start does this too).
import { UsageError } from '../errors.ts';
import type { CliCommand } from '../run.ts';

export const dbCommand: CliCommand = {
  usage: 'db migrate',
  summary: 'Apply pending database migrations',
  async run(args, ctx) {
    if (args[0] !== 'migrate' || args.length > 1) throw new UsageError('Usage: killtracker db migrate');
    const handle = await ctx.database();
    ctx.io.out(JSON.stringify({ migrated: true, database: handle.kind }));
    return 0;
  },
};
