// Access to ../shared (real SDE extracts and killmails) for tests. A user's fresh clone has no
// ../shared: suites that need it skip with a message saying why.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe } from 'vitest';
import type { CatalogData } from '../../src/engine/catalog.ts';
import type { UniverseData } from '../../src/engine/universe/types.ts';
import {
  readSharedCatalogData,
  readSharedUniverseData,
  SHARED_DIR,
  SHARED_KILLMAILS_DIR,
  SHARED_SDE_ZIP,
} from './shared-files.ts';

export { SHARED_DIR, SHARED_KILLMAILS_DIR, SHARED_SDE_DIR, SHARED_SDE_ZIP } from './shared-files.ts';

export const hasSharedData = existsSync(SHARED_SDE_ZIP) && existsSync(SHARED_KILLMAILS_DIR);

/** describe() that runs only when ../shared exists, and says so when it does not. */
export function describeWithSharedData(name: string, body: () => void): void {
  if (!hasSharedData) {
    console.warn(
      `[skip] "${name}": ${SHARED_DIR} not found (full-universe data lives there; CI always has it)`,
    );
  }
  describe.skipIf(!hasSharedData)(`${name} (../shared data)`, body);
}

let universeCache: UniverseData | undefined;
/** The full universe from the compact JSON extracts in ../shared/eve-sde (read once per test file). */
export function sharedUniverseData(): UniverseData {
  universeCache ??= readSharedUniverseData();
  return universeCache;
}

let catalogCache: CatalogData | undefined;
/** Types, groups and categories from the compact JSON extracts in ../shared/eve-sde. */
export function sharedCatalogData(): CatalogData {
  catalogCache ??= readSharedCatalogData();
  return catalogCache;
}

/** Reads a JSONL killmail file from ../shared/killmails as parsed JSON values (unvalidated). */
export function sharedKillmailLines(file: string): unknown[] {
  const text = readFileSync(resolve(SHARED_KILLMAILS_DIR, file), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}
