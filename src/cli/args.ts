// Argument parsing shared by the CLI commands: node's parseArgs, with every mistake turned into a
// usage error (exit 2) that shows the command's usage.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<T extends Options>(
  args: string[],
  options: T,
  usage: string,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
}

const DISCORD_ID = /^\d{17,20}$/;

/** A required Discord id option (a server or channel id). */
export function discordIdOption(value: string | undefined, option: string, usage: string): string {
  if (value === undefined) throw new UsageError(`--${option} is required.\n${usage}`);
  if (!DISCORD_ID.test(value)) {
    throw new UsageError(
      `--${option} must be a Discord id (17-20 digits; enable Developer Mode, right-click, Copy ID).`,
    );
  }
  return value;
}
