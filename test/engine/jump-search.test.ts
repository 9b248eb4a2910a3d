// The lazy jump search behind the matcher: whatever it is asked, in whatever order, it answers what a
// whole-map breadth-first search answers, and it never searches past the limit it is given.
import { describe, expect, it } from 'vitest';
import { createUniverse } from '../../src/engine/universe/universe.ts';
import { SYSTEMS, miniUniverseData } from '../fixtures/killmails/mini-universe.ts';

const ids = Object.values(SYSTEMS);

/** Jumps by breadth-first search over the links, written out plainly as the reference. */
function referenceJumps(from: number, avoidHighSec: boolean): Map<number, number> {
  const universe = createUniverse(miniUniverseData);
  const neighbours = new Map<number, number[]>();
  for (const [a, b] of miniUniverseData.stargates) {
    neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
    neighbours.set(b, [...(neighbours.get(b) ?? []), a]);
  }
  const jumps = new Map([[from, 0]]);
  let ring = [from];
  for (let depth = 1; ring.length > 0; depth++) {
    const next: number[] = [];
    for (const system of ring) {
      for (const neighbour of neighbours.get(system) ?? []) {
        if (jumps.has(neighbour)) continue;
        if (avoidHighSec && universe.spaceClass(neighbour) === 'high_sec') continue;
        jumps.set(neighbour, depth);
        next.push(neighbour);
      }
    }
    ring = next;
  }
  return jumps;
}

describe('lazy jump search', () => {
  it.each([false, true])(
    'GIVEN every origin (avoid high-sec: %s) WHEN asked for every system in turn THEN each count equals a full breadth-first search',
    (avoidHighSec) => {
      const universe = createUniverse(miniUniverseData);
      for (const from of ids) {
        const expected = referenceJumps(from, avoidHighSec);
        const search = universe.jumpSearch(from, avoidHighSec);
        for (const to of ids) {
          expect(search?.jumpsTo(universe.systemIndex(to)), `${from} -> ${to}`).toBe(expected.get(to) ?? -1);
        }
      }
    },
  );

  it('GIVEN a limit WHEN the system is farther THEN it reads -1, and a later wider question gets the exact count', () => {
    const universe = createUniverse(miniUniverseData);
    const search = universe.jumpSearch(SYSTEMS.huola);
    const haras = universe.systemIndex(SYSTEMS.haras);
    // Huola -> Haras is 7 jumps.
    expect(search?.jumpsTo(haras, 3)).toBe(-1);
    expect(search?.jumpsTo(universe.systemIndex(SYSTEMS.sosala), 3)).toBe(3);
    expect(search?.jumpsTo(haras, 6)).toBe(-1);
    expect(search?.jumpsTo(haras, 7)).toBe(7);
    expect(search?.jumpsTo(haras, 2)).toBe(-1);
    expect(search?.jumpsTo(haras)).toBe(7);
  });

  it('GIVEN a search asked about near systems first WHEN the whole map is asked for THEN it equals a fresh full search', () => {
    const universe = createUniverse(miniUniverseData);
    const search = universe.jumpSearch(SYSTEMS.kbp7g, true);
    search?.jumpsTo(universe.systemIndex(SYSTEMS.huola), 1);
    const fresh = createUniverse(miniUniverseData).jumpsFrom(SYSTEMS.kbp7g, true);
    expect(universe.jumpsFrom(SYSTEMS.kbp7g, true)).toEqual(fresh);
    expect(search?.all()).toBe(universe.jumpsFrom(SYSTEMS.kbp7g, true));
  });

  it('GIVEN a system no gate reaches WHEN asked with and without a limit THEN it is unreachable', () => {
    const universe = createUniverse(miniUniverseData);
    const search = universe.jumpSearch(SYSTEMS.huola);
    expect(search?.jumpsTo(universe.systemIndex(SYSTEMS.thera), 50)).toBe(-1);
    expect(search?.jumpsTo(universe.systemIndex(SYSTEMS.thera))).toBe(-1);
    expect(universe.jumpSearch(SYSTEMS.thera)?.jumpsTo(universe.systemIndex(SYSTEMS.thera))).toBe(0);
    expect(universe.jumpSearch(30999999)).toBeNull();
  });
});
