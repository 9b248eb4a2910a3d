// The benchmark's tracker generator: deterministic, valid, a real mix of kinds; and the matcher's index
// finds on those sets exactly what testing every tracker finds (mini universe, and the real one).
import { beforeAll, describe, expect, it } from 'vitest';
import { generateTrackers, trackerPools } from '../bench/tracker-sets.ts';
import { ItemCatalog } from '../src/engine/catalog.ts';
import { normalizeKillmail } from '../src/engine/killmail/normalize.ts';
import { parseKillmailDocument } from '../src/engine/killmail/parse.ts';
import type { Killmail } from '../src/engine/killmail/types.ts';
import { createMatcher } from '../src/engine/matcher.ts';
import { compileTracker } from '../src/engine/tracker/compile.ts';
import type { TrackerDefinition } from '../src/engine/tracker/types.ts';
import { validateTracker } from '../src/engine/tracker/validate.ts';
import type { Universe } from '../src/engine/universe/types.ts';
import { createUniverse } from '../src/engine/universe/universe.ts';
import { attacker, IDS, killmail, miniUniverse } from './fixtures/killmails/builder.ts';
import { miniCatalogData, TYPES } from './fixtures/killmails/mini-catalog.ts';
import { miniUniverseData, SYSTEMS } from './fixtures/killmails/mini-universe.ts';
import {
  describeWithSharedData,
  sharedCatalogData,
  sharedKillmailLines,
  sharedUniverseData,
} from './helpers/shared-data.ts';

/** A spread of kills over the mini universe: every system, a few ships, values from 1m to 50b. */
function miniKillmails(): Killmail[] {
  const systems = Object.values(SYSTEMS);
  const ships = [TYPES.rifter, TYPES.naglfar, TYPES.capsule, TYPES.astrahus, TYPES.sabre];
  return systems.flatMap((system, s) =>
    ships.map((ship, k) =>
      killmail({
        id: 130000000 + s * 10 + k,
        system,
        victim: { ship_type_id: ship, alliance_id: k % 2 === 0 ? IDS.victimAlliance : IDS.otherAlliance },
        attackers: Array.from({ length: 1 + ((s * 7 + k * 13) % 40) }, (_, a) =>
          attacker({
            character: IDS.attackerCharacter + a,
            ship: a % 3 === 0 ? TYPES.sabre : TYPES.hurricane,
          }),
        ),
        zkb: { totalValue: 10 ** (6 + ((s + k) % 5)) * 5 },
      }),
    ),
  );
}

/** Every tracker tested one by one on every kill: what the indexed matcher must reproduce. */
function bruteForce(
  trackers: readonly TrackerDefinition[],
  universe: Universe,
  kills: readonly Killmail[],
): string[][] {
  const compiled = trackers.map((tracker) => compileTracker(tracker, { universe, defaultMaxAgeMinutes: 60 }));
  return kills.map((kill) =>
    compiled.flatMap((entry, index) =>
      entry.matches(kill, { now: kill.time + 60_000 }) ? [String(index)] : [],
    ),
  );
}

function indexedMatches(
  trackers: readonly TrackerDefinition[],
  universe: Universe,
  kills: readonly Killmail[],
) {
  const matcher = createMatcher({ universe, defaultMaxAgeMinutes: 60 });
  trackers.forEach((tracker, index) => {
    matcher.set(String(index), tracker);
  });
  return kills.map((kill) =>
    matcher.match(kill, { now: kill.time + 60_000 }).map((match) => match.trackerKey),
  );
}

