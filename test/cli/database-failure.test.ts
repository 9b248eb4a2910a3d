// A database error reaches the terminal as the database's own words: never drizzle's "Failed query" with
// the SQL and its parameters, never a stack trace.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DrizzleQueryError, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDatabaseFailure } from '../../src/cli/database-failure.ts';
import { openDatabase } from '../../src/db/client.ts';
import { runCliCapture } from '../helpers/cli.ts';

describe('database failures on the command line', () => {
  it('GIVEN a failed query THEN the sentence holds its cause and code, not the query or its parameters', () => {
    const cause = Object.assign(new Error('relation "trackers" does not exist'), { code: '42P01' });
    const failed = new DrizzleQueryError(
      'select "name" from "trackers" where "guild_id" = $1',
      ['s3cret'],
      cause,
    );
    const text = describeDatabaseFailure(failed);
    expect(text).toBe(
      'The database refused the command: relation "trackers" does not exist (42P01). Run it again; if it ' +
        'keeps failing, check the database (DATABASE_URL, or DATA_DIR for the embedded one).',
    );
    expect(describeDatabaseFailure(new Error('not from the database'))).toBeUndefined();
  });

  describe('GIVEN a database whose trackers table is gone', () => {
    let dataDir: string;
    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'kt-db-failure-'));
      const handle = await openDatabase({ dataDir });
      try {
        await handle.migrate();
        await handle.db.execute(sql`drop table trackers cascade`);
      } finally {
        await handle.close();
      }
    });
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it('WHEN listing trackers THEN it prints one line with the cause and exits 1', async () => {
      const run = await runCliCapture(['trackers', 'list', '--guild', '123456789012345678'], {
        DATA_DIR: dataDir,
      });
      expect(run.code).toBe(1);
      expect(run.out).toEqual([]);
      expect(run.err).toHaveLength(1);
      const [line] = run.err as [string];
      expect(line).toMatch(
        /^The database refused the command: relation "trackers" does not exist \(42P01\)\./,
      );
      expect(line).not.toMatch(/Failed query|params|select|123456789012345678|\n\s+at /);
    });
  });
});
