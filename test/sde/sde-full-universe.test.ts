import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { sdeStatus } from '../../src/db/sde-store.ts';
import { readSdeZip } from '../../src/ingest/sde/read-sde.ts';
import type { SdeData } from '../../src/engine/universe/index.ts';
import { SdeError } from '../../src/ingest/sde/sde-error.ts';
import { type SdeUpdateOptions, updateSde } from '../../src/ingest/sde/update-sde.ts';
import { silentLogger } from '../../src/log.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { describeWithSharedData, SHARED_SDE_ZIP, sharedUniverseData } from '../helpers/shared-data.ts';
import { type FakeSdeServer, startFakeSdeServer } from './fake-sde-server.ts';
import { scratchDir } from './sde-test-files.ts';

const FULL_UNIVERSE_STATUS = {
  build: 1,
  regions: 113,
  constellations: 1175,
  systems: 8437,
  stargates: 6888,
  types: 18420,
  groups: 1609,
  categories: 48,
};

describeWithSharedData('the full-universe SDE zip', () => {
  let sde: SdeData;
  beforeAll(async () => {
    sde = await readSdeZip(SHARED_SDE_ZIP);
  });

  it('WHEN read THEN holds every region, system, gate link and type of build 1', () => {
    expect(sde.buildNumber).toBe(1);
    expect(sde.universe.regions).toHaveLength(113);
    expect(sde.universe.constellations).toHaveLength(1175);
    expect(sde.universe.systems).toHaveLength(8437);
    expect(sde.universe.stargates).toHaveLength(6888);
    expect(sde.catalog.types).toHaveLength(18420);
    expect(sde.catalog.groups).toHaveLength(1609);
    expect(sde.catalog.categories).toHaveLength(48);
  });

  it('WHEN read THEN the 13,776 directed gates become exactly the known 6,888 links', () => {
    const key = ([a, b]: readonly [number, number]) => `${Math.min(a, b)}-${Math.max(a, b)}`;
    const expected = new Set(sharedUniverseData().stargates.map(key));
    const links = new Set(sde.universe.stargates.map(key));
    expect(links).toEqual(expected);
  });

  it('WHEN read THEN Jita and Thera are where the compact extract puts them', () => {
    const byId = new Map(sde.universe.systems.map((system) => [system.id, system]));
    for (const reference of sharedUniverseData().systems.filter((system) =>
      [30000142, 31000005].includes(system.id),
    )) {
      expect(byId.get(reference.id)).toEqual(reference);
    }
    expect(byId.get(30000142)?.security).toBe(0.945913);
  });

  describeEachDatabase('importing it', (getDb) => {
    let server: FakeSdeServer;
    let dataDir: ReturnType<typeof scratchDir>;
    beforeAll(async () => {
      server = await startFakeSdeServer();
    });
    afterAll(() => server.close());
    beforeEach(() => {
      server.answers.clear();
      dataDir = scratchDir('kt-sde-full-');
    });
    afterEach(() => dataDir.remove());

    const options = (extra: Partial<SdeUpdateOptions> = {}): SdeUpdateOptions => ({
      db: getDb().db,
      env: { SDE_URL: server.url, ZKB_USER_AGENT: 'Killtracker tests', DATA_DIR: dataDir.path },
      log: silentLogger,
      terminal: { isTTY: false, write: () => true },
      ...extra,
    });

    it('WHEN imported from the file THEN the status shows the exact counts, twice in a row', async () => {
      await updateSde(options({ file: SHARED_SDE_ZIP }));
      expect(await sdeStatus(getDb().db)).toEqual(FULL_UNIVERSE_STATUS);
      await updateSde(options({ file: SHARED_SDE_ZIP }));
      expect(await sdeStatus(getDb().db)).toEqual(FULL_UNIVERSE_STATUS);
    });

    it('WHEN downloaded from SDE_URL THEN imports the exact counts; a cut download of build 2 leaves them intact', async () => {
      const zip = readFileSync(SHARED_SDE_ZIP);
      server.publish(1, zip);
      expect(await updateSde(options())).toMatchObject({ imported: true, status: FULL_UNIVERSE_STATUS });

      server.publish(2, zip);
      server.answers.set('/tranquility/eve-online-static-data-2-jsonl.zip', {
        kind: 'cut',
        body: zip,
        sendBytes: Math.floor(zip.length / 2),
      });
      await expect(updateSde(options())).rejects.toBeInstanceOf(SdeError);
      expect(await sdeStatus(getDb().db)).toEqual(FULL_UNIVERSE_STATUS);
    });
  });
});
