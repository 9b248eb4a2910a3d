// The part of the tracker index for trackers anchored on a range: gate jumps or light years from their
// origin, or a minimum value or attacker count. Trackers are added and removed one at a time; origins are
// laid out flat (rebuilt only after the set of origins or a widest limit changed), so thousands of origins
// cost one lookup each per killmail.
import type { MatchScope } from '../clauses/types.ts';
import type { Killmail } from '../killmail/types.ts';
import { hasLightYearDistance } from '../universe/space-class.ts';
import type { Universe } from '../universe/types.ts';
import { METRES_PER_LIGHT_YEAR } from '../universe/universe.ts';
import type { TrackerAnchor } from './compile.ts';
import { killSearch, type RouteJumps } from './route.ts';
import { SortedLimits } from './sorted-limits.ts';

export type RangeAnchor = Extract<
  TrackerAnchor,
  { kind: 'jumps' | 'distance' | 'min_value' | 'min_attackers' }
>;

export interface RangeIndex {
  add(ordinal: number, anchor: RangeAnchor): void;
  /** Removes what `add` added with the same ordinal and anchor. */
  remove(ordinal: number, anchor: RangeAnchor): void;
  /** Calls `take` for every tracker whose range fits the killmail (possibly more than once for none). */
  collect(killmail: Killmail, scope: MatchScope, take: (ordinal: number) => void): void;
}

type JumpAnchor = Extract<RangeAnchor, { kind: 'jumps' }>;

/** Trackers sharing an origin and route: a kill at range r takes every one whose limit is >= r. */
interface JumpGroup {
  readonly anchor: JumpAnchor;
  readonly limits: SortedLimits;
}

/** Jump groups whose routes all read the kill's jump search (with one avoid-high-sec flag), laid out flat. */
interface KillSearchLayout {
  readonly avoidHighSec: boolean;
  readonly originIndexes: Int32Array;
  /** The widest limit of each group: the kill's search never looks beyond it for that group. */
  readonly widest: Int32Array;
  readonly groups: readonly SortedLimits[];
}

/**
 * Light-year groups laid out flat: a squared distance in metres rules an origin out before the universe
 * measures the exact distance (the one the clause itself uses).
 */
interface DistanceLayout {
  readonly originSolarSystemIds: Int32Array;
  /** x, y, z of each origin, in metres. */
  readonly positions: Float64Array;
  /** The widest limit of each group in squared metres, a hair wider so rounding never rules out a kill. */
  readonly reachSquared: Float64Array;
  readonly groups: readonly SortedLimits[];
}

interface Layout {
  readonly killSearchJumps: readonly KillSearchLayout[];
  /** High-sec origins avoiding high-sec (and unknown origins) count jumps on a route of their own. */
  readonly ownRouteJumps: ReadonlyArray<{ readonly route: RouteJumps; readonly limits: SortedLimits }>;
  readonly distances: DistanceLayout;
}

/** Relative slack of the squared-distance pre-check; the exact limit is applied afterwards. */
const REACH_SLACK = 1e-9;

