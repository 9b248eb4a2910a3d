// An index of compiled trackers by the one required fact each is anchored on (a system, an entity, or a
// range: jumps or light years from its origin, a minimum value), so a killmail is tested only against
// trackers that can match it.
import type { IndexedFact, MatchScope } from '../clauses/types.ts';
import type { Killmail } from '../killmail/types.ts';
import type { Universe } from '../universe/types.ts';
import type { CompiledTracker } from './compile.ts';
import { buildRangeIndex, type RangeAnchor } from './range-index.ts';

/** What the index holds: a compiled tracker and its place in match order (0, 1, 2...). */
export interface IndexedTracker {
  readonly ordinal: number;
  readonly compiled: CompiledTracker;
}

type IdFact = Exclude<IndexedFact, 'jumps' | 'distance' | 'min_value'>;

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

export interface TrackerIndex<T extends IndexedTracker> {
  /** Trackers with no anchor, in match order: tested against every killmail. */
  readonly unanchored: readonly T[];
  /**
   * Fills `out` (emptied first) with the anchored trackers whose anchor fits the killmail, each once, in
   * match order. `visit` must differ from every earlier call's.
   */
  collect(killmail: Killmail, scope: MatchScope, visit: number, out: T[]): void;
}

/** Above this share of all trackers collected, match order is restored by a scan rather than a sort. */
const SCAN_SHARE = 1 / 16;

/** Builds the index over trackers given in match order, each with a distinct ordinal. */
export function buildTrackerIndex<T extends IndexedTracker>(
  trackers: readonly T[],
  universe: Universe,
): TrackerIndex<T> {
  const unanchored: T[] = [];
  const idBuckets = new Map<IdFact, IdBuckets<T>>();
  const rangeAnchored: Array<[RangeAnchor, T]> = [];
  for (const tracker of trackers) {
    const anchor = tracker.compiled.anchor;
    if (!anchor) {
      unanchored.push(tracker);
    } else if (anchor.kind !== 'ids') {
      rangeAnchored.push([anchor, tracker]);
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
  const buckets = [...idBuckets.values()];
  const ranges = buildRangeIndex(rangeAnchored, universe);

  const size = trackers.reduce((largest, tracker) => Math.max(largest, tracker.ordinal + 1), 0);
  const byOrdinal: T[] = new Array(size);
  for (const tracker of trackers) byOrdinal[tracker.ordinal] = tracker;
  // The visit that last collected each ordinal: dedupes trackers found under several ids, and lists the
  // collected ones in order without touching every tracker object.
  const stamps = new Float64Array(size);
  const ordinals = new Int32Array(size);
  // The current collect call's visit and output, read by `add` (also handed to the range index).
  let visit = 0;
  let out: T[] = [];
  const add = (tracker: T) => {
    if (stamps[tracker.ordinal] === visit) return;
    stamps[tracker.ordinal] = visit;
    out.push(tracker);
  };
  const addAll = (list: readonly T[] | undefined) => {
    if (list) for (let i = 0; i < list.length; i++) add(list[i]!);
  };

  return {
    unanchored,
    collect(killmail, scope, thisVisit, found) {
      visit = thisVisit;
      out = found;
      out.length = 0;
      for (const { single, set, byId } of buckets) {
        if (single) {
          const id = single(killmail);
          if (id !== undefined) addAll(byId.get(id));
        } else if (set) {
          const ids = set(killmail);
          // Walk the smaller side: a 3,000-pilot fight against a handful of listed pilots, or the reverse.
          if (ids.size <= byId.size) {
            for (const id of ids) addAll(byId.get(id));
          } else {
            for (const [id, list] of byId) if (ids.has(id)) addAll(list);
          }
        }
      }
      ranges.collect(killmail, scope, add);
      if (out.length > size * SCAN_SHARE) {
        out.length = 0;
        for (let ordinal = 0; ordinal < size; ordinal++) {
          if (stamps[ordinal] === visit) out.push(byOrdinal[ordinal]!);
        }
      } else if (out.length > 1) {
        // A native sort of the ordinals, then the trackers back in that order.
        for (let i = 0; i < out.length; i++) ordinals[i] = out[i]!.ordinal;
        const sorted = ordinals.subarray(0, out.length).sort();
        for (let i = 0; i < sorted.length; i++) out[i] = byOrdinal[sorted[i]!]!;
      }
    },
  };
}
