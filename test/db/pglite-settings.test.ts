// The embedded database opens with small memory settings: its shared buffers live in the process's
// memory for as long as it runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';

describe('embedded database memory settings', () => {
  it('GIVEN a data folder WHEN the embedded database opens THEN its buffers and work memory are the small ones', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kt-settings-'));
    try {
      const handle = await openDatabase({ dataDir });
      const setting = async (name: string) => {
        // The embedded driver answers with PGlite's result: the rows are under `rows`.
        const result = (await handle.db.execute(
          sql`select current_setting(${name}) as value`,
        )) as unknown as {
          rows: Array<{ value: string }>;
        };
        return result.rows[0]?.value;
      };
      expect(await setting('shared_buffers')).toBe('16MB');
      expect(await setting('work_mem')).toBe('2MB');
      expect(await setting('maintenance_work_mem')).toBe('16MB');
      await handle.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
