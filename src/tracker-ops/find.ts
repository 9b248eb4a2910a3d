// Finding a tracker within one guild only: by id or name as typed (autocomplete gives the id), or by the
// id in a custom_id. Another guild's tracker is "not found", never shown.
import type { TrackerRepository, TrackerRow } from '../db/tracker-repository.ts';
import { escapeMarkdown } from '../engine/render/index.ts';
import { UserError } from '../user-error.ts';

function trackerNotFound(text: string): UserError {
  return new UserError(
    `No tracker "${escapeMarkdown(text.slice(0, 100))}" in this server. Run /tracker list to see them, or pick one from the list while typing.`,
  );
}

/** A tracker deleted since the editor or command named it (or another guild's: the same answer). */
export function trackerGone(): UserError {
  return new UserError(
    'This tracker no longer exists (it may have been deleted). Run /tracker list to see the current ones.',
  );
}

export async function findTracker(
  trackers: TrackerRepository,
  guildId: string,
  text: string,
): Promise<TrackerRow> {
  const trimmed = text.trim();
  if (/^\d{1,10}$/.test(trimmed)) {
    const byId = await trackers.get(Number(trimmed), guildId);
    if (byId) return byId;
  }
  const byName = await trackers.findByName(guildId, trimmed);
  if (byName) return byName;
  throw trackerNotFound(trimmed);
}

/** By id from a custom_id: the same "not found" for a deleted tracker and for another guild's. */
export async function trackerById(
  trackers: TrackerRepository,
  guildId: string,
  id: number,
): Promise<TrackerRow> {
  const row = await trackers.get(id, guildId);
  if (!row) throw trackerGone();
  return row;
}