export function createRangeIndex(universe: Universe): RangeIndex {
  const jumpGroups = new Map<string, JumpGroup>();
  const distanceGroups = new Map<number, SortedLimits>();
  const minValues = new SortedLimits('ascending');
  const minAttackers = new SortedLimits('ascending');
  // Rebuilt on the next collect after a group appeared, emptied or changed its widest limit.
  let layout: Layout | undefined;

  const relayout = (): Layout => {
    layout ??= {
      killSearchJumps: [false, true].map((avoidHighSec) => killSearchLayout(jumpGroups, avoidHighSec)),
      ownRouteJumps: [...jumpGroups.values()]
        .filter(({ anchor }) => anchor.source.kind !== 'kill_search')
        .map(({ anchor, limits }) => ({ route: anchor.route, limits })),
      distances: distanceLayout(distanceGroups, universe),
    };
    return layout;
  };

  /** Adds to or removes from a group, and drops the layout when the group's reach changed. */
  const change = (limits: SortedLimits, apply: () => void): void => {
    const before = limits.size === 0 ? undefined : limits.first();
    apply();
    const after = limits.size === 0 ? undefined : limits.first();
    if (before !== after) layout = undefined;
  };

  return {
    add(ordinal, anchor) {
      switch (anchor.kind) {
        case 'jumps': {
          let group = jumpGroups.get(anchor.routeKey);
          if (!group) {
            group = { anchor, limits: new SortedLimits('descending') };
            jumpGroups.set(anchor.routeKey, group);
          }
          const { limits } = group;
          change(limits, () => limits.insert(anchor.maxJumps, ordinal));
          return;
        }
        case 'distance': {
          let limits = distanceGroups.get(anchor.originSolarSystemId);
          if (!limits) {
            limits = new SortedLimits('descending');
            distanceGroups.set(anchor.originSolarSystemId, limits);
          }
          const group = limits;
          change(group, () => group.insert(anchor.maxLy, ordinal));
          return;
        }
        case 'min_value':
          minValues.insert(anchor.minValue, ordinal);
          return;
        case 'min_attackers':
          minAttackers.insert(anchor.minAttackers, ordinal);
          return;
      }
    },

    remove(ordinal, anchor) {
      switch (anchor.kind) {
        case 'jumps': {
          const group = jumpGroups.get(anchor.routeKey);
          if (!group) return;
          change(group.limits, () => group.limits.delete(anchor.maxJumps, ordinal));
          if (group.limits.size === 0) jumpGroups.delete(anchor.routeKey);
          return;
        }
        case 'distance': {
          const limits = distanceGroups.get(anchor.originSolarSystemId);
          if (!limits) return;
          change(limits, () => limits.delete(anchor.maxLy, ordinal));
          if (limits.size === 0) distanceGroups.delete(anchor.originSolarSystemId);
          return;
        }
        case 'min_value':
          minValues.delete(anchor.minValue, ordinal);
          return;
        case 'min_attackers':
          minAttackers.delete(anchor.minAttackers, ordinal);
          return;
      }
    },

    collect(killmail, scope, take) {
      const { killSearchJumps, ownRouteJumps, distances } = relayout();
      for (const { avoidHighSec, originIndexes, widest, groups } of killSearchJumps) {
        if (groups.length === 0) continue;
        const search = killSearch(killmail, scope, avoidHighSec);
        if (!search) continue;
        for (let g = 0; g < groups.length; g++) {
          const range = search.jumpsTo(originIndexes[g]!, widest[g]!);
          if (range >= 0) groups[g]!.takeWhileAtLeast(range, take);
        }
      }
      // Every route to a system the universe does not know is unreachable: no need to ask each one.
      if (scope.systemIndex >= 0) {
        for (const { route, limits } of ownRouteJumps) {
          const range = route(killmail, scope, limits.first());
          if (range >= 0) limits.takeWhileAtLeast(range, take);
        }
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
          if (range !== null) groups[g]!.takeWhileAtLeast(range, take);
        }
      }
      if (killmail.value !== undefined) minValues.takeWhileAtMost(killmail.value, take);
      minAttackers.takeWhileAtMost(killmail.attackerCount, take);
    },
  };
}

function killSearchLayout(groups: ReadonlyMap<string, JumpGroup>, avoidHighSec: boolean): KillSearchLayout {
  const byOrigin: Array<[number, SortedLimits]> = [];
  for (const { anchor, limits } of groups.values()) {
    if (anchor.source.kind !== 'kill_search' || anchor.source.avoidHighSec !== avoidHighSec) continue;
    byOrigin.push([anchor.source.originIndex, limits]);
  }
  // By origin index: a kill then reads its jump counts front to back, not all over the array.
  byOrigin.sort((a, b) => a[0] - b[0]);
  return {
    avoidHighSec,
    originIndexes: Int32Array.from(byOrigin, ([originIndex]) => originIndex),
    widest: Int32Array.from(byOrigin, ([, limits]) => limits.first()),
    groups: byOrigin.map(([, limits]) => limits),
  };
}

/** Origins without a light-year distance (w-space...) are left out: their trackers can never match. */
function distanceLayout(byOrigin: ReadonlyMap<number, SortedLimits>, universe: Universe): DistanceLayout {
  const originSolarSystemIds: number[] = [];
  const positions: number[] = [];
  const reachSquared: number[] = [];
  const groups: SortedLimits[] = [];
  for (const [originSolarSystemId, limits] of byOrigin) {
    const origin = universe.system(originSolarSystemId);
    if (!origin || !hasLightYearDistance(origin.spaceClass)) continue;
    const reach = limits.first() * METRES_PER_LIGHT_YEAR * (1 + REACH_SLACK);
    originSolarSystemIds.push(originSolarSystemId);
    positions.push(origin.x, origin.y, origin.z);
    reachSquared.push(reach * reach);
    groups.push(limits);
  }
  return {
    originSolarSystemIds: Int32Array.from(originSolarSystemIds),
    positions: Float64Array.from(positions),
    reachSquared: Float64Array.from(reachSquared),
    groups,
  };
}
