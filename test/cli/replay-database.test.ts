// `killtracker replay` without --sde reads the map from the configured database: the embedded one in
// DATA_DIR (PGlite), or PostgreSQL through DATABASE_URL when TEST_DATABASE_URL is set.
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCliCapture } from '../helpers/cli.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { migratedDataDir } from '../helpers/data-dir.ts';
import { MINI_SDE } from '../helpers/repo-paths.ts';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/replay');
const REPLAY_ARGS = [
  'replay',
  '--trackers',
  join(FIXTURES, 'trackers.json'),
  '--killmails',
  join(FIXTURES, 'killmails.jsonl'),
];

describeEachDatabase('killtracker replay from the database', (getDb) => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    dataDir = migratedDataDir('kt-replay-db-');
    const url = getDb().url;
    // PGlite: the CLI opens its own embedded database in DATA_DIR. PostgreSQL: the scratch database.
    env = url === undefined ? { DATA_DIR: dataDir } : { DATA_DIR: dataDir, DATABASE_URL: url };
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('GIVEN no SDE imported WHEN replaying without --sde THEN it says to run sde update or pass --sde', async () => {
    const result = await runCliCapture(REPLAY_ARGS, env);
    expect(result.code).toBe(1);
    expect(result.out).toEqual([]);
    expect(result.err.join('\n')).toContain('run killtracker sde update or pass --sde');
  });

  it('GIVEN the mini SDE imported with sde update WHEN replaying without --sde THEN it matches as with --sde', async () => {
    const imported = await runCliCapture(['sde', 'update', '--file', MINI_SDE], env);
    expect(imported.code).toBe(0);

    const fromDatabase = await runCliCapture(REPLAY_ARGS, env);
    const fromZip = await runCliCapture([...REPLAY_ARGS, '--sde', MINI_SDE], env);
    expect(fromDatabase.code).toBe(0);
    expect(fromDatabase.out).toHaveLength(8);
    expect(fromDatabase.out[2]).toBe(
      '{"tracker": "Near Jita", "killmail_id": 5001, "jumps": 1, "distance_ly": 1.97}',
    );
    expect(fromDatabase.out).toEqual(fromZip.out);
  });
});
