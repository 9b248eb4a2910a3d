import { describe, expect, it } from 'vitest';
import { createUniverse } from '../../src/engine/universe/universe.ts';
import { SYSTEM, smallUniverse, UNKNOWN_SYSTEM_ID } from '../fixtures/universe/small-universe.ts';

const universe = createUniverse(smallUniverse);

describe('universe lookups', () => {
  it('GIVEN twelve systems THEN systemCount is 12 and each has a distinct dense index', () => {
    expect(universe.systemCount).toBe(12);
    const indexes = Object.values(SYSTEM).map((id) => universe.systemIndex(id));
    expect(new Set(indexes).size).toBe(12);
    for (const index of indexes) expect(index).toBeGreaterThanOrEqual(0);
    for (const index of indexes) expect(index).toBeLessThan(12);
  });

  it('WHEN a system is looked up by id THEN it carries its class, constellation and region names', () => {
    expect(universe.system(SYSTEM.lowell)).toEqual({
      id: SYSTEM.lowell,
      name: 'Lowell',
      constellationId: 20000001,
      regionId: 10000001,
      security: 0.449,
      x: 3 * 9.46e15,
      y: 0,
      z: 0,
      spaceClass: 'low_sec',
      constellationName: 'Proving Line',
      regionName: 'Testing Grounds',
    });
    expect(universe.system(SYSTEM.pochvenAla)?.regionName).toBe('Pochven');
  });

  it('WHEN an unknown id is looked up THEN system is undefined and systemIndex is -1', () => {
    expect(universe.system(UNKNOWN_SYSTEM_ID)).toBeUndefined();
    expect(universe.systemIndex(UNKNOWN_SYSTEM_ID)).toBe(-1);
  });

  it('WHEN a name is given in any case or with spaces around THEN systemByName finds the exact system', () => {
    expect(universe.systemByName('lowGATE')?.id).toBe(SYSTEM.lowgate);
    expect(universe.systemByName('  nox-1 ')?.id).toBe(SYSTEM.noxOne);
    expect(universe.systemByName('Void One')?.id).toBe(SYSTEM.void);
  });

  it('WHEN a name is only a prefix or unknown THEN systemByName finds nothing', () => {
    expect(universe.systemByName('Low')).toBeUndefined();
    expect(universe.systemByName('Atlantis')).toBeUndefined();
    expect(universe.systemByName('')).toBeUndefined();
  });

  it('WHEN searching "low" THEN prefix matches come first alphabetically, then names containing it', () => {
    expect(universe.searchSystems('low', 10).map((s) => s.name)).toEqual(['Lowell', 'Lowgate', 'Hallow']);
    expect(universe.searchSystems('LOW', 2).map((s) => s.name)).toEqual(['Lowell', 'Lowgate']);
  });

  it('WHEN searching with a zero limit or text nobody has THEN the result is empty', () => {
    expect(universe.searchSystems('low', 0)).toEqual([]);
    expect(universe.searchSystems('zzz', 5)).toEqual([]);
  });

  it('WHEN searching with empty text THEN the first names alphabetically are offered', () => {
    expect(universe.searchSystems('', 3).map((s) => s.name)).toEqual(['Abyss-01', 'Ala', 'Hallow']);
  });

  it('GIVEN region and constellation ids THEN their records are returned, unknown ones are undefined', () => {
    expect(universe.region(10000070)).toEqual({ id: 10000070, name: 'Pochven' });
    expect(universe.constellation(20000002)).toEqual({ id: 20000002, name: 'Krai Test', regionId: 10000070 });
    expect(universe.region(10009999)).toBeUndefined();
    expect(universe.constellation(20009999)).toBeUndefined();
  });
});

describe('space classes', () => {
  it.each([
    [SYSTEM.haven, 'high_sec'],
    [SYSTEM.hallow, 'high_sec'],
    [SYSTEM.lowell, 'low_sec'],
    [SYSTEM.lowgate, 'low_sec'],
    [SYSTEM.nullbar, 'null_sec'],
    [SYSTEM.nightfall, 'null_sec'],
    [SYSTEM.pochvenAla, 'pochven'],
    [SYSTEM.wormhole, 'w_space'],
    [SYSTEM.abyssal, 'abyssal'],
    [SYSTEM.void, 'other'],
    [UNKNOWN_SYSTEM_ID, 'other'],
  ])('GIVEN system %i THEN its space class is %s', (id, spaceClass) => {
    expect(universe.spaceClass(id)).toBe(spaceClass);
  });
});

