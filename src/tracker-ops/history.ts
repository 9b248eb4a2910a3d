// Runs one tracker over stored killmails, newest first, as the live matcher would have: the preview
// ("would have posted N alerts") and the choice of a test post's killmail.
import type { TrackerRow } from '../db/tracker-repository.ts';
import {
  createMatcher,
  type Killmail,
  normalizeKillmail,
  type TrackerDefinition,
  type TrackerMatch,
} from '../engine/index.ts';
import type { HistoryDeps } from './deps.ts';

export interface MatchedKillmail {
  killmail: Killmail;
  match: TrackerMatch;
}

interface HistoryScan {
  /** Killmails looked at. */
  scanned: number;
  /** Killmails the tracker matched. */
  matched: number;
  /** The newest matches, newest first (at most `keep`). */
  newest: MatchedKillmail[];
}

const KEY = 'history';

/** A matcher holding only this tracker, enabled whatever its state (previews are for drafts too). */
export function singleTrackerMatcher(deps: HistoryDeps, definition: TrackerDefinition, guildId: string) {
  const matcher = createMatcher({
    universe: deps.world().universe,
    defaultMaxAgeMinutes: deps.defaultMaxAgeMinutes,
  });
  matcher.set(KEY, { ...definition, enabled: true }, { guildId });
  return {
    /** The match at the kill's own time, so max_age_minutes does not hide history. */
    match(killmail: Killmail): TrackerMatch | undefined {
      return matcher.match(killmail, { now: killmail.time })[0];
    },
  };
}

export async function scanHistory(
  deps: HistoryDeps,
  row: TrackerRow,
  options: { since: Date; keep: number; stopAfter?: number },
): Promise<HistoryScan> {
  const world = deps.world();
  const matcher = singleTrackerMatcher(deps, row.definition, row.guildId);
  const scan: HistoryScan = { scanned: 0, matched: 0, newest: [] };
  for await (const page of deps.killmailHistory.receivedSince(options.since)) {
    for (const document of page) {
      let killmail: Killmail;
      try {
        killmail = normalizeKillmail(document, world);
      } catch (error) {
        deps.log.warn({ err: error, killmail: document.killmail_id }, 'stored killmail unreadable; skipped');
        continue;
      }
      scan.scanned++;
      const match = matcher.match(killmail);
      if (!match) continue;
      scan.matched++;
      if (scan.newest.length < options.keep) scan.newest.push({ killmail, match });
      if (options.stopAfter !== undefined && scan.matched >= options.stopAfter) return scan;
    }
  }
  return scan;
}
