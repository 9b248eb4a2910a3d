import { expect, it } from 'vitest';
import { replaceSdeData } from '../../src/db/sde-store.ts';
import { readSdeFolder } from '../../src/ingest/sde/read-sde.ts';
import { createWorldHolder } from '../../src/pipeline/world.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { MINI_SDE } from '../helpers/repo-paths.ts';

describeEachDatabase('world holder: a running process switches to a newly imported SDE build', (getDb) => {
  it('reloads only when another build was imported, and then sees the new data', async () => {
    const { db } = getDb();
    const sde = await readSdeFolder(MINI_SDE);
    await replaceSdeData(db, sde, 'first');
    const holder = await createWorldHolder(db);
    expect(holder.build()).toBe(sde.buildNumber);
    expect(await holder.reloadIfChanged()).toBe(false);
    const before = holder.current();

    const newShip = { id: 89649, name: 'Outrider', groupId: 25, published: true };
    await replaceSdeData(
      db,
      {
        ...sde,
        buildNumber: sde.buildNumber + 1,
        catalog: { ...sde.catalog, types: [...sde.catalog.types, newShip] },
      },
      'second',
    );
    expect(await holder.reloadIfChanged()).toBe(true);
    expect(holder.build()).toBe(sde.buildNumber + 1);
    expect(holder.current()).not.toBe(before);
    expect(holder.current().catalog.typeName(89649)).toBe('Outrider');
    expect(before.catalog.typeName(89649)).toBeUndefined();
  });
});