describe('gate jumps', () => {
  it('WHEN routing Lowell -> Lowgate THEN the shortest route is 2 jumps through high-sec Haven', () => {
    expect(universe.jumps(SYSTEM.lowell, SYSTEM.lowgate)).toBe(2);
    expect(universe.jumps(SYSTEM.lowgate, SYSTEM.lowell)).toBe(2);
  });

  it('WHEN avoiding high-sec THEN Lowell -> Lowgate goes the long way around in 4 jumps', () => {
    expect(universe.jumps(SYSTEM.lowell, SYSTEM.lowgate, true)).toBe(4);
  });

  it('WHEN avoiding high-sec THEN a high-sec destination is unreachable', () => {
    expect(universe.jumps(SYSTEM.lowell, SYSTEM.haven, true)).toBeNull();
    expect(universe.jumps(SYSTEM.lowell, SYSTEM.hallow, true)).toBeNull();
  });

  it('WHEN avoiding high-sec from a high-sec origin THEN the route may start there', () => {
    expect(universe.jumps(SYSTEM.haven, SYSTEM.lowgate, true)).toBe(1);
    expect(universe.jumps(SYSTEM.haven, SYSTEM.noxOne, true)).toBe(3);
    expect(universe.jumps(SYSTEM.haven, SYSTEM.highpoint, true)).toBeNull();
    expect(universe.jumps(SYSTEM.haven, SYSTEM.haven, true)).toBe(0);
  });

  it('WHEN routing into Pochven over its gate THEN the jumps are counted', () => {
    expect(universe.jumps(SYSTEM.lowell, SYSTEM.pochvenAla)).toBe(4);
  });

  it('WHEN a system is routed to itself THEN it is 0 jumps, even in w-space', () => {
    expect(universe.jumps(SYSTEM.nullbar, SYSTEM.nullbar)).toBe(0);
    expect(universe.jumps(SYSTEM.wormhole, SYSTEM.wormhole)).toBe(0);
  });

  it('WHEN either end is w-space, abyssal, gateless or unknown THEN jumps is null', () => {
    expect(universe.jumps(SYSTEM.haven, SYSTEM.wormhole)).toBeNull();
    expect(universe.jumps(SYSTEM.wormhole, SYSTEM.haven)).toBeNull();
    expect(universe.jumps(SYSTEM.haven, SYSTEM.abyssal)).toBeNull();
    expect(universe.jumps(SYSTEM.haven, SYSTEM.void)).toBeNull();
    expect(universe.jumps(SYSTEM.haven, UNKNOWN_SYSTEM_ID)).toBeNull();
    expect(universe.jumps(UNKNOWN_SYSTEM_ID, SYSTEM.haven)).toBeNull();
  });

  it('WHEN asking jumpsFrom an origin THEN every system has its count by dense index, -1 if unreachable', () => {
    const fromLowell = universe.jumpsFrom(SYSTEM.lowell);
    expect(fromLowell).toHaveLength(universe.systemCount);
    const at = (id: number) => fromLowell?.[universe.systemIndex(id)];
    expect(at(SYSTEM.lowell)).toBe(0);
    expect(at(SYSTEM.haven)).toBe(1);
    expect(at(SYSTEM.hallow)).toBe(3);
    expect(at(SYSTEM.nightfall)).toBe(3);
    expect(at(SYSTEM.wormhole)).toBe(-1);
    const avoiding = universe.jumpsFrom(SYSTEM.lowell, true);
    expect(avoiding?.[universe.systemIndex(SYSTEM.nightfall)]).toBe(3);
    expect(avoiding?.[universe.systemIndex(SYSTEM.lowgate)]).toBe(4);
    expect(avoiding?.[universe.systemIndex(SYSTEM.haven)]).toBe(-1);
  });

  it('WHEN jumpsFrom an unknown origin THEN it is null', () => {
    expect(universe.jumpsFrom(UNKNOWN_SYSTEM_ID)).toBeNull();
  });

  it('WHEN the same origin and flag are asked twice THEN the cached result is reused, per flag', () => {
    const fresh = createUniverse(smallUniverse);
    const first = fresh.jumpsFrom(SYSTEM.nullbar);
    expect(fresh.jumpsFrom(SYSTEM.nullbar)).toBe(first);
    expect(fresh.jumpsFrom(SYSTEM.nullbar, true)).not.toBe(first);
  });
});

