// What a change to a tracker gives back: the saved tracker and one or more lines saying what changed,
// shown above the editor by slash commands and editor components alike.
import type { TrackerRow } from '../db/tracker-repository.ts';

export interface TrackerChange {
  row: TrackerRow;
  notice: string;
}

/** Joins notice lines, skipping the empty ones; undefined when nothing is left. */
export function noticeText(...lines: Array<string | undefined | false>): string | undefined {
  const kept = lines.filter((line): line is string => typeof line === 'string' && line !== '');
  return kept.length === 0 ? undefined : kept.join('\n');
}
