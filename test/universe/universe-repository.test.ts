import { expect, it } from 'vitest';
import { sdeCategories, sdeGroups, sdeTypes } from '../../src/db/schema.ts';
import { loadCatalogData, loadUniverseData } from '../../src/db/universe-repository.ts';
import { createUniverse } from '../../src/engine/universe/universe.ts';
import { seedUniverse } from '../fixtures/universe/seed-universe.ts';
import { SYSTEM, smallUniverse } from '../fixtures/universe/small-universe.ts';
import { describeEachDatabase } from '../helpers/database.ts';

const byId = <T extends { id: number }>(rows: readonly T[]) => [...rows].sort((a, b) => a.id - b.id);

describeEachDatabase('universe repository', (getDb) => {
  it('GIVEN imported SDE tables WHEN loading universe data THEN every row comes back ordered by id', async () => {
    const { db } = getDb();
    await seedUniverse(db, smallUniverse);
    const data = await loadUniverseData(db);
    expect(data.regions).toEqual(byId(smallUniverse.regions));
    expect(data.constellations).toEqual(byId(smallUniverse.constellations));
    expect(data.systems).toEqual(byId(smallUniverse.systems));
    const gates = smallUniverse.stargates.map(([a, b]) => [Math.min(a, b), Math.max(a, b)]);
    gates.sort(([a1, b1], [a2, b2]) => a1! - a2! || b1! - b2!);
    expect(data.stargates).toEqual(gates);
  });

  it('GIVEN loaded data THEN the universe built from it routes like the fixture', async () => {
    const { db } = getDb();
    await seedUniverse(db, smallUniverse);
    const universe = createUniverse(await loadUniverseData(db));
    expect(universe.systemCount).toBe(12);
    expect(universe.jumps(SYSTEM.lowell, SYSTEM.lowgate)).toBe(2);
    expect(universe.jumps(SYSTEM.lowell, SYSTEM.lowgate, true)).toBe(4);
    expect(universe.distanceLy(SYSTEM.lowell, SYSTEM.lowgate)).toBeCloseTo(5, 9);
  });

  it('GIVEN empty tables THEN universe and catalog data are empty', async () => {
    const { db } = getDb();
    expect(await loadUniverseData(db)).toEqual({
      regions: [],
      constellations: [],
      systems: [],
      stargates: [],
    });
    expect(await loadCatalogData(db)).toEqual({ types: [], groups: [], categories: [] });
  });

  it('GIVEN types, groups and categories THEN the catalog data keeps unpublished ones like the Capsule', async () => {
    const { db } = getDb();
    await db.insert(sdeCategories).values({ id: 6, name: 'Ship', published: true });
    await db.insert(sdeGroups).values([
      { id: 29, name: 'Capsule', categoryId: 6, published: false },
      { id: 25, name: 'Frigate', categoryId: 6, published: true },
    ]);
    await db.insert(sdeTypes).values([
      { id: 670, name: 'Capsule', groupId: 29, published: false },
      { id: 587, name: 'Rifter', groupId: 25, published: true },
    ]);
    expect(await loadCatalogData(db)).toEqual({
      categories: [{ id: 6, name: 'Ship', published: true }],
      groups: [
        { id: 25, name: 'Frigate', categoryId: 6, published: true },
        { id: 29, name: 'Capsule', categoryId: 6, published: false },
      ],
      types: [
        { id: 587, name: 'Rifter', groupId: 25, published: true },
        { id: 670, name: 'Capsule', groupId: 29, published: false },
      ],
    });
  });
});
