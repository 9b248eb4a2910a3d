// PostgreSQL settings of the embedded database. PGlite keeps its shared buffers inside its WebAssembly
// memory, which the process holds for its whole life: PostgreSQL's default 128 MB of buffers alone would
// take more than the bot's data needs. The bot's working set (trackers, the outbox, recent killmails) fits
// in far less, and the files below PGlite are still cached by the operating system.
import type { PGliteOptions } from '@electric-sql/pglite';

export const EMBEDDED_POSTGRES_SETTINGS: readonly string[] = [
  'shared_buffers = 16MB',
  'wal_buffers = 512kB',
  'temp_buffers = 2MB',
  'work_mem = 2MB',
  'maintenance_work_mem = 16MB',
];

/** Options every PGlite the bot opens on a data folder is created with. */
export const EMBEDDED_PGLITE_OPTIONS: PGliteOptions = { postgresqlconf: [...EMBEDDED_POSTGRES_SETTINGS] };
