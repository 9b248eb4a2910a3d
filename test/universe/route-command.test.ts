import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_STATIC_DATA_MESSAGE } from '../../src/cli/load-universe.ts';
import { openDatabase } from '../../src/db/client.ts';
import { seedUniverse } from '../fixtures/universe/seed-universe.ts';
import { SYSTEM, smallUniverse } from '../fixtures/universe/small-universe.ts';
import { runCliCapture } from '../helpers/cli.ts';
import { migratedDataDir } from '../helpers/data-dir.ts';
import { describeEachDatabase } from '../helpers/database.ts';

const temporaryDirs: string[] = [];
afterAll(() => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

describeEachDatabase('killtracker route', (getDb, kind) => {
  // PGlite: the CLI opens its own files under DATA_DIR, so the data folders are made before the tests
  // (from the run's migrated template, under the generous hook timeout): one with the small map, one
  // without. PostgreSQL: the CLI connects to the test database, which is emptied before every test.
  let pgliteWithMap: NodeJS.ProcessEnv | undefined;
  let pgliteWithoutMap: NodeJS.ProcessEnv | undefined;

  beforeAll(async () => {
    if (kind !== 'pglite') return;
    const emptyDir = migratedDataDir('kt-route-');
    temporaryDirs.push(emptyDir);
    const mapDir = migratedDataDir('kt-route-');
    temporaryDirs.push(mapDir);
    const handle = await openDatabase({ dataDir: mapDir });
    try {
      await handle.migrate();
      await seedUniverse(handle.db, smallUniverse);
    } finally {
      await handle.close();
    }
    pgliteWithoutMap = { LOG_LEVEL: 'silent', DATA_DIR: emptyDir };
    pgliteWithMap = { LOG_LEVEL: 'silent', DATA_DIR: mapDir };
  });

  async function envWithMap(): Promise<NodeJS.ProcessEnv> {
    const { url, db } = getDb();
    if (url) {
      await seedUniverse(db, smallUniverse);
      return { LOG_LEVEL: 'silent', DATABASE_URL: url };
    }
    if (!pgliteWithMap) throw new Error('the PGlite data folder with the map was not made');
    return pgliteWithMap;
  }

  function envWithoutMap(): NodeJS.ProcessEnv {
    const { url } = getDb();
    if (url) return { LOG_LEVEL: 'silent', DATABASE_URL: url };
    if (!pgliteWithoutMap) throw new Error('the empty PGlite data folder was not made');
    return pgliteWithoutMap;
  }

  it('GIVEN names in any case THEN it prints one JSON line with jumps and light years', async () => {
    const run = await runCliCapture(['route', 'lowell', 'LOWGATE'], await envWithMap());
    expect(run).toEqual({
      code: 0,
      out: [`{"from": ${SYSTEM.lowell}, "to": ${SYSTEM.lowgate}, "jumps": 2, "distance_ly": 5}`],
      err: [],
    });
  });

  it('GIVEN ids and --avoid-high-sec THEN the route goes around high-sec', async () => {
    const run = await runCliCapture(
      ['route', String(SYSTEM.lowell), String(SYSTEM.lowgate), '--avoid-high-sec'],
      await envWithMap(),
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out[0] ?? '')).toEqual({
      from: SYSTEM.lowell,
      to: SYSTEM.lowgate,
      jumps: 4,
      distance_ly: 5,
    });
  });

  it('GIVEN a distance with many decimals THEN distance_ly is rounded to 2 decimals', async () => {
    const run = await runCliCapture(['route', 'Haven', 'Nightfall'], await envWithMap());
    expect(JSON.parse(run.out[0] ?? '')).toEqual({
      from: SYSTEM.haven,
      to: SYSTEM.nightfall,
      jumps: 2,
      distance_ly: 5.39,
    });
  });

  it('GIVEN a w-space destination THEN jumps and distance are null and the command still succeeds', async () => {
    const run = await runCliCapture(['route', 'Haven', 'J100001'], await envWithMap());
    expect(run.code).toBe(0);
    expect(run.out).toEqual([
      `{"from": ${SYSTEM.haven}, "to": ${SYSTEM.wormhole}, "jumps": null, "distance_ly": null}`,
    ]);
  });

  it('GIVEN a misspelt name THEN it fails and suggests close names', async () => {
    const run = await runCliCapture(['route', 'Lowgat3', 'Haven'], await envWithMap());
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err).toEqual(['Unknown solar system "Lowgat3". Did you mean: Lowgate?']);
  });

  it('GIVEN an id no system has THEN it fails and says how to name a system', async () => {
    const run = await runCliCapture(['route', 'Haven', '30999999'], await envWithMap());
    expect(run.code).toBe(1);
    expect(run.err).toEqual([
      'Unknown solar system "30999999". Check the spelling, or give the system id (Jita is 30000142).',
    ]);
  });

  it('GIVEN no static data imported THEN it tells the user to run sde update', async () => {
    const run = await runCliCapture(['route', 'Haven', 'Lowell'], envWithoutMap());
    expect(run).toEqual({ code: 1, out: [], err: [NO_STATIC_DATA_MESSAGE] });
  });
});

describe('killtracker route arguments', () => {
  const neverOpened = join(tmpdir(), `kt-route-never-opened-${process.pid}`);
  const env = { LOG_LEVEL: 'silent', DATA_DIR: neverOpened };
  const USAGE =
    'Usage: killtracker route FROM TO [--avoid-high-sec]\nRun "killtracker route --help" for details and an example.';

  it.each([
    [['route'], 'Give two solar systems, FROM and TO (names or ids).'],
    [['route', 'Haven'], 'Give two solar systems, FROM and TO (names or ids).'],
    [['route', 'Haven', 'Lowell', 'Lowgate'], 'Unexpected argument "Lowgate".'],
  ])(
    'GIVEN %j THEN it prints the problem and the usage and exits 2 without opening the database',
    async (argv, problem) => {
      const run = await runCliCapture(argv, env);
      expect(run).toEqual({ code: 2, out: [], err: [`${problem}\n${USAGE}`] });
      expect(existsSync(neverOpened)).toBe(false);
    },
  );

  it('GIVEN an unknown option THEN it names the option and shows the usage', async () => {
    const run = await runCliCapture(['route', 'Haven', 'Lowell', '--avoid-lowsec'], env);
    expect(run.code).toBe(2);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toContain("'--avoid-lowsec'");
    expect(run.err[0]).toMatch(/\nUsage: killtracker route FROM TO \[--avoid-high-sec\]/);
  });
});
