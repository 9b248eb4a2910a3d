// What every benchmark shares: where ../shared (real EVE data next to the repository) is, and timing
// helpers. A fresh clone has no ../shared, so loaders say why they cannot run instead of failing.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { CatalogData } from '../src/engine/catalog.ts';
import type { UniverseData } from '../src/engine/universe/types.ts';
import {
  missingSdeFiles,
  readSharedCatalogData,
  readSharedUniverseData,
  SHARED_SDE_DIR,
} from '../test/helpers/shared-files.ts';

export { SHARED_KILLMAILS_DIR } from '../test/helpers/shared-files.ts';

/** A benchmark's answer when the data it needs is missing. */
export interface Skipped {
  skipped: string;
}

/** The full universe from ../shared's SDE extracts, or why it cannot be read. */
export function sharedUniverseOrSkip(): UniverseData | Skipped {
  const missing = missingSdeFiles('universe');
  return missing.length > 0
    ? { skipped: `${SHARED_SDE_DIR} lacks ${missing.join(', ')}` }
    : readSharedUniverseData();
}

/** Types, groups and categories from ../shared's SDE extracts, or why they cannot be read. */
export function sharedCatalogOrSkip(): CatalogData | Skipped {
  const missing = missingSdeFiles('catalog');
  return missing.length > 0
    ? { skipped: `${SHARED_SDE_DIR} lacks ${missing.join(', ')}` }
    : readSharedCatalogData();
}

/** Wall time of one call in microseconds. */
export function timeMicroseconds(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1000;
}

/** The p-th percentile (0..100) by nearest rank; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Rounds a timing for the report: three significant decimals are plenty. */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** A small seeded random generator (mulberry32) so every run measures the same origins and pairs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let fullGc: (() => void) | undefined;

/**
 * A full garbage collection, so a measured round does not pay for the garbage the previous one left.
 * `--expose-gc` is switched on at run time, so `npm run bench` needs no extra node flag.
 */
export function collectGarbage(): void {
  if (!fullGc) {
    setFlagsFromString('--expose-gc');
    fullGc = runInNewContext('gc') as () => void;
  }
  fullGc();
}
