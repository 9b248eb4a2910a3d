// DATA_DIR folders for tests that run the command line or the bot on the embedded database: each starts
// as a copy of the run's migrated folder (test/setup/pglite-template.ts), not a fresh initdb.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { openEmbeddedForCommand } from '../../src/db/embedded.ts';

/** A new temporary folder holding a migrated embedded database; the caller removes it. */
export function migratedDataDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(inject('dataDirTemplate'), dir, { recursive: true });
  return dir;
}

/**
 * A migrated DATA_DIR for each test (or, with `{ shared: true }`, one for the whole file), removed
 * afterwards; the returned function gives the current folder.
 */
export function useMigratedDataDir(prefix: string, options: { shared?: boolean } = {}): () => string {
  let dir: string | undefined;
  const create = () => {
    dir = migratedDataDir(prefix);
  };
  const remove = () => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  };
  if (options.shared) {
    beforeAll(create);
    afterAll(remove);
  } else {
    beforeEach(create);
    afterEach(remove);
  }
  return () => {
    if (dir === undefined) throw new Error('the data folder is made before each test');
    return dir;
  };
}

/**
 * Opens a DATA_DIR's embedded database as a command would, for a test's own setup and checks, and closes
 * it afterwards (so the command line or the bot can open the folder next).
 */
export async function withDataDirDatabase<T>(
  dataDir: string,
  work: (handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const handle = await openEmbeddedForCommand(dataDir);
  try {
    await handle.migrate();
    return await work(handle);
  } finally {
    await handle.close();
  }
}
