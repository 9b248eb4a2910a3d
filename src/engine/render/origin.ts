// Jumps and light years from the trackers' origins. Trackers sharing an origin and a route share a
// line; with several origins (or routes: one may avoid high-sec) each line names its trackers.
import { formatJumps, formatLightYears } from '../format.ts';
import type { TrackerMatch } from '../tracker/types.ts';
import { type SystemLookup, systemLink } from './embed-fields.ts';
import { DISCORD_LIMITS, joinWithinLimit } from './limits.ts';
import { nameLabel } from './names.ts';

interface OriginGroup {
  originId: number;
  jumps: number | null;
  distanceLy: number | null;
  trackerNames: string[];
}

// One line must leave room for others: a crowd of tracker names is cut to "+N more" well before this.
const MAX_TRACKER_NAMES_LENGTH = 300;

function groupByOrigin(matches: readonly TrackerMatch[]): OriginGroup[] {
  const groups = new Map<string, OriginGroup>();
  for (const { tracker, jumps, distanceLy } of matches) {
    const originId = tracker.origin_solar_system_id;
    if (originId === undefined || originId === null) continue;
    const key = `${originId}:${jumps}:${distanceLy}`;
    let group = groups.get(key);
    if (!group) {
      group = { originId, jumps, distanceLy, trackerNames: [] };
      groups.set(key, group);
    }
    if (!group.trackerNames.includes(tracker.name)) group.trackerNames.push(tracker.name);
  }
  return [...groups.values()];
}

/** "3 jumps · 2.15 LY from [Huola](...)"; no LY across w-space or Pochven, "no gate route" when unreachable. */
function routeText(group: OriginGroup, universe: SystemLookup): string {
  const parts = [group.jumps === null ? 'no gate route' : formatJumps(group.jumps)];
  if (group.distanceLy !== null) parts.push(formatLightYears(group.distanceLy));
  return `${parts.join(' · ')} from ${systemLink(universe, group.originId)}`;
}

/** The origin field's name and value, or undefined when no matched tracker has an origin. */
export function originField(
  matches: readonly TrackerMatch[],
  universe: SystemLookup,
): { name: string; value: string } | undefined {
  const groups = groupByOrigin(matches);
  const first = groups[0];
  if (!first) return undefined;
  if (groups.length === 1) return { name: 'From origin', value: routeText(first, universe) };
  const lines = groups.map((group) => {
    const trackerNames = group.trackerNames.map((name) => `**${nameLabel(name)}**`);
    return `${joinWithinLimit(trackerNames, ', ', MAX_TRACKER_NAMES_LENGTH)}: ${routeText(group, universe)}`;
  });
  return { name: 'From origins', value: joinWithinLimit(lines, '\n', DISCORD_LIMITS.fieldValue) };
}
