// Limits per guild, so that one server cannot grow the matcher, the editor or the database for everyone:
// trackers per guild, entries per list clause and list entries of all its trackers together. The bot's
// operator raises them with the settings each message names.
import type { TrackerRow } from '../db/tracker-repository.ts';
import type { TrackerDefinition } from '../engine/index.ts';
import { UserError } from '../user-error.ts';

export interface TrackerLimits {
  /** Trackers one guild may have (MAX_TRACKERS_PER_GUILD). */
  trackersPerGuild: number;
  /** Ids or roles one list clause may hold (MAX_LIST_ENTRIES_PER_CLAUSE). */
  listEntriesPerClause: number;
  /** Ids and roles of every list clause of a guild's trackers together (MAX_LIST_ENTRIES_PER_GUILD). */
  listEntriesPerGuild: number;
}

export const DEFAULT_TRACKER_LIMITS: TrackerLimits = {
  trackersPerGuild: 100,
  listEntriesPerClause: 1000,
  listEntriesPerGuild: 10_000,
};

/** The limits as the settings give them. */
export function trackerLimits(settings: {
  MAX_TRACKERS_PER_GUILD: number;
  MAX_LIST_ENTRIES_PER_CLAUSE: number;
  MAX_LIST_ENTRIES_PER_GUILD: number;
}): TrackerLimits {
  return {
    trackersPerGuild: settings.MAX_TRACKERS_PER_GUILD,
    listEntriesPerClause: settings.MAX_LIST_ENTRIES_PER_CLAUSE,
    listEntriesPerGuild: settings.MAX_LIST_ENTRIES_PER_GUILD,
  };
}

/** The ids and roles a tracker's list clauses hold. */
export function listEntriesOf(definition: TrackerDefinition): number {
  let count = 0;
  for (const value of Object.values(definition.clauses)) if (Array.isArray(value)) count += value.length;
  return count;
}

const count = (value: number, noun: string) =>
  `${value.toLocaleString('en-US')} ${noun}${value === 1 ? '' : 's'}`;

/**
 * Checks a write against the guild's trackers as they are inside the write's transaction (`current`):
 * `saving` replaces the trackers with those ids (none for new ones). Only a write that adds trackers or
 * entries is refused, so a guild over a lowered limit can still edit and shrink what it has.
 */
export function checkGuildLimits(
  limits: TrackerLimits,
  current: readonly TrackerRow[],
  saving: ReadonlyArray<{ id?: number; definition: TrackerDefinition }>,
): void {
  const added = saving.filter((entry) => entry.id === undefined).length;
  if (added > 0 && current.length + added > limits.trackersPerGuild) {
    const room = Math.max(0, limits.trackersPerGuild - current.length);
    throw new UserError(
      `This server has ${count(current.length, 'tracker')}, and the limit is ${count(limits.trackersPerGuild, 'tracker')} per server${added > 1 ? ` (room for ${room} more, not ${added})` : ''}. Delete trackers you no longer need (/tracker list shows them all), or ask the bot's operator to raise MAX_TRACKERS_PER_GUILD.`,
    );
  }
  const replaced = new Set(saving.flatMap((entry) => (entry.id === undefined ? [] : [entry.id])));
  const before = current.reduce((sum, row) => sum + listEntriesOf(row.definition), 0);
  const after =
    current.reduce((sum, row) => sum + (replaced.has(row.id) ? 0 : listEntriesOf(row.definition)), 0) +
    saving.reduce((sum, entry) => sum + listEntriesOf(entry.definition), 0);
  if (after > before && after > limits.listEntriesPerGuild) {
    throw new UserError(
      `That would make this server's trackers list ${after.toLocaleString('en-US')} names and ids in all, and the limit is ${limits.listEntriesPerGuild.toLocaleString('en-US')} per server (systems, pilots, ship types… of every tracker together). Shorten some lists (the editor's list boxes, /tracker remove-clause), or ask the bot's operator to raise MAX_LIST_ENTRIES_PER_GUILD.`,
    );
  }
}
