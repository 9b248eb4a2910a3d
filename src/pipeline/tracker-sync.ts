// Keeps an in-memory matcher equal to the trackers in the database: polls the shared revision and
// recompiles only the trackers that changed (also when another process changed them).
import { isTrackerActive, type TrackerRepository, type TrackerRow } from '../db/tracker-repository.ts';
import type { Matcher } from '../engine/index.ts';
import type { Logger } from '../log.ts';

export interface TrackerRoute {
  trackerId: number;
  guildId: string;
  channelId: string;
}

export interface TrackerSync {
  /** Applies every change since the last refresh; resolves true when something changed. */
  refresh(): Promise<boolean>;
  /** Where a matched tracker posts (by matcher key). */
  route(key: string): TrackerRoute | undefined;
  /** Replaces the matcher (after the universe changed) and loads every tracker into it. */
  rebuild(matcher: Matcher): Promise<void>;
  matcher(): Matcher;
}

export const trackerKey = (id: number): string => String(id);

export function createTrackerSync(options: {
  trackers: TrackerRepository;
  matcher: Matcher;
  log: Logger;
  onLoaded?: (enabledTrackers: number) => void;
}): TrackerSync {
  const { trackers, log } = options;
  let matcher = options.matcher;
  let revision = -1;
  const routes = new Map<string, TrackerRoute>();

  function apply(row: TrackerRow): void {
    const key = trackerKey(row.id);
    routes.set(key, { trackerId: row.id, guildId: row.guildId, channelId: row.channelId });
    if (!isTrackerActive(row)) {
      matcher.remove(key);
      return;
    }
    try {
      matcher.set(key, row.definition, { guildId: row.guildId });
    } catch (error) {
      // Stored definitions were validated on write; one that no longer compiles must not stop the rest.
      matcher.remove(key);
      log.error(
        { err: error, tracker: row.id, guild: row.guildId },
        'tracker could not be compiled; skipped',
      );
    }
  }

  const sync: TrackerSync = {
    async refresh() {
      const current = await trackers.revision();
      if (current === revision) return false;
      const changes = await trackers.changesSince(revision);
      for (const row of changes.changed) apply(row);
      const existing = new Set(changes.existingIds.map(trackerKey));
      for (const key of [...routes.keys()]) {
        if (!existing.has(key)) {
          routes.delete(key);
          matcher.remove(key);
        }
      }
      const first = revision === -1;
      revision = changes.revision;
      options.onLoaded?.(matcher.size);
      log[first ? 'info' : 'debug'](
        { trackers: matcher.size, changed: changes.changed.length, revision },
        'trackers loaded',
      );
      return true;
    },
    route: (key) => routes.get(key),
    async rebuild(next) {
      matcher = next;
      routes.clear();
      revision = -1;
      await sync.refresh();
    },
    matcher: () => matcher,
  };
  return sync;
}
