// The part of the tracker index for trackers anchored on a range: gate jumps or light years from their
// origin, or a minimum value. Origins are laid out flat, so thousands of them cost one lookup each.
import type { MatchScope } from '../clauses/types.ts';
import type { Killmail } from '../killmail/types.ts';
import { hasLightYearDistance } from '../universe/space-class.ts';
import type { Universe } from '../universe/types.ts';
import { METRES_PER_LIGHT_YEAR } from '../universe/universe.ts';
import type { TrackerAnchor } from './compile.ts';
import { killSearch, type RouteJumps } from './route.ts';

export type RangeAnchor = Extract<TrackerAnchor, { kind: 'jumps' | 'distance' | 'min_value' }>;

export interface RangeIndex<T> {
  /** Calls `take` once for every tracker whose range fits the killmail. */
  collect(killmail: Killmail, scope: MatchScope, take: (tracker: T) => void): void;
}

/** Trackers sharing an origin and route, widest limit first: a kill at range r takes the prefix >= r. */
interface RangeGroup<T> {
  readonly limits: number[];
  readonly trackers: T[];
}

/** Jump groups whose routes all read the kill's jump search (with one avoid-high-sec flag). */
interface KillSearchJumpGroups<T> {
  readonly avoidHighSec: boolean;
  readonly originIndexes: Int32Array;
  /** The widest limit of each group: the kill's search never looks beyond it for that group. */
  readonly widest: Int32Array;
  readonly groups: readonly RangeGroup<T>[];
}

/** High-sec origins avoiding high-sec (and unknown origins) count jumps on a route of their own. */
interface OwnRouteJumpGroup<T> extends RangeGroup<T> {
  readonly route: RouteJumps;
}

/**
 * Light-year groups: a squared distance in metres rules an origin out before the universe measures the
 * exact distance (the one the clause itself uses).
 */
interface DistanceGroups<T> {
  readonly originSolarSystemIds: readonly number[];
  /** x, y, z of each origin, in metres. */
  readonly positions: Float64Array;
  /** The widest limit of each group in squared metres, a hair wider so rounding never rules out a kill. */
  readonly reachSquared: Float64Array;
  readonly groups: readonly RangeGroup<T>[];
}

/** Relative slack of the squared-distance pre-check; the exact limit is applied afterwards. */
const REACH_SLACK = 1e-9;

