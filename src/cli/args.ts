// Argument parsing shared by the CLI commands: node's parseArgs, with every mistake turned into a
// usage error (exit 2; the command's usage is printed under it).
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<T extends Options>(
  args: readonly string[],
  options: T,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

const DISCORD_ID = /^\d{17,20}$/;

/** A required Discord id option (a server or channel id). */
export function discordIdOption(value: string | undefined, option: string): string {
  if (value === undefined) throw new UsageError(`--${option} is required.`);
  if (!DISCORD_ID.test(value)) {
    throw new UsageError(
      `--${option} must be a Discord id (17-20 digits; enable Developer Mode, right-click, Copy ID).`,
    );
  }
  return value;
}

/** No arguments beyond the options: a stray word is a mistake worth stopping for. */
export function noPositionals(positionals: readonly string[]): void {
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}".`);
}
