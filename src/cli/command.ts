// What a command's implementation offers the CLI: reading its arguments, then running. What it says about
// itself (usage, options, examples) is in src/cli/help, so help never loads an implementation.
import type { CliContext } from './context.ts';

export interface CliCommand<Args> {
  /**
   * Reads the arguments that follow the command (and subcommand) name; throws UsageError. Runs before the
   * configuration is read or a database is opened, so a typo costs nothing.
   */
  parse(argv: readonly string[], subcommand: string | undefined): Args;
  /** Does the work and resolves with the exit code. */
  run(args: Args, ctx: CliContext): Promise<number>;
}
