// History scans (previews and test posts) read up to a week of stored killmails: one guild runs one at a
// time, and not again until a cooldown has passed, so no server can keep the database busy for the rest.
// Kept in memory: each guild's commands are served by one process (its gateway shard).
import { UserError } from '../user-error.ts';

/** The default pause after each scan of a guild (PREVIEW_COOLDOWN_SECONDS=10). */
export const DEFAULT_HISTORY_SCAN_COOLDOWN_MS = 10_000;

export interface HistoryScanGate {
  /** Runs `scan` for the guild, or throws a UserError when one is running or the cooldown has not passed. */
  run<T>(guildId: string, scan: () => Promise<T>): Promise<T>;
}

export function createHistoryScanGate(options: { cooldownMs: number; now?: () => number }): HistoryScanGate {
  const now = options.now ?? Date.now;
  const running = new Set<string>();
  /** When each guild may scan again; entries leave once that time has passed. */
  const readyAt = new Map<string, number>();

  function forget(at: number): void {
    for (const [guildId, ready] of readyAt) if (ready <= at) readyAt.delete(guildId);
  }

  return {
    async run(guildId, scan) {
      const start = now();
      forget(start);
      if (running.has(guildId)) {
        throw new UserError(
          'A preview or test post of this server is still running: wait for its answer, then try again.',
        );
      }
      const ready = readyAt.get(guildId);
      if (ready !== undefined) {
        const seconds = Math.ceil((ready - start) / 1000);
        throw new UserError(
          `Previews and test posts run one at a time per server, with a pause of ${Math.ceil(options.cooldownMs / 1000)} seconds after each: try again in ${seconds} second${seconds === 1 ? '' : 's'}. (The bot's operator sets the pause with PREVIEW_COOLDOWN_SECONDS.)`,
        );
      }
      running.add(guildId);
      try {
        return await scan();
      } finally {
        running.delete(guildId);
        if (options.cooldownMs > 0) readyAt.set(guildId, now() + options.cooldownMs);
      }
    },
  };
}
