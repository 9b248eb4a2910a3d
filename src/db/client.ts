// The one database factory: embedded PGlite under DATA_DIR when no DATABASE_URL, postgres.js otherwise.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { createEmbeddedPglite } from './pglite-settings.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** The handle a `db.transaction(...)` callback receives. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Applies every pending migration from migrations/. */
  migrate(): Promise<void>;
  /**
   * Takes a session-level advisory lock on a dedicated connection, for electing the one process that
   * polls R2Z2. Resolves with a release function, or null when another process holds it.
   * On PGlite (one process by construction) it always succeeds.
   */
  tryLeaderLock(key: number): Promise<(() => Promise<void>) | null>;
  /**
   * Calls `onNotify` on every NOTIFY on `channel`, from any process; resolves with a function that stops
   * listening. Through PGlite's socket it listens to nothing: there is one process by construction, and
   * it signals itself in memory.
   */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));

export type DatabaseTarget =
  | { url: string }
  /** A running bot's embedded database, served on a local socket (see embedded.ts). */
  | { socketPath: string }
  | { dataDir: string }
  /** An already-open PGlite (in-memory for tests, or a shared instance). Not closed by the handle. */
  | { pglite: PGlite };

export function pgliteDirectory(dataDir: string): string {
  return resolve(dataDir, 'pglite');
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if ('url' in target) return openPostgres(postgres(target.url, { max: 10, onnotice: () => {} }), 'postgres');
  if ('socketPath' in target) {
    // PGlite has one session, which the socket server lends to one connection at a time: a second
    // connection in the same process would only wait for the first.
    return openPostgres(postgres({ path: target.socketPath, max: 1, onnotice: () => {} }), 'pglite');
  }
  if ('pglite' in target) return wrapPglite(target.pglite, false);
  const dir = pgliteDirectory(target.dataDir);
  mkdirSync(dir, { recursive: true });
  const client = await createEmbeddedPglite(dir);
  return wrapPglite(client, true);
}

function wrapPglite(client: PGlite, owned: boolean): DatabaseHandle {
  const db = drizzlePglite(client, { schema });
  return {
    db: db as unknown as Database,
    kind: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    tryLeaderLock: async () => async () => {},
    listen: async (channel, onNotify) => {
      const stop = await client.listen(channel, () => onNotify());
      return async () => {
        if (!client.closed) await stop();
      };
    },
    close: async () => {
      if (owned) await client.close();
    },
  };
}

function openPostgres(client: postgres.Sql, kind: DatabaseHandle['kind']): DatabaseHandle {
  const db = drizzlePostgres(client, { schema });
  return {
    db: db as unknown as Database,
    kind,
    migrate: () => {
      const run = () => migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER });
      // Through PGlite's socket there is one process by construction (and one connection to lock with).
      return kind === 'pglite' ? run() : migrateWithLock(client, run);
    },
    tryLeaderLock: async (key) => {
      if (kind === 'pglite') return async () => {};
      const reserved = await client.reserve();
      const [row] = await reserved`select pg_try_advisory_lock(${key}) as locked`;
      if (!row?.locked) {
        reserved.release();
        return null;
      }
      return async () => {
        await reserved`select pg_advisory_unlock(${key})`.catch(() => undefined);
        reserved.release();
      };
    },
    listen: async (channel, onNotify) => {
      if (kind === 'pglite') return async () => {};
      // postgres.js keeps a dedicated connection for it and listens again after a reconnect.
      const { unlisten } = await client.listen(channel, () => onNotify());
      return () => unlisten().catch(() => undefined);
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/** Several processes may start at once against one PostgreSQL: only one migrates at a time. */
async function migrateWithLock(client: postgres.Sql, run: () => Promise<void>): Promise<void> {
  const reserved = await client.reserve();
  try {
    await reserved`select pg_advisory_lock(727274001)`;
    await run();
  } finally {
    await reserved`select pg_advisory_unlock(727274001)`.catch(() => undefined);
    reserved.release();
  }
}
