// Vitest global setup: builds one migrated PGlite database per run and dumps it to a file, so each
// test file loads a copy (well under a second) instead of running initdb and the migrations itself
// (several seconds on a slow machine); and one migrated data folder as the bot keeps it on disk, which
// tests running the command line or the bot copy into their own DATA_DIR.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A tarball of a freshly migrated PGlite data directory. */
    pgliteTemplate: string;
    /** A DATA_DIR holding a migrated, cleanly closed embedded database. */
    dataDirTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const folder = mkdtempSync(join(tmpdir(), 'killtracker-pglite-'));
  const client = await PGlite.create();
  try {
    const handle = await openDatabase({ pglite: client });
    await handle.migrate();
    const dump = await client.dumpDataDir('none');
    const file = join(folder, 'template.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide('pgliteTemplate', file);
  } finally {
    await client.close();
  }
  const dataDir = join(folder, 'data');
  const embedded = await openDatabase({ dataDir });
  try {
    await embedded.migrate();
  } finally {
    await embedded.close();
  }
  project.provide('dataDirTemplate', dataDir);
  return () => rmSync(folder, { recursive: true, force: true });
}
