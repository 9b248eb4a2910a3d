// What the tracker operations work with: repositories and services by name, never a Discord interaction.
// The bot's context has all of them; an operation asks only for what it uses.
import type { KillmailHistory } from '../db/killmail-history.ts';
import type { KillmailStore } from '../db/killmail-store.ts';
import type { TrackerRepository } from '../db/tracker-repository.ts';
import type { TrackerStats } from '../db/tracker-stats.ts';
import type { AlertSender } from '../delivery/discord-sender.ts';
import type { NameResolver } from '../ingest/esi/name-resolver.ts';
import type { Logger } from '../log.ts';
import type { World } from '../pipeline/world.ts';

/** Reading and saving trackers: saving validates against the loaded universe. */
export interface TrackerStore {
  trackers: TrackerRepository;
  world: () => World;
}

/** Running a tracker over stored killmails and rendering what it would post. */
export interface HistoryDeps extends TrackerStore {
  killmailHistory: KillmailHistory;
  killmails: KillmailStore;
  nameResolver: NameResolver;
  defaultMaxAgeMinutes: number;
  now: () => number;
  log: Logger;
}

export interface TestPostDeps extends HistoryDeps {
  /** Posts with the bot token, the path live alerts take. */
  sender: AlertSender;
}

export interface ListDeps extends TrackerStore {
  trackerStats: TrackerStats;
  now: () => number;
}
