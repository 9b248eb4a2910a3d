// Command dispatch for `killtracker <command>`.
import { ConfigError } from '../config/env.ts';
import { type CliContext, type CliIo, createCliContext } from './context.ts';
import { CliError } from './errors.ts';

export interface CliCommand {
  /** e.g. "sde update [--file PATH]" */
  usage: string;
  summary: string;
  run(args: string[], ctx: CliContext): Promise<number | undefined>;
}

type CommandLoader = () => Promise<CliCommand>;

/** Each command is loaded only when used, so `killtracker route` never loads discord.js. */
const COMMANDS: Record<string, CommandLoader> = {
  start: async () => (await import('./commands/start.ts')).startCommand,
  db: async () => (await import('./commands/db.ts')).dbCommand,
  sde: async () => (await import('./commands/sde.ts')).sdeCommand,
  trackers: async () => (await import('./commands/trackers.ts')).trackersCommand,
  characters: async () => (await import('./commands/characters.ts')).charactersCommand,
  route: async () => (await import('./commands/route.ts')).routeCommand,
  replay: async () => (await import('./commands/replay.ts')).replayCommand,
  deadletter: async () => (await import('./commands/deadletter.ts')).deadletterCommand,
};

async function helpText(): Promise<string> {
  const lines = ['Usage: killtracker <command> [options]', '', 'Commands:'];
  for (const loader of Object.values(COMMANDS)) {
    const command = await loader();
    lines.push(`  ${command.usage.padEnd(52)} ${command.summary}`);
  }
  lines.push('', 'Configuration comes from environment variables or a .env file (see README.md).');
  return lines.join('\n');
}

export async function runCli(argv: string[], source: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(await helpText());
    return name === undefined ? 2 : 0;
  }
  const loader = COMMANDS[name];
  if (!loader) {
    io.err(`Unknown command "${name}". Run "killtracker help" to see the commands.`);
    return 2;
  }
  let ctx: CliContext | undefined;
  try {
    ctx = createCliContext(source, io);
    const command = await loader();
    return (await command.run(args, ctx)) ?? 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(error.message);
      return 1;
    }
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    io.err(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    await ctx?.close().catch(() => undefined);
  }
}
