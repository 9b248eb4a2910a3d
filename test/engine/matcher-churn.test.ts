// The matcher's index is kept up to date one tracker at a time: after any mix of adds, replacements,
// disables and removals it must find exactly what testing every registered tracker in registration order
// finds, with the full report (jumps, distance, ship types) of each match.
import { describe, expect, it } from 'vitest';
import { generateTrackers, type TrackerPools } from '../../bench/tracker-sets.ts';
import type { Killmail } from '../../src/engine/killmail/types.ts';
import { createMatcher, type Matcher } from '../../src/engine/matcher.ts';
import { type CompiledTracker, compileTracker } from '../../src/engine/tracker/compile.ts';
import { createMatchScope } from '../../src/engine/tracker/match-scope.ts';
import type { TrackerDefinition } from '../../src/engine/tracker/types.ts';
import { attacker, IDS, killmail, miniUniverse } from '../fixtures/killmails/builder.ts';
import { GROUPS, TYPES } from '../fixtures/killmails/mini-catalog.ts';
import { SYSTEMS } from '../fixtures/killmails/mini-universe.ts';

/** A deterministic pseudo-random source (mulberry32), so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const systems = Object.values(SYSTEMS);
const alliances = [IDS.attackerAlliance, IDS.otherAlliance, IDS.victimAlliance, 99000401];
const ships = [TYPES.rifter, TYPES.hurricane, TYPES.naglfar, TYPES.sabre, TYPES.capsule, TYPES.astrahus];

/** The mini universe's places and entities, so generated trackers both match and miss. */
const pools: TrackerPools = {
  origins: systems,
  busyOrigins: systems,
  regions: [10000038, 10000002, 10000047],
  constellations: [...new Set(systems.map((id) => miniUniverse.system(id)!.constellationId))],
  systems,
  alliances,
  corporations: [IDS.attackerCorporation, IDS.victimCorporation],
  characters: [IDS.attackerCharacter, IDS.attackerCharacter + 1, IDS.victimCharacter],
  shipGroups: Object.values(GROUPS),
  victimShipGroups: Object.values(GROUPS),
  attackerShipTypes: ships,
};

function randomKills(next: () => number, count: number): Killmail[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return Array.from({ length: count }, (_, k) =>
    killmail({
      id: 140000000 + k,
      system: pick(systems),
      victim: { alliance_id: pick(alliances), ship_type_id: pick(ships) },
      attackers: Array.from({ length: 1 + Math.floor(next() * next() * 120) }, (_, a) =>
        attacker({
          character: IDS.attackerCharacter + (a % 3),
          alliance: pick(alliances),
          ship: pick(ships),
        }),
      ),
      zkb: {
        totalValue: 10 ** (5 + next() * 6),
        npc: next() < 0.1,
        solo: next() < 0.1,
      },
    }),
  );
}

/** What the matcher must do, written the slow way: registration order, every tracker tested. */
class BruteForce {
  private readonly compiled = new Map<string, CompiledTracker>();

  set(key: string, tracker: TrackerDefinition): void {
    // A Map keeps a replaced key in its place: the matcher's registration order.
    this.compiled.set(key, compileTracker(tracker, { universe: miniUniverse, defaultMaxAgeMinutes: 60 }));
  }

  remove(key: string): void {
    this.compiled.delete(key);
  }

  match(kill: Killmail) {
    const now = kill.time + 60_000;
    const scope = createMatchScope(kill, miniUniverse, { now });
    return [...this.compiled]
      .filter(([, entry]) => entry.tracker.enabled && entry.matches(kill, { now }))
      .map(([key, entry]) => ({
        key,
        name: entry.tracker.name,
        jumps: entry.jumps(kill, scope),
        distanceLy: entry.distanceLy(kill),
        ships: entry.matchedShipTypeIds(kill, scope),
      }));
  }
}

function indexed(matcher: Matcher, kill: Killmail) {
  return matcher.match(kill, { now: kill.time + 60_000 }).map((match) => ({
    key: match.trackerKey,
    name: match.tracker.name,
    jumps: match.jumps,
    distanceLy: match.distanceLy,
    ships: match.matchedShipTypeIds,
  }));
}

function expectSameMatches(matcher: Matcher, model: BruteForce, kills: readonly Killmail[]): number {
  let total = 0;
  for (const kill of kills) {
    const expected = model.match(kill);
    expect(indexed(matcher, kill), `kill ${kill.id}`).toEqual(expected);
    total += expected.length;
  }
  return total;
}

