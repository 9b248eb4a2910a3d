import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { type FakeSdeServer, startFakeSdeServer } from './fake-sde-server.ts';
import { MINI_SDE_STATUS, miniSdeFiles, scratchDir, zipBuffer } from './sde-test-files.ts';
import { MINI_SDE } from '../helpers/repo-paths.ts';

const EMPTY_STATUS_LINE =
  '{"build": null, "regions": 0, "constellations": 0, "systems": 0, "stargates": 0, "types": 0, "groups": 0, "categories": 0}';

describeEachDatabase('killtracker sde', (getDb) => {
  let server: FakeSdeServer;
  let scratch: ReturnType<typeof scratchDir>;

  beforeAll(async () => {
    server = await startFakeSdeServer();
    server.publish(3201939, await zipBuffer(miniSdeFiles()));
  });
  afterAll(() => server.close());
  // The embedded database lives in DATA_DIR: a fresh one per test keeps the tests independent.
  beforeEach(() => {
    scratch = scratchDir('kt-sde-cli-');
  });
  afterEach(() => scratch.remove());

  async function killtracker(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const database = getDb().url;
    const env = {
      DATA_DIR: join(scratch.path, 'data'),
      LOG_LEVEL: 'silent',
      SDE_URL: server.url,
      ZKB_USER_AGENT: 'Killtracker tests',
      ...(database ? { DATABASE_URL: database } : {}),
    };
    const code = await runCli(argv, env, { out: (line) => out.push(line), err: (line) => err.push(line) });
    return { code, out, err };
  }

  it('GIVEN nothing imported WHEN asking the status, importing a folder, asking again THEN prints the exact status lines', async () => {
    const empty = await killtracker('sde', 'status');
    expect(empty.code).toBe(0);
    expect(empty.out).toEqual([EMPTY_STATUS_LINE]);

    const imported = await killtracker('sde', 'update', `--file=${MINI_SDE}`);
    expect(imported.code).toBe(0);
    expect(imported.out).toHaveLength(1);
    expect(JSON.parse(imported.out[0]!)).toEqual({ imported: true, ...MINI_SDE_STATUS });

    const status = await killtracker('sde', 'status');
    expect(status.out).toEqual([
      '{"build": 3201939, "regions": 3, "constellations": 4, "systems": 8, "stargates": 8, "types": 3, "groups": 3, "categories": 2}',
    ]);
  });

  it('WHEN updating from SDE_URL twice, then from a corrupt zip THEN imports, skips, fails with exit 1 and keeps the data', async () => {
    const first = await killtracker('sde', 'update');
    expect(JSON.parse(first.out[0]!)).toEqual({ imported: true, ...MINI_SDE_STATUS });

    const second = await killtracker('sde', 'update');
    expect(second.code).toBe(0);
    expect(second.out).toEqual(['{"imported": false, "reason": "SDE build 3201939 is already imported"}']);

    const corrupt = join(scratch.path, 'corrupt.zip');
    writeFileSync(corrupt, 'not a zip at all');
    const failed = await killtracker('sde', 'update', '--file', corrupt);
    expect(failed.code).toBe(1);
    expect(failed.out).toEqual([]);
    expect(failed.err.join('\n')).toContain('corrupt.zip is not a readable zip');

    const status = await killtracker('sde', 'status');
    expect(JSON.parse(status.out[0]!)).toEqual(MINI_SDE_STATUS);
  });

  it('GIVEN a path where nothing exists THEN exits 1 saying what to pass', async () => {
    const failed = await killtracker('sde', 'update', '--file', join(scratch.path, 'missing.zip'));
    expect(failed.code).toBe(1);
    expect(failed.err.join('\n')).toContain('Cannot read the SDE at');
  });

  const UPDATE = 'killtracker sde update [--file PATH] [--force]';
  it.each([
    [['sde'], 'Usage:', UPDATE],
    [['sde', 'upgrade'], 'Unknown sde subcommand "upgrade"', UPDATE],
    [['sde', 'update', '--files', 'x'], "Unknown option '--files'", UPDATE],
    [['sde', 'update', 'extra'], 'Unexpected argument', UPDATE],
    [['sde', 'update', '--file'], "Option '--file <value>' argument missing", UPDATE],
    [['sde', 'status', '--json'], "Unknown option '--json'", 'Usage: killtracker sde status'],
  ])('GIVEN the arguments %j THEN exits 2 with the usage', async (argv, message, usage) => {
    const failed = await killtracker(...argv);
    expect(failed.code).toBe(2);
    expect(failed.err.join('\n')).toContain(message);
    expect(failed.err.join('\n')).toContain(usage);
  });
});
