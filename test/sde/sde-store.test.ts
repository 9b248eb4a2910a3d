import { asc } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { sdeImport, sdeStargates, sdeSystems, sdeTypes } from '../../src/db/schema.ts';
import { importedSdeBuild, isSdeEmpty, replaceSdeData, sdeStatus } from '../../src/db/sde-store.ts';
import { readSdeFolder } from '../../src/ingest/sde/read-sde.ts';
import type { SdeData } from '../../src/engine/universe/index.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { MINI_SDE_STATUS } from './sde-test-files.ts';
import { MINI_SDE } from '../helpers/repo-paths.ts';

const EMPTY_STATUS = {
  build: null,
  regions: 0,
  constellations: 0,
  systems: 0,
  stargates: 0,
  types: 0,
  groups: 0,
  categories: 0,
};

describeEachDatabase('SDE store', (getDb) => {
  it('GIVEN nothing imported THEN status has no build, zero counts, and the SDE is empty', async () => {
    const { db } = getDb();
    expect(await sdeStatus(db)).toEqual(EMPTY_STATUS);
    expect(await isSdeEmpty(db)).toBe(true);
    expect(await importedSdeBuild(db)).toBeNull();
  });

  it('WHEN the mini SDE is imported THEN every table holds its rows and the build is recorded', async () => {
    const { db } = getDb();
    const importedAt = new Date('2026-11-21T10:00:00Z');
    await replaceSdeData(db, await readSdeFolder(MINI_SDE), '/path/to/mini', importedAt);
    expect(await sdeStatus(db)).toEqual(MINI_SDE_STATUS);
    expect(await isSdeEmpty(db)).toBe(false);
    const jita = (await db.select().from(sdeSystems)).find((system) => system.id === 30000142);
    expect(jita).toEqual({
      id: 30000142,
      name: 'Jita',
      constellationId: 20000020,
      regionId: 10000002,
      security: 0.945913,
      x: -1.29064861735e17,
      y: 6.075530691e16,
      z: 1.1746922706e17,
    });
    const gates = await db.select().from(sdeStargates);
    expect(gates.every((gate) => gate.fromSystemId < gate.toSystemId)).toBe(true);
    expect(await db.select().from(sdeImport)).toEqual([
      {
        id: 1,
        buildNumber: 3201939,
        releaseDate: '2026-02-11T11:26:42Z',
        source: '/path/to/mini',
        importedAt,
      },
    ]);
  });

  it('WHEN the same SDE is imported twice THEN the counts and rows are the same as after once', async () => {
    const { db } = getDb();
    const sde = await readSdeFolder(MINI_SDE);
    await replaceSdeData(db, sde, 'first');
    const typesOnce = await db.select().from(sdeTypes).orderBy(asc(sdeTypes.id));
    await replaceSdeData(db, sde, 'second');
    expect(await sdeStatus(db)).toEqual(MINI_SDE_STATUS);
    expect(await db.select().from(sdeTypes).orderBy(asc(sdeTypes.id))).toEqual(typesOnce);
    const bookkeeping = await db.select().from(sdeImport);
    expect(bookkeeping.map((row) => row.source)).toEqual(['second']);
  });

  it('GIVEN an imported build WHEN a smaller build replaces it THEN rows missing from the new build are gone', async () => {
    const { db } = getDb();
    const sde = await readSdeFolder(MINI_SDE);
    await replaceSdeData(db, sde, 'old');
    const smaller: SdeData = {
      ...sde,
      buildNumber: 3201940,
      universe: { ...sde.universe, systems: sde.universe.systems.slice(0, 2), stargates: [] },
      catalog: { ...sde.catalog, types: sde.catalog.types.slice(0, 1) },
    };
    await replaceSdeData(db, smaller, 'new');
    expect(await sdeStatus(db)).toEqual({
      ...MINI_SDE_STATUS,
      build: 3201940,
      systems: 2,
      stargates: 0,
      types: 1,
    });
  });

  it('GIVEN an imported build WHEN a later import fails inside the transaction THEN the previous data is intact', async () => {
    const { db } = getDb();
    const sde = await readSdeFolder(MINI_SDE);
    await replaceSdeData(db, sde, 'good');
    const firstType = sde.catalog.types[0]!;
    // The reader refuses duplicate ids; handing them straight to the store makes the insert itself fail.
    const broken: SdeData = {
      ...sde,
      buildNumber: 1,
      catalog: { ...sde.catalog, types: [firstType, firstType] },
    };
    await expect(replaceSdeData(db, broken, 'broken')).rejects.toThrow();
    expect(await sdeStatus(db)).toEqual(MINI_SDE_STATUS);
  });

  it('GIVEN more types than one insert takes THEN all of them are stored', async () => {
    const { db } = getDb();
    const sde = await readSdeFolder(MINI_SDE);
    const types = Array.from({ length: 20_001 }, (_, index) => ({
      id: 100_000 + index,
      name: `Test type ${index}`,
      groupId: 25,
      published: index % 2 === 0,
    }));
    await replaceSdeData(db, { ...sde, catalog: { ...sde.catalog, types } }, 'many');
    expect((await sdeStatus(db)).types).toBe(20_001);
  });
});
