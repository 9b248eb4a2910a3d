// A guild's trackers with how many killmails each matched in the last 24 hours.
import type { TrackerRow } from '../db/tracker-repository.ts';
import type { ListDeps } from './deps.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function listTrackers(
  deps: ListDeps,
  guildId: string,
): Promise<Array<{ row: TrackerRow; matchesToday: number }>> {
  const rows = await deps.trackers.list(guildId);
  if (rows.length === 0) return [];
  const counts = await deps.trackerStats.matchesSince(guildId, new Date(deps.now() - DAY_MS));
  return rows.map((row) => ({ row, matchesToday: counts.get(row.id) ?? 0 }));
}