describe('benchmark tracker sets', () => {
  const kills = miniKillmails();
  const pools = trackerPools(miniUniverseData, miniCatalogData, kills);

  it('GIVEN the same seed WHEN generated twice THEN the sets are identical; another seed gives another set', () => {
    expect(generateTrackers(200, 7, pools)).toEqual(generateTrackers(200, 7, pools));
    expect(generateTrackers(200, 8, pools)).not.toEqual(generateTrackers(200, 7, pools));
  });

  it('GIVEN 500 generated trackers THEN each one passes validation against the universe', () => {
    const problems = generateTrackers(500, 11, pools).flatMap((tracker) => {
      const result = validateTracker(tracker, { universe: miniUniverse });
      return result.ok ? [] : [`${tracker.name}: ${JSON.stringify(result.problems)}`];
    });
    expect(problems).toEqual([]);
  });

  it('GIVEN 1,000 generated trackers THEN every kind and every kind of anchor is there', () => {
    const trackers = generateTrackers(1000, 3, pools);
    const kinds = new Set(trackers.map((tracker) => tracker.name.replace(/ \d+$/, '')));
    expect([...kinds].sort()).toEqual(
      [
        'Area watch',
        'Big kills',
        'Entity watch',
        'Fleet fights',
        'Home defence',
        'Jump range',
        'Ship hunt',
      ].sort(),
    );
    const anchors = new Map<string, number>();
    for (const tracker of trackers) {
      const anchor = compileTracker(tracker, { universe: miniUniverse }).anchor;
      const kind = anchor === undefined ? 'none' : anchor.kind;
      anchors.set(kind, (anchors.get(kind) ?? 0) + 1);
    }
    for (const kind of ['ids', 'jumps', 'distance', 'min_value', 'min_attackers']) {
      expect(anchors.get(kind), kind).toBeGreaterThan(10);
    }
    expect(trackers.some((tracker) => tracker.clauses.exclude_high_sec === true)).toBe(true);
  });

  it('GIVEN 600 generated trackers WHEN the mini kills are matched THEN the index finds exactly what testing every tracker finds', () => {
    const trackers = generateTrackers(600, 5, pools);
    const found = indexedMatches(trackers, miniUniverse, kills);
    const expected = bruteForce(trackers, miniUniverse, kills);
    expect(found).toEqual(expected);
    const total = found.reduce((sum, keys) => sum + keys.length, 0);
    // Meaningful only when kills both match and miss.
    expect(total).toBeGreaterThan(kills.length);
    expect(total).toBeLessThan(kills.length * trackers.length);
  });

  it('GIVEN a killmail with no value WHEN matched THEN no value-indexed tracker is collected', () => {
    const trackers = generateTrackers(300, 9, pools).filter((tracker) =>
      tracker.name.startsWith('Big kills'),
    );
    const unpriced = killmail({ unpriced: true });
    const priced = killmail({ zkb: { totalValue: 200e9 } });
    const [unpricedKeys, pricedKeys] = indexedMatches(trackers, miniUniverse, [unpriced, priced]);
    expect(unpricedKeys).toEqual([]);
    expect(pricedKeys!.length).toBeGreaterThan(0);
  });
});

describeWithSharedData('benchmark tracker sets on the real universe', () => {
  let universe: Universe;
  let kills: Killmail[];
  let trackers: TrackerDefinition[];

  beforeAll(() => {
    const universeData = sharedUniverseData();
    const catalogData = sharedCatalogData();
    universe = createUniverse(universeData);
    const catalog = new ItemCatalog(catalogData);
    kills = sharedKillmailLines('insight-2018.jsonl').flatMap((value) => {
      const parsed = parseKillmailDocument(value);
      return parsed.ok ? [normalizeKillmail(parsed.document, { universe, catalog })] : [];
    });
    trackers = generateTrackers(2000, 20261121, trackerPools(universeData, catalogData, kills));
  });

  it('GIVEN 2,000 generated trackers WHEN the 2018 killmails are matched THEN the index finds exactly what testing every tracker finds', () => {
    const sample = kills.filter((_, index) => index % 3 === 0);
    const expected = bruteForce(trackers, universe, sample);
    expect(indexedMatches(trackers, universe, sample)).toEqual(expected);
    expect(expected.flat().length).toBeGreaterThan(sample.length);
  });
});
