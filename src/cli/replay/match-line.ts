// One output line per replayed match: the documented JSON line, or a line for people to read.
import {
  formatIsk,
  formatJumps,
  formatLightYears,
  type Killmail,
  type TrackerMatch,
} from '../../engine/index.ts';
import { killUrl } from '../../engine/render/index.ts';
import type { Universe } from '../../engine/universe/index.ts';
import { jsonLine } from '../output.ts';

export const REPLAY_FORMATS = ['jsonl', 'text'] as const;
export type ReplayFormat = (typeof REPLAY_FORMATS)[number];

/** {"tracker": "Caps near home", "killmail_id": 12345, "jumps": 7, "distance_ly": 5.85} */
export function matchJsonLine(killmail: Killmail, match: TrackerMatch): string {
  return jsonLine({
    tracker: match.tracker.name,
    killmail_id: killmail.id,
    jumps: match.jumps,
    distance_ly: match.distanceLy === null ? null : Math.round(match.distanceLy * 100) / 100,
  });
}

/** Caps near home  kill 12345  Haras (7 jumps, 5.85 LY)  1.23b  https://zkillboard.com/kill/12345/ */
export function matchTextLine(killmail: Killmail, match: TrackerMatch, universe: Universe): string {
  const system = universe.system(killmail.solarSystemId)?.name ?? `system ${killmail.solarSystemId}`;
  const range: string[] = [];
  if (match.jumps !== null) range.push(formatJumps(match.jumps));
  if (match.distanceLy !== null) range.push(formatLightYears(match.distanceLy));
  const where = range.length > 0 ? `${system} (${range.join(', ')})` : system;
  return [
    match.tracker.name,
    `kill ${killmail.id}`,
    where,
    formatIsk(killmail.value),
    killUrl(killmail.id),
  ].join('  ');
}

export function matchLine(
  format: ReplayFormat,
  killmail: Killmail,
  match: TrackerMatch,
  universe: Universe,
): string {
  return format === 'jsonl' ? matchJsonLine(killmail, match) : matchTextLine(killmail, match, universe);
}