export function buildRangeIndex<T>(
  anchored: ReadonlyArray<readonly [RangeAnchor, T]>,
  universe: Universe,
): RangeIndex<T> {
  const jumpGroups = new Map<
    string,
    { anchor: Extract<RangeAnchor, { kind: 'jumps' }>; members: Array<[number, T]> }
  >();
  const distanceGroups = new Map<number, Array<[number, T]>>();
  const minValues: Array<[number, T]> = [];
  for (const [anchor, tracker] of anchored) {
    if (anchor.kind === 'jumps') {
      const group = jumpGroups.get(anchor.routeKey) ?? { anchor, members: [] };
      jumpGroups.set(anchor.routeKey, group);
      group.members.push([anchor.maxJumps, tracker]);
    } else if (anchor.kind === 'distance') {
      const members = distanceGroups.get(anchor.originSolarSystemId) ?? [];
      distanceGroups.set(anchor.originSolarSystemId, members);
      members.push([anchor.maxLy, tracker]);
    } else {
      minValues.push([anchor.minValue, tracker]);
    }
  }

  const killSearchJumps = [false, true].map((avoidHighSec): KillSearchJumpGroups<T> => {
    const byOrigin: Array<[number, RangeGroup<T>]> = [];
    for (const { anchor, members } of jumpGroups.values()) {
      if (anchor.source.kind !== 'kill_search' || anchor.source.avoidHighSec !== avoidHighSec) continue;
      byOrigin.push([anchor.source.originIndex, widestFirst(members)]);
    }
    // By origin index: a kill then reads its jump counts front to back, not all over the array.
    byOrigin.sort((a, b) => a[0] - b[0]);
    const groups = byOrigin.map(([, group]) => group);
    return {
      avoidHighSec,
      originIndexes: Int32Array.from(byOrigin, ([originIndex]) => originIndex),
      widest: Int32Array.from(groups, (group) => group.limits[0]!),
      groups,
    };
  });
  const ownRouteJumps: OwnRouteJumpGroup<T>[] = [...jumpGroups.values()]
    .filter(({ anchor }) => anchor.source.kind !== 'kill_search')
    .map(({ anchor, members }) => ({ route: anchor.route, ...widestFirst(members) }));
  const distances = distanceIndex(distanceGroups, universe);
  // Lowest minimum first: a kill worth v takes the prefix of minimums <= v.
  minValues.sort((a, b) => a[0] - b[0]);
  const minValueLimits = minValues.map(([limit]) => limit);
  const minValueTrackers = minValues.map(([, tracker]) => tracker);

  const takeWithin = (group: RangeGroup<T>, range: number, take: (tracker: T) => void) => {
    for (let i = 0; i < group.limits.length && group.limits[i]! >= range; i++) take(group.trackers[i]!);
  };

  return {
    collect(killmail, scope, take) {
      for (const { avoidHighSec, originIndexes, widest, groups } of killSearchJumps) {
        if (groups.length === 0) continue;
        const search = killSearch(killmail, scope, avoidHighSec);
        if (!search) continue;
        for (let g = 0; g < groups.length; g++) {
          const range = search.jumpsTo(originIndexes[g]!, widest[g]!);
          if (range >= 0) takeWithin(groups[g]!, range, take);
        }
      }
      for (const group of ownRouteJumps) {
        const range = group.route(killmail, scope, group.limits[0]!);
        if (range >= 0) takeWithin(group, range, take);
      }
      const kill = universe.system(killmail.solarSystemId);
      if (kill && hasLightYearDistance(kill.spaceClass)) {
        const { originSolarSystemIds, positions, reachSquared, groups } = distances;
        for (let g = 0; g < groups.length; g++) {
          const dx = positions[g * 3]! - kill.x;
          const dy = positions[g * 3 + 1]! - kill.y;
          const dz = positions[g * 3 + 2]! - kill.z;
          if (dx * dx + dy * dy + dz * dz > reachSquared[g]!) continue;
          const range = universe.distanceLy(originSolarSystemIds[g]!, kill.id);
          if (range !== null) takeWithin(groups[g]!, range, take);
        }
      }
      const value = killmail.value;
      if (value !== undefined) {
        for (let i = 0; i < minValueLimits.length && minValueLimits[i]! <= value; i++) {
          take(minValueTrackers[i]!);
        }
      }
    },
  };
}

/** Origins without a light-year distance (w-space...) are left out: their trackers can never match. */
function distanceIndex<T>(
  byOrigin: ReadonlyMap<number, Array<[number, T]>>,
  universe: Universe,
): DistanceGroups<T> {
  const originSolarSystemIds: number[] = [];
  const positions: number[] = [];
  const reachSquared: number[] = [];
  const groups: RangeGroup<T>[] = [];
  for (const [originSolarSystemId, members] of byOrigin) {
    const origin = universe.system(originSolarSystemId);
    if (!origin || !hasLightYearDistance(origin.spaceClass)) continue;
    const group = widestFirst(members);
    const reach = group.limits[0]! * METRES_PER_LIGHT_YEAR * (1 + REACH_SLACK);
    originSolarSystemIds.push(originSolarSystemId);
    positions.push(origin.x, origin.y, origin.z);
    reachSquared.push(reach * reach);
    groups.push(group);
  }
  return {
    originSolarSystemIds,
    positions: Float64Array.from(positions),
    reachSquared: Float64Array.from(reachSquared),
    groups,
  };
}

function widestFirst<T>(members: Array<[number, T]>): RangeGroup<T> {
  members.sort((a, b) => b[0] - a[0]);
  return { limits: members.map(([limit]) => limit), trackers: members.map(([, tracker]) => tracker) };
}
