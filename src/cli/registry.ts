// Every `killtracker` command: its help (always loaded) and its implementation (imported only to run it,
// so `--help` and argument errors never load discord.js, drizzle or PGlite).
import type { CliCommand } from './command.ts';
import { charactersHelp } from './help/characters.ts';
import { dbHelp } from './help/db.ts';
import { deadletterHelp } from './help/deadletter.ts';
import type { CommandHelp } from './help/format.ts';
import { ppkHelp } from './help/ppk.ts';
import { replayHelp } from './help/replay.ts';
import { routeHelp } from './help/route.ts';
import { sdeHelp } from './help/sde.ts';
import { startHelp } from './help/start.ts';
import { trackersHelp } from './help/trackers.ts';

export interface RegisteredCommand {
  help: CommandHelp;
  load(): Promise<CliCommand<unknown>>;
}

/** In the order `killtracker --help` lists them. */
export const COMMANDS: readonly RegisteredCommand[] = [
  { help: startHelp, load: async () => (await import('./commands/start.ts')).startCommand },
  { help: dbHelp, load: async () => (await import('./commands/db.ts')).dbCommand },
  { help: sdeHelp, load: async () => (await import('./commands/sde.ts')).sdeCommand },
  { help: trackersHelp, load: async () => (await import('./commands/trackers.ts')).trackersCommand },
  { help: charactersHelp, load: async () => (await import('./commands/characters.ts')).charactersCommand },
  { help: ppkHelp, load: async () => (await import('./commands/ppk.ts')).ppkCommand },
  { help: routeHelp, load: async () => (await import('./commands/route.ts')).routeCommand },
  { help: replayHelp, load: async () => (await import('./commands/replay.ts')).replayCommand },
  { help: deadletterHelp, load: async () => (await import('./commands/deadletter.ts')).deadletterCommand },
];
