// Run by bench/memory.ts in a fresh node process (--expose-gc): loads what the live bot keeps in memory
// (universe, item catalog, 10,000 compiled trackers with their index and a warm jump-search cache), drops
// everything else, and prints the process's memory as one JSON line. The baseline is node with tsx
// (as bin/killtracker.mjs runs) and the code loaded, before any data. With --with-database the process
// also opens the embedded database (PGlite with the bot's settings, migrated), as `killtracker start` does
// when DATABASE_URL is unset. The data folder is created by a first process beforehand: a bot restarting
// on its folder is the steady case (creating a folder runs initdb, whose memory the process keeps).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DatabaseHandle, openDatabase } from '../src/db/client.ts';
import type { ItemCatalog } from '../src/engine/catalog.ts';
import { createMatcher, type Matcher } from '../src/engine/matcher.ts';
import { loadBenchWorld } from './bench-world.ts';
import { TRACKER_SET_SEED } from './match.ts';
import { generateTrackers, trackerPools } from './tracker-sets.ts';

const TRACKERS = 10_000;
const MB = 1024 * 1024;
/**
 * V8 hands unused heap pages back to the OS only after some idle seconds (its memory reducer). The bot
 * idles between kills, so its steady state is measured after such a pause, and right after loading too.
 */
const SETTLE_MS = 10_000;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

function fullGc(): void {
  // Twice: the first pass may only find garbage that the second frees (weak references, finalizers).
  gc!();
  gc!();
}

function megabytes(bytes: number): number {
  return Math.round((bytes / MB) * 10) / 10;
}

/** What the bot holds: the matcher (which holds the universe) and the catalog it normalizes with. */
interface LiveState {
  matcher: Matcher;
  catalog: ItemCatalog;
}

/** The live state, built in a function so the raw data and corpus are unreachable once it returns. */
function loadLiveState(): LiveState | { skipped: string } {
  const world = loadBenchWorld();
  if ('skipped' in world) return world;
  const { universe, catalog, killmails } = world;
  const trackers = generateTrackers(
    TRACKERS,
    TRACKER_SET_SEED,
    trackerPools(world.universeData, world.catalogData, killmails),
  );
  const matcher = createMatcher({ universe, defaultMaxAgeMinutes: 60 });
  trackers.forEach((tracker, index) => {
    matcher.set(String(index), tracker);
  });
  // Every kill of the corpus once: builds the index and fills the jump-search cache as hours of feed would.
  for (const killmail of killmails) matcher.match(killmail, { now: killmail.time + 60_000 });
  return { matcher, catalog };
}

const withDatabase = process.argv.includes('--with-database');
const folderArgument = process.argv.find((argument) => argument.startsWith('--data-dir='));
const dataDir = withDatabase
  ? (folderArgument?.slice('--data-dir='.length) ?? mkdtempSync(join(tmpdir(), 'kt-memory-')))
  : undefined;

/** The embedded database as the bot opens it, with a first query answered. */
async function openEmbedded(dir: string): Promise<DatabaseHandle> {
  const handle = await openDatabase({ dataDir: dir });
  await handle.migrate();
  return handle;
}

if (dataDir !== undefined && process.argv.includes('--reopen')) {
  await (await openEmbedded(dataDir)).close();
  process.exit(0);
}

fullGc();
const baseline = process.memoryUsage();
const database = dataDir === undefined ? undefined : await openEmbedded(dataDir);
const state = loadLiveState();
fullGc();
const afterLoad = process.memoryUsage();
await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
fullGc();
const settled = process.memoryUsage();
if ('skipped' in state) {
  process.stdout.write(`${JSON.stringify({ bench: 'memory', skipped: state.skipped })}\n`);
} else {
  process.stdout.write(
    `${JSON.stringify({
      bench: 'memory',
      embedded_database: withDatabase,
      trackers: state.matcher.size,
      item_types: state.catalog.typeCount,
      rss_mb: megabytes(settled.rss),
      heap_used_mb: megabytes(settled.heapUsed),
      array_buffers_mb: megabytes(settled.arrayBuffers),
      rss_mb_right_after_load: megabytes(afterLoad.rss),
      settle_s: SETTLE_MS / 1000,
      baseline_rss_mb: megabytes(baseline.rss),
      baseline_heap_used_mb: megabytes(baseline.heapUsed),
    })}\n`,
  );
}

await database?.close();
if (dataDir !== undefined && folderArgument === undefined) rmSync(dataDir, { recursive: true, force: true });
