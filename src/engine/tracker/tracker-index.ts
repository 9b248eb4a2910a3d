// An index of compiled trackers by the one required fact each is anchored on (a system, an entity, a jump
// or light-year range from its origin), so a killmail is tested only against trackers that can match it.
import type { IndexedFact, MatchScope } from '../clauses/types.ts';
import type { Killmail } from '../killmail/types.ts';
import type { Universe } from '../universe/types.ts';
import type { CompiledTracker } from './compile.ts';
import type { RouteJumps } from './route.ts';

/** What the index holds: a compiled tracker, its place in match order, and a per-match visit mark. */
export interface IndexedTracker {
  readonly ordinal: number;
  readonly compiled: CompiledTracker;
  /** The match number that last collected this tracker (dedupes trackers found under several ids). */
  visited: number;
}

type IdFact = Exclude<IndexedFact, 'jumps' | 'distance'>;

/** Facts with one value per killmail. */
const SINGLE_FACTS: Partial<Record<IdFact, (killmail: Killmail) => number | undefined>> = {
  solar_system: (killmail) => killmail.solarSystemId,
  constellation: (killmail) => killmail.constellationId,
  region: (killmail) => killmail.regionId,
  victim_character: (killmail) => killmail.victim.characterId,
  victim_corporation: (killmail) => killmail.victim.corporationId,
  victim_alliance: (killmail) => killmail.victim.allianceId,
  victim_faction: (killmail) => killmail.victim.factionId,
  victim_ship_type: (killmail) => killmail.victim.shipTypeId,
  victim_ship_group: (killmail) => killmail.victim.shipGroupId,
};

/** Facts with a set of values per killmail (one per attacker). */
const SET_FACTS: Partial<Record<IdFact, (killmail: Killmail) => ReadonlySet<number>>> = {
  attacker_character: (killmail) => killmail.attackerCharacterIds,
  attacker_corporation: (killmail) => killmail.attackerCorporationIds,
  attacker_alliance: (killmail) => killmail.attackerAllianceIds,
  attacker_faction: (killmail) => killmail.attackerFactionIds,
  attacker_ship_type: (killmail) => killmail.attackerShipTypeIds,
  attacker_ship_group: (killmail) => killmail.attackerShipGroupIds,
  attacker_weapon_type: (killmail) => killmail.attackerWeaponTypeIds,
  attacker_weapon_group: (killmail) => killmail.attackerWeaponGroupIds,
};

interface IdBuckets<T> {
  readonly single: ((killmail: Killmail) => number | undefined) | undefined;
  readonly set: ((killmail: Killmail) => ReadonlySet<number>) | undefined;
  readonly byId: Map<number, T[]>;
}

/** Trackers sharing an origin and route, widest range first: a kill at range d takes a prefix. */
interface RangeGroup<T> {
  readonly limits: number[];
  readonly trackers: T[];
}

interface JumpGroup<T> extends RangeGroup<T> {
  readonly route: RouteJumps;
}

interface DistanceGroup<T> extends RangeGroup<T> {
  readonly originSolarSystemId: number;
}

export interface TrackerIndex<T extends IndexedTracker> {
  /** Trackers with no anchor, in match order: tested against every killmail. */
  readonly unanchored: readonly T[];
  /**
   * Fills `out` (emptied first) with the anchored trackers whose anchor fits the killmail, each once, in
   * match order. `visit` must differ from every earlier call's.
   */
  collect(killmail: Killmail, scope: MatchScope, visit: number, out: T[]): void;
}

const byOrdinal = (a: IndexedTracker, b: IndexedTracker) => a.ordinal - b.ordinal;

/** Builds the index over trackers given in match order. */
export function buildTrackerIndex<T extends IndexedTracker>(
  trackers: readonly T[],
  universe: Universe,
): TrackerIndex<T> {
  const unanchored: T[] = [];
  const idBuckets = new Map<IdFact, IdBuckets<T>>();
  const jumpGroups = new Map<string, { route: RouteJumps; members: Array<[number, T]> }>();
  const distanceGroups = new Map<number, Array<[number, T]>>();

  for (const tracker of trackers) {
    const anchor = tracker.compiled.anchor;
    if (!anchor) {
      unanchored.push(tracker);
    } else if (anchor.kind === 'jumps') {
      const group = jumpGroups.get(anchor.routeKey) ?? { route: anchor.route, members: [] };
      jumpGroups.set(anchor.routeKey, group);
      group.members.push([anchor.maxJumps, tracker]);
    } else if (anchor.kind === 'distance') {
      const members = distanceGroups.get(anchor.originSolarSystemId) ?? [];
      distanceGroups.set(anchor.originSolarSystemId, members);
      members.push([anchor.maxLy, tracker]);
    } else {
      let buckets = idBuckets.get(anchor.fact);
      if (!buckets) {
        buckets = { single: SINGLE_FACTS[anchor.fact], set: SET_FACTS[anchor.fact], byId: new Map() };
        idBuckets.set(anchor.fact, buckets);
      }
      for (const id of anchor.ids) {
        const bucket = buckets.byId.get(id) ?? [];
        buckets.byId.set(id, bucket);
        bucket.push(tracker);
      }
    }
  }

  const jumps: JumpGroup<T>[] = [...jumpGroups.values()].map(({ route, members }) => ({
    route,
    ...widestFirst(members),
  }));
  const distances: DistanceGroup<T>[] = [...distanceGroups].map(([originSolarSystemId, members]) => ({
    originSolarSystemId,
    ...widestFirst(members),
  }));
  const buckets = [...idBuckets.values()];

  const add = (tracker: T, visit: number, out: T[]) => {
    if (tracker.visited === visit) return;
    tracker.visited = visit;
    out.push(tracker);
  };
  const addAll = (list: readonly T[] | undefined, visit: number, out: T[]) => {
    if (list) for (let i = 0; i < list.length; i++) add(list[i]!, visit, out);
  };
  const addWithin = (group: RangeGroup<T>, range: number, visit: number, out: T[]) => {
    for (let i = 0; i < group.limits.length && group.limits[i]! >= range; i++)
      add(group.trackers[i]!, visit, out);
  };

  return {
    unanchored,
    collect(killmail, scope, visit, out) {
      out.length = 0;
      for (const { single, set, byId } of buckets) {
        if (single) {
          const id = single(killmail);
          if (id !== undefined) addAll(byId.get(id), visit, out);
        } else if (set) {
          const ids = set(killmail);
          // Walk the smaller side: a 3,000-pilot fight against a handful of listed pilots, or the reverse.
          if (ids.size <= byId.size) {
            for (const id of ids) addAll(byId.get(id), visit, out);
          } else {
            for (const [id, list] of byId) if (ids.has(id)) addAll(list, visit, out);
          }
        }
      }
      for (const group of jumps) {
        const range = group.route(killmail, scope);
        if (range >= 0) addWithin(group, range, visit, out);
      }
      for (const group of distances) {
        const range = universe.distanceLy(group.originSolarSystemId, killmail.solarSystemId);
        if (range !== null) addWithin(group, range, visit, out);
      }
      if (out.length > 1) out.sort(byOrdinal);
    },
  };
}

function widestFirst<T>(members: Array<[number, T]>): RangeGroup<T> {
  members.sort((a, b) => b[0] - a[0]);
  return { limits: members.map(([limit]) => limit), trackers: members.map(([, tracker]) => tracker) };
}
