// `killtracker db migrate`: applies pending migrations (start does this too).
import { parseCommandArgs } from '../args.ts';
import type { CliCommand } from '../command.ts';
import { jsonLine } from '../output.ts';

export const dbCommand: CliCommand<void> = {
  parse(argv) {
    parseCommandArgs(argv, {}, false);
  },
  async run(_args, ctx) {
    const handle = await ctx.database();
    ctx.io.out(jsonLine({ migrated: true, database: handle.kind }));
    return 0;
  },
};
