// Runs one command: its arguments first (a mistake exits 2 before anything is opened), then the work,
// turning every failure into a sentence for the terminal.
import { ConfigError } from '../config/env.ts';
import { type CliIo, createCliContext, type CliContext } from './context.ts';
import { describeDatabaseFailure } from './database-failure.ts';
import { CliError, UsageError } from './errors.ts';
import { usageText } from './help/format.ts';
import type { RegisteredCommand } from './registry.ts';

export async function executeCommand(
  command: RegisteredCommand,
  subcommand: string | undefined,
  args: readonly string[],
  source: NodeJS.ProcessEnv,
  io: CliIo,
): Promise<number> {
  const report = (error: unknown) => reportFailure(error, io, command, subcommand);
  let ctx: CliContext | undefined;
  try {
    const implementation = await command.load();
    const parsed = implementation.parse(args, subcommand);
    ctx = createCliContext(source, io);
    return await implementation.run(parsed, ctx);
  } catch (error) {
    return report(error);
  } finally {
    await ctx?.close().catch(() => undefined);
  }
}

function reportFailure(
  error: unknown,
  io: CliIo,
  command: RegisteredCommand,
  subcommand: string | undefined,
): number {
  if (error instanceof UsageError) {
    io.err(`${error.message}\n${usageText(command.help, subcommand)}`);
    return error.exitCode;
  }
  if (error instanceof CliError) {
    io.err(error.message);
    return error.exitCode;
  }
  if (error instanceof ConfigError) {
    io.err(error.message);
    return 1;
  }
  const database = describeDatabaseFailure(error);
  if (database !== undefined) {
    io.err(database);
    return 1;
  }
  io.err(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return 1;
}
