// Database test harness: one PGlite per test file (always), loaded from the run's migrated template,
// and one scratch PostgreSQL database per test file when TEST_DATABASE_URL is set. Tables are truncated
// between tests.
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach, describe, inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/db/client.ts';

export interface TestDatabase {
  readonly handle: DatabaseHandle;
  readonly db: DatabaseHandle['db'];
  /** A URL another process can use (PostgreSQL only). */
  readonly url: string | undefined;
}

export const databaseKinds = (): Array<'pglite' | 'postgres'> =>
  process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** Runs `body` once per available database kind, each with a fresh, migrated database. */
export function describeEachDatabase(
  name: string,
  body: (getDb: () => TestDatabase, kind: 'pglite' | 'postgres') => void,
): void {
  for (const kind of databaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      let current: TestDatabase | undefined;
      let cleanup: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        const created = kind === 'pglite' ? await createPglite() : await createPostgres();
        current = created.database;
        cleanup = created.cleanup;
      });
      beforeEach(async () => {
        if (current) await truncateAll(current.handle);
      });
      afterAll(async () => {
        await cleanup?.();
      });
      body(() => {
        if (!current) throw new Error('test database not ready');
        return current;
      }, kind);
    });
  }
}

/**
 * Runs `body` with a fresh, migrated PostgreSQL database (its `url` is for other processes), only when
 * TEST_DATABASE_URL is set; says why it skips otherwise. For what PGlite cannot do: several processes.
 */
export function describeOnPostgres(name: string, body: (getDb: () => TestDatabase) => void): void {
  const enabled = process.env.TEST_DATABASE_URL !== undefined && process.env.TEST_DATABASE_URL !== '';
  if (!enabled) {
    console.warn(`[skip] "${name}": needs PostgreSQL; set TEST_DATABASE_URL to run it`);
  }
  describe.skipIf(!enabled)(`${name} [postgres]`, () => {
    let current: TestDatabase | undefined;
    let cleanup: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      const created = await createPostgres();
      current = created.database;
      cleanup = created.cleanup;
    });
    afterAll(async () => {
      await cleanup?.();
    });
    body(() => {
      if (!current) throw new Error('test database not ready');
      return current;
    });
  });
}

/** A PGlite already holding every migration (see test/setup/pglite-template.ts). */
export async function migratedPglite(): Promise<PGlite> {
  const template = inject('pgliteTemplate');
  return PGlite.create({ loadDataDir: new Blob([readFileSync(template)]) });
}

async function createPglite(): Promise<{ database: TestDatabase; cleanup: () => Promise<void> }> {
  const client = await migratedPglite();
  try {
    const handle = await openDatabase({ pglite: client });
    // A no-op on the template's schema; it keeps a new migration honest if the template were stale.
    await handle.migrate();
    return { database: { handle, db: handle.db, url: undefined }, cleanup: () => client.close() };
  } catch (error) {
    await client.close().catch(() => undefined);
    throw error;
  }
}

async function createPostgres(): Promise<{ database: TestDatabase; cleanup: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL as string;
  const name = `kt_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  let handle: DatabaseHandle | undefined;
  // Whatever part of the setup succeeded is undone, so a failed setup leaves no database behind.
  const cleanup = async () => {
    await handle?.close().catch(() => undefined);
    await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end();
  };
  try {
    await admin.unsafe(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    handle = await openDatabase({ url: url.toString() });
    await handle.migrate();
    return { database: { handle, db: handle.db, url: url.toString() }, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

export async function truncateAll(handle: DatabaseHandle): Promise<void> {
  await handle.db.execute(sql`
    do $$ declare r record; begin
      for r in select tablename from pg_tables where schemaname = 'public' loop
        execute 'truncate table ' || quote_ident(r.tablename) || ' cascade';
      end loop;
    end $$;`);
}
