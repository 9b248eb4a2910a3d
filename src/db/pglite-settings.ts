// PostgreSQL settings of the embedded database. PGlite keeps its shared buffers inside its WebAssembly
// memory, which the process holds for its whole life: PostgreSQL's default 128 MB of buffers alone would
// take more than the bot's data needs. The bot's working set (trackers, the outbox, recent killmails) fits
// in far less, and the files below PGlite are still cached by the operating system.
import { setFlagsFromString } from 'node:v8';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';

export const EMBEDDED_POSTGRES_SETTINGS: readonly string[] = [
  'shared_buffers = 16MB',
  'wal_buffers = 512kB',
  'temp_buffers = 2MB',
  'work_mem = 2MB',
  'maintenance_work_mem = 16MB',
];

/** Options every PGlite the bot opens on a data folder is created with. */
export const EMBEDDED_PGLITE_OPTIONS: PGliteOptions = { postgresqlconf: [...EMBEDDED_POSTGRES_SETTINGS] };

/**
 * PGlite on a data folder with the settings above. V8 compiles WebAssembly (PostgreSQL itself here)
 * with its baseline compiler only, from then on in this process: the optimizing compiler's code and the
 * memory it takes while compiling (tens of MB the allocator keeps afterwards) cost the process about
 * 45 MB of RSS, for a few percent of query speed the bot does not need.
 */
export function createEmbeddedPglite(directory: string): Promise<PGlite> {
  setFlagsFromString('--liftoff-only');
  return PGlite.create(directory, EMBEDDED_PGLITE_OPTIONS);
}