describe('jump cache eviction', () => {
  it('GIVEN a cache of 2 WHEN a third origin is asked THEN the least recently used is evicted and recomputed correctly', () => {
    const small = createUniverse(smallUniverse, { jumpCacheSize: 2 });
    const lowell = small.jumpsFrom(SYSTEM.lowell);
    const haven = small.jumpsFrom(SYSTEM.haven);
    // Touch Lowell so Haven becomes the least recently used.
    expect(small.jumpsFrom(SYSTEM.lowell)).toBe(lowell);
    small.jumpsFrom(SYSTEM.nightfall);
    expect(small.jumpsFrom(SYSTEM.lowell)).toBe(lowell);
    const havenAgain = small.jumpsFrom(SYSTEM.haven);
    expect(havenAgain).not.toBe(haven);
    expect(havenAgain).toEqual(haven);
    expect(small.jumps(SYSTEM.haven, SYSTEM.noxOne)).toBe(3);
  });

  it('GIVEN many more origins than cache slots THEN every answer matches an unbounded universe', () => {
    const tiny = createUniverse(smallUniverse, { jumpCacheSize: 1 });
    const ids = Object.values(SYSTEM);
    for (const avoid of [false, true]) {
      for (const from of ids) {
        for (const to of ids) expect(tiny.jumps(from, to, avoid)).toBe(universe.jumps(from, to, avoid));
      }
    }
  });

  it('GIVEN a cache size below 1 THEN creating the universe fails with a clear RangeError', () => {
    expect(() => createUniverse(smallUniverse, { jumpCacheSize: 0 })).toThrow(/whole number >= 1/);
  });
});

describe('light-year distance', () => {
  it('GIVEN positions in whole light years THEN the straight-line distance is exact', () => {
    expect(universe.distanceLy(SYSTEM.haven, SYSTEM.lowell)).toBeCloseTo(3, 12);
    expect(universe.distanceLy(SYSTEM.lowell, SYSTEM.lowgate)).toBeCloseTo(5, 12);
    expect(universe.distanceLy(SYSTEM.lowgate, SYSTEM.lowell)).toBeCloseTo(5, 12);
    expect(universe.distanceLy(SYSTEM.nullbar, SYSTEM.nullbar)).toBe(0);
  });

  it('WHEN either end is Pochven, w-space, abyssal, void or unknown THEN there is no distance', () => {
    for (const other of [
      SYSTEM.pochvenAla,
      SYSTEM.wormhole,
      SYSTEM.abyssal,
      SYSTEM.void,
      UNKNOWN_SYSTEM_ID,
    ]) {
      expect(universe.distanceLy(SYSTEM.haven, other)).toBeNull();
      expect(universe.distanceLy(other, SYSTEM.haven)).toBeNull();
    }
  });
});

describe('untidy input data', () => {
  it('GIVEN duplicate ids, gates to unknown systems, self-gates and repeated gates THEN they are skipped', () => {
    const untidy = createUniverse({
      ...smallUniverse,
      systems: [...smallUniverse.systems, { ...smallUniverse.systems[0]!, name: 'Duplicate Haven' }],
      stargates: [
        ...smallUniverse.stargates,
        [SYSTEM.haven, UNKNOWN_SYSTEM_ID],
        [SYSTEM.nullbar, SYSTEM.nullbar],
        [SYSTEM.lowell, SYSTEM.haven],
        [SYSTEM.haven, SYSTEM.lowell],
      ],
    });
    expect(untidy.systemCount).toBe(12);
    expect(untidy.system(SYSTEM.haven)?.name).toBe('Haven');
    expect(untidy.systemByName('Duplicate Haven')).toBeUndefined();
    expect(untidy.jumps(SYSTEM.lowell, SYSTEM.lowgate)).toBe(2);
    expect(untidy.jumps(SYSTEM.lowell, SYSTEM.lowgate, true)).toBe(4);
  });

  it('GIVEN a system whose region or constellation is missing THEN its names are null', () => {
    const orphan = createUniverse({ ...smallUniverse, regions: [], constellations: [] });
    expect(orphan.system(SYSTEM.haven)?.regionName).toBeNull();
    expect(orphan.system(SYSTEM.haven)?.constellationName).toBeNull();
    expect(orphan.spaceClass(SYSTEM.haven)).toBe('high_sec');
  });

  it('GIVEN no data at all THEN the universe is empty and answers null', () => {
    const empty = createUniverse({ regions: [], constellations: [], systems: [], stargates: [] });
    expect(empty.systemCount).toBe(0);
    expect(empty.jumps(SYSTEM.haven, SYSTEM.lowell)).toBeNull();
    expect(empty.searchSystems('a', 5)).toEqual([]);
  });
});
