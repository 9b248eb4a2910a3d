// An index of trackers (by their place in match order, the ordinal) under the one required fact each is
// anchored on (a system, an entity, or a range: jumps or light years from its origin, a minimum value or
// attacker count), so a killmail is tested only against trackers that can match it. Trackers are added
// and removed one at a time: a change to one tracker never rebuilds the others' entries.
import type { IndexedFact, MatchScope } from '../clauses/types.ts';
import type { Killmail } from '../killmail/types.ts';
import type { Universe } from '../universe/types.ts';
import type { TrackerAnchor } from './compile.ts';
import { createRangeIndex, type RangeAnchor } from './range-index.ts';

export type IdFact = Extract<TrackerAnchor, { kind: 'ids' }>['fact'];

/** Facts with one value per killmail. */
const SINGLE_FACTS: Partial<Record<IndexedFact, (killmail: Killmail) => number | undefined>> = {
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
const SET_FACTS: Partial<Record<IndexedFact, (killmail: Killmail) => ReadonlySet<number>>> = {
  attacker_character: (killmail) => killmail.attackerCharacterIds,
  attacker_corporation: (killmail) => killmail.attackerCorporationIds,
  attacker_alliance: (killmail) => killmail.attackerAllianceIds,
  attacker_faction: (killmail) => killmail.attackerFactionIds,
  attacker_ship_type: (killmail) => killmail.attackerShipTypeIds,
  attacker_ship_group: (killmail) => killmail.attackerShipGroupIds,
  attacker_weapon_type: (killmail) => killmail.attackerWeaponTypeIds,
  attacker_weapon_group: (killmail) => killmail.attackerWeaponGroupIds,
};

/** The trackers listing each id of one fact. */
interface IdBuckets {
  readonly single: ((killmail: Killmail) => number | undefined) | undefined;
  readonly set: ((killmail: Killmail) => ReadonlySet<number>) | undefined;
  readonly byId: Map<number, number[]>;
}

export interface TrackerIndex {
  /** Files the tracker at `ordinal` under its anchor; none = tested against every killmail. */
  add(ordinal: number, anchor: TrackerAnchor | undefined): void;
  /** Removes what `add` filed with the same ordinal and anchor. */
  remove(ordinal: number, anchor: TrackerAnchor | undefined): void;
  /**
   * The ordinals of the trackers whose anchor fits the killmail (and of every unanchored one), each once,
   * ascending. The array is reused: it is valid until the next call.
   */
  collect(killmail: Killmail, scope: MatchScope): Int32Array;
}

const INITIAL_CAPACITY = 1024;

export function createTrackerIndex(universe: Universe): TrackerIndex {
  const idBuckets = new Map<IdFact, IdBuckets>();
  const ranges = createRangeIndex(universe);
  const unanchored = new Set<number>();

  // One bit per ordinal, set while a collect runs: dedupes trackers found under several ids, and lists
  // the collected ones in order by reading 32 ordinals per word. Every bit is clear between collects.
  let seen = new Uint32Array(INITIAL_CAPACITY / 32);
  let found = new Int32Array(INITIAL_CAPACITY);
  let count = 0;

  const take = (ordinal: number) => {
    const word = ordinal >>> 5;
    const bit = 1 << (ordinal & 31);
    const bits = seen[word]!;
    if ((bits & bit) !== 0) return;
    seen[word] = bits | bit;
    found[count++] = ordinal;
  };

  const grow = (ordinal: number) => {
    if (ordinal < found.length) return;
    let capacity = found.length;
    while (capacity <= ordinal) capacity *= 2;
    const grownSeen = new Uint32Array(capacity / 32);
    grownSeen.set(seen);
    seen = grownSeen;
    found = new Int32Array(capacity);
  };

  /**
   * The collected ordinals ascending, clearing their bits: by reading the words when many were collected
   * (a 3,000-pilot fight fills thousands of trackers), else by sorting the few found.
   */
  const ascending = (): Int32Array => {
    const words = seen.length;
    if (count < words >>> 3) {
      for (let i = 0; i < count; i++) seen[found[i]! >>> 5] = 0;
      return found.subarray(0, count).sort();
    }
    let at = 0;
    for (let word = 0; word < words; word++) {
      let bits = seen[word]!;
      if (bits === 0) continue;
      seen[word] = 0;
      const base = word << 5;
      while (bits !== 0) {
        const lowest = bits & -bits;
        found[at++] = base + 31 - Math.clz32(lowest);
        bits ^= lowest;
      }
    }
    return found.subarray(0, at);
  };

  const bucketsOf = (fact: IdFact): IdBuckets => {
    let buckets = idBuckets.get(fact);
    if (!buckets) {
      buckets = { single: SINGLE_FACTS[fact], set: SET_FACTS[fact], byId: new Map() };
      idBuckets.set(fact, buckets);
    }
    return buckets;
  };

  return {
    add(ordinal, anchor) {
      grow(ordinal);
      if (!anchor) {
        unanchored.add(ordinal);
      } else if (anchor.kind !== 'ids') {
        ranges.add(ordinal, anchor satisfies RangeAnchor);
      } else {
        const { byId } = bucketsOf(anchor.fact);
        for (const id of anchor.ids) {
          const bucket = byId.get(id);
          if (bucket) bucket.push(ordinal);
          else byId.set(id, [ordinal]);
        }
      }
    },

    remove(ordinal, anchor) {
      if (!anchor) {
        unanchored.delete(ordinal);
      } else if (anchor.kind !== 'ids') {
        ranges.remove(ordinal, anchor);
      } else {
        const byId = idBuckets.get(anchor.fact)?.byId;
        if (!byId) return;
        for (const id of anchor.ids) {
          const bucket = byId.get(id);
          const at = bucket?.indexOf(ordinal) ?? -1;
          if (bucket === undefined || at < 0) continue;
          // Order inside a bucket does not matter: collect sorts what it found.
          bucket[at] = bucket[bucket.length - 1]!;
          bucket.pop();
          if (bucket.length === 0) byId.delete(id);
        }
      }
    },

    collect(killmail, scope) {
      count = 0;
      for (const ordinal of unanchored) take(ordinal);
      for (const { single, set, byId } of idBuckets.values()) {
        if (single) {
          const id = single(killmail);
          const bucket = id === undefined ? undefined : byId.get(id);
          if (bucket) for (let i = 0; i < bucket.length; i++) take(bucket[i]!);
        } else if (set) {
          const ids = set(killmail);
          // Walk the smaller side: a 3,000-pilot fight against a handful of listed pilots, or the reverse.
          if (ids.size <= byId.size) {
            for (const id of ids) {
              const bucket = byId.get(id);
              if (bucket) for (let i = 0; i < bucket.length; i++) take(bucket[i]!);
            }
          } else {
            for (const [id, bucket] of byId) {
              if (ids.has(id)) for (let i = 0; i < bucket.length; i++) take(bucket[i]!);
            }
          }
        }
      }
      ranges.collect(killmail, scope, take);
      return ascending();
    },
  };
}
