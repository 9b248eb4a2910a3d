import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sdeRegions } from '../../src/db/schema.ts';
import { describeEachDatabase } from '../helpers/database.ts';

describeEachDatabase('database client', (getDb) => {
  it('applies the migrations so the SDE tables exist and accept rows', async () => {
    const { db } = getDb();
    await db.insert(sdeRegions).values({ id: 10000002, name: 'The Forge' });
    const rows = await db.select().from(sdeRegions);
    expect(rows).toEqual([{ id: 10000002, name: 'The Forge' }]);
  });

  it('starts every test from empty tables', async () => {
    const { db } = getDb();
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(sdeRegions);
    expect(rows[0]?.n).toBe(0);
  });

  it('migrating twice is harmless', async () => {
    await getDb().handle.migrate();
    const rows = await getDb().db.select().from(sdeRegions);
    expect(rows).toEqual([]);
  });
});

describe('persistent PGlite under DATA_DIR', () => {
  it('keeps data across close and reopen', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { openDatabase } = await import('../../src/db/client.ts');
    const dataDir = mkdtempSync(join(tmpdir(), 'kt-db-'));
    try {
      const first = await openDatabase({ dataDir });
      await first.migrate();
      await first.db.insert(sdeRegions).values({ id: 1, name: 'Persisted' });
      await first.close();
      const second = await openDatabase({ dataDir });
      await second.migrate();
      expect(await second.db.select().from(sdeRegions)).toEqual([{ id: 1, name: 'Persisted' }]);
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describeEachDatabase('leader election lock', (getDb) => {
  it('grants the lock to one holder at a time and again after release', async () => {
    const { handle, url } = getDb();
    const first = await handle.tryLeaderLock(4242);
    expect(first).not.toBeNull();
    if (handle.kind === 'postgres' && url) {
      const { openDatabase } = await import('../../src/db/client.ts');
      const other = await openDatabase({ url });
      try {
        expect(await other.tryLeaderLock(4242)).toBeNull();
        await first?.();
        const second = await other.tryLeaderLock(4242);
        expect(second).not.toBeNull();
        await second?.();
      } finally {
        await other.close();
      }
    } else {
      await first?.();
    }
  });
});
