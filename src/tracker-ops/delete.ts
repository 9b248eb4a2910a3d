// Deleting a tracker (after the admin confirmed): its alerts stop at once.
import type { TrackerRow } from '../db/tracker-repository.ts';
import { escapeMarkdown } from '../engine/render/index.ts';
import type { TrackerStore } from './deps.ts';

export async function deleteTracker(deps: TrackerStore, row: TrackerRow): Promise<string> {
  await deps.trackers.remove(row.id, row.guildId);
  return `Deleted the tracker **${escapeMarkdown(row.name)}**.`;
}