describe('matcher index under churn', () => {
  it('GIVEN random trackers added, replaced, disabled and removed in rounds WHEN random kills are matched after each round THEN the index finds exactly what testing every tracker finds', () => {
    const next = random(20261202);
    const supply = generateTrackers(3000, 41, pools);
    let drawn = 0;
    const draw = (): TrackerDefinition => supply[drawn++ % supply.length]!;
    const matcher = createMatcher({ universe: miniUniverse, defaultMaxAgeMinutes: 60 });
    const model = new BruteForce();
    const live: string[] = [];
    let nextKey = 0;
    let total = 0;
    let checked = 0;
    for (let round = 0; round < 12; round++) {
      const changes = round === 0 ? 400 : 60;
      for (let change = 0; change < changes; change++) {
        const roll = round === 0 ? 0 : next();
        if (roll < 0.45 || live.length === 0) {
          const key = `k${nextKey++}`;
          const tracker = draw();
          matcher.set(key, tracker);
          model.set(key, tracker);
          live.push(key);
        } else if (roll < 0.7) {
          const key = live[Math.floor(next() * live.length)]!;
          const tracker = draw();
          matcher.set(key, tracker);
          model.set(key, tracker);
        } else if (roll < 0.8) {
          const key = live[Math.floor(next() * live.length)]!;
          const tracker = { ...draw(), enabled: next() < 0.5 };
          matcher.set(key, tracker);
          model.set(key, tracker);
        } else {
          const at = Math.floor(next() * live.length);
          const key = live[at]!;
          live.splice(at, 1);
          expect(matcher.remove(key)).toBe(true);
          model.remove(key);
        }
      }
      expect(matcher.size).toBe(live.length);
      const kills = randomKills(next, 40);
      total += expectSameMatches(matcher, model, kills);
      checked += kills.length * live.length;
    }
    // Meaningful only when kills both match and miss.
    expect(total).toBeGreaterThan(500);
    expect(total).toBeLessThan(checked / 2);
  });

  it('GIVEN a removed key added again WHEN matching THEN it comes last in order, as a new registration', () => {
    const matcher = createMatcher({ universe: miniUniverse });
    const model = new BruteForce();
    const trackers = generateTrackers(200, 43, pools);
    trackers.forEach((tracker, index) => {
      matcher.set(String(index), tracker);
      model.set(String(index), tracker);
    });
    for (let index = 0; index < 200; index += 3) {
      matcher.remove(String(index));
      model.remove(String(index));
    }
    for (let index = 0; index < 200; index += 6) {
      matcher.set(String(index), trackers[index]!);
      model.set(String(index), trackers[index]!);
    }
    const total = expectSameMatches(matcher, model, randomKills(random(44), 60));
    expect(total).toBeGreaterThan(50);
  });

  it('GIVEN thousands of removals WHEN the matcher renumbers its trackers THEN matches and their order are unchanged', () => {
    const matcher = createMatcher({ universe: miniUniverse, defaultMaxAgeMinutes: 60 });
    const model = new BruteForce();
    const trackers = generateTrackers(300, 45, pools);
    const kills = randomKills(random(46), 50);
    // 300 kept trackers interleaved with 9,000 short-lived ones: far more removed places than live ones.
    for (let index = 0; index < 9_300; index++) {
      const key = String(index);
      const tracker = trackers[index % trackers.length]!;
      matcher.set(key, tracker);
      if (index % 31 === 0) model.set(key, tracker);
      else matcher.remove(key);
    }
    expect(matcher.size).toBe(300);
    const total = expectSameMatches(matcher, model, kills);
    expect(total).toBeGreaterThan(50);
  });

  it('GIVEN an invalid replacement WHEN set THEN the earlier tracker under the key is gone from the index too', () => {
    const matcher = createMatcher({ universe: miniUniverse });
    const model = new BruteForce();
    const trackers = generateTrackers(100, 47, pools);
    trackers.forEach((tracker, index) => {
      matcher.set(String(index), tracker);
      model.set(String(index), tracker);
    });
    const invalid = { ...trackers[0]!, clauses: { require_min_value: -5 } };
    for (let index = 0; index < 100; index += 2) {
      expect(() => matcher.set(String(index), invalid)).toThrow();
      model.remove(String(index));
    }
    expect(matcher.size).toBe(50);
    expect(expectSameMatches(matcher, model, randomKills(random(48), 40))).toBeGreaterThan(20);
  });
});
