// `killtracker deadletter list|retry`: operators see what the feed set aside and retry it once fixed.
// One data folder for the whole file: every CLI run opens the embedded database, which takes seconds.
import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { createDeadLetterStore } from '../../src/db/dead-letter-store.ts';
import { createKillmailStore } from '../../src/db/killmail-store.ts';
import { syntheticR2z2Document } from '../fakes/r2z2.ts';
import { runCliCapture } from '../helpers/cli.ts';
import { migratedDataDir, withDataDirDatabase } from '../helpers/data-dir.ts';

describe('killtracker deadletter list | retry', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  const withDatabase = <T>(work: (handle: DatabaseHandle) => Promise<T>) =>
    withDataDirDatabase(dataDir, work);

  const fixed = syntheticR2z2Document(32);
  const refused = syntheticR2z2Document(33);
  const nowInvalid: Record<string, unknown> = { ...syntheticR2z2Document(34), hash: 'nul\u0000' };

  beforeAll(async () => {
    dataDir = migratedDataDir('kt-deadletter-');
    env = { DATA_DIR: dataDir };
    await withDatabase(async ({ db }) => {
      await createKillmailStore({ db }).advanceCursor(7100);
      const store = createDeadLetterStore({ db });
      for (const [sequence, document] of [
        [7002, fixed],
        [7003, refused],
        [7004, nowInvalid],
      ] as const) {
        await store.record({
          sequence,
          killmailId: document.killmail_id as number,
          republished: false,
          document,
          error: '22012: division by zero',
          attempts: 3,
          firstFailedAt: new Date('2026-12-01T10:00:00Z'),
        });
      }
      // The database keeps refusing killmail 33.
      await db.execute(sql`alter table killmails add constraint not_33 check (id <> 33)`);
    });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('GIVEN dead letters WHEN listed THEN one JSON line each gives id, sequence, killmail, error, failure times and attempts', async () => {
    const run = await runCliCapture(['deadletter', 'list'], env);
    expect(run.code).toBe(0);
    const lines = run.out.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line.killmail_id)).toEqual([32, 33, 34]);
    expect(Object.keys(lines[0]!)).toEqual([
      'id',
      'sequence',
      'killmail_id',
      'error',
      'first_failed_at',
      'last_failed_at',
      'attempts',
    ]);
    expect(lines[0]).toMatchObject({
      id: 1,
      sequence: 7002,
      error: '22012: division by zero',
      first_failed_at: '2026-12-01T10:00:00.000Z',
      attempts: 3,
    });
  });

  it('GIVEN the cause was fixed WHEN retried THEN the killmail is stored and the row removed', async () => {
    const run = await runCliCapture(['deadletter', 'retry', '1'], env);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out[0]!)).toEqual({ id: 1, killmail_id: 32, outcome: 'stored', deliveries: 0 });
  });

  it('GIVEN the database still refuses it WHEN retried THEN it says so, exits 1 and keeps the row', async () => {
    const run = await runCliCapture(['deadletter', 'retry', '2'], env);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.out[0]!)).toMatchObject({ id: 2, killmail_id: 33, outcome: 'failed' });
    expect(run.err.join('\n')).toContain('stays in the list');
  });

  it('GIVEN a document the parser now refuses WHEN retried THEN it is dropped as invalid, saying why', async () => {
    const run = await runCliCapture(['deadletter', 'retry', '3'], env);
    expect(run.code).toBe(0);
    const line = JSON.parse(run.out[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ id: 3, killmail_id: 34, outcome: 'invalid' });
    expect(line.error).toContain('hash: contains a NUL character');
  });

  it('GIVEN those retries THEN only the refused one is left, one attempt more, and the cursor did not move back', async () => {
    await withDatabase(async ({ db }) => {
      const [row, ...others] = await createDeadLetterStore({ db }).list();
      expect(others).toEqual([]);
      expect(row).toMatchObject({ id: 2, attempts: 4 });
      expect(row?.error).toMatch(/^23514: .*not_33/);
      const killmails = createKillmailStore({ db });
      expect((await killmails.get(32))?.killmail_id).toBe(32);
      expect(await killmails.get(34)).toBeUndefined();
      expect(await killmails.loadCursor()).toBe(7100);
    });
  });

  it('GIVEN an unknown or malformed id WHEN retried THEN the error says how to find the ids', async () => {
    const unknown = await runCliCapture(['deadletter', 'retry', '99'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.err.join('\n')).toContain('killtracker deadletter list');
    const malformed = await runCliCapture(['deadletter', 'retry', 'abc'], env);
    expect(malformed.code).toBe(2);
  });
});
