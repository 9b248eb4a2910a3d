import { beforeAll, expect, it } from 'vitest';
import type { Universe } from '../../src/engine/universe/types.ts';
import { createUniverse } from '../../src/engine/universe/universe.ts';
import { describeWithSharedData, sharedUniverseData } from '../helpers/shared-data.ts';

describeWithSharedData('universe over the full EVE map', () => {
  let universe: Universe;
  const id = (name: string): number => {
    const system = universe.systemByName(name);
    if (!system) throw new Error(`${name} missing from the shared universe`);
    return system.id;
  };
  const roundedLy = (from: string, to: string) => {
    const ly = universe.distanceLy(id(from), id(to));
    return ly === null ? null : Math.round(ly * 100) / 100;
  };

  beforeAll(() => {
    universe = createUniverse(sharedUniverseData());
  });

  it('GIVEN the full SDE extract THEN it holds 8,437 systems', () => {
    expect(universe.systemCount).toBe(8437);
  });

  it('WHEN routing Huola -> Haras THEN it is 7 jumps and 5.85 LY', () => {
    expect(universe.jumps(id('Huola'), id('Haras'))).toBe(7);
    expect(roundedLy('Huola', 'Haras')).toBe(5.85);
  });

  it('WHEN routing Huola -> Sosala THEN it is 3 jumps and 1.33 LY', () => {
    expect(universe.jumps(id('Huola'), id('Sosala'))).toBe(3);
    expect(roundedLy('Huola', 'Sosala')).toBe(1.33);
  });

  it('WHEN routing Jita -> Amarr THEN there is a gate route', () => {
    const jumps = universe.jumps(id('Jita'), id('Amarr'));
    expect(jumps).not.toBeNull();
    expect(jumps).toBeGreaterThan(0);
  });

  it('GIVEN Thera THEN it is w-space with no gate route and no LY distance from Jita', () => {
    expect(universe.system(id('Thera'))?.spaceClass).toBe('w_space');
    expect(universe.jumps(id('Jita'), id('Thera'))).toBeNull();
    expect(universe.distanceLy(id('Jita'), id('Thera'))).toBeNull();
  });

  it('GIVEN Jita THEN it is high-sec in Kimotoro, The Forge', () => {
    expect(universe.system(30000142)).toMatchObject({
      name: 'Jita',
      spaceClass: 'high_sec',
      constellationName: 'Kimotoro',
      regionName: 'The Forge',
    });
  });

  it('GIVEN the classes of every system THEN they match the counts of the SDE extract', () => {
    const counts = new Map<string, number>();
    for (const system of sharedUniverseData().systems) {
      const spaceClass = universe.spaceClass(system.id);
      counts.set(spaceClass, (counts.get(spaceClass) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({
      high_sec: 1193,
      low_sec: 687,
      null_sec: 3525,
      pochven: 27,
      w_space: 2604,
      abyssal: 200,
      other: 201,
    });
  });

  it('WHEN avoiding high-sec from Huola THEN Haras is still reachable and never closer', () => {
    const avoiding = universe.jumps(id('Huola'), id('Haras'), true);
    expect(avoiding).not.toBeNull();
    expect(avoiding).toBeGreaterThanOrEqual(7);
  });

  it('WHEN searching "ama" THEN names starting with it come first, including Amarr', () => {
    const names = universe.searchSystems('ama', 25).map((s) => s.name);
    expect(names).toContain('Amarr');
    const startsWithText = names.map((name) => name.toLowerCase().startsWith('ama'));
    const prefixFirst = [...startsWithText].sort((a, b) => Number(b) - Number(a));
    expect(startsWithText).toEqual(prefixFirst);
  });
});
