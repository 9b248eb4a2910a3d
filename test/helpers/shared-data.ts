// Access to ../shared (real SDE extracts and killmails). A user's fresh clone has no ../shared:
// suites that need it skip with a message saying why.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe } from 'vitest';
import type { CatalogData } from '../../src/engine/catalog.ts';
import type { UniverseData } from '../../src/engine/universe/types.ts';

export const SHARED_DIR = resolve(import.meta.dirname, '../../../shared');
export const SHARED_SDE_DIR = resolve(SHARED_DIR, 'eve-sde');
export const SHARED_SDE_ZIP = resolve(SHARED_SDE_DIR, 'eve-online-static-data-1-jsonl.zip');
export const SHARED_KILLMAILS_DIR = resolve(SHARED_DIR, 'killmails');
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

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(resolve(SHARED_SDE_DIR, file), 'utf8')) as T;
}

let universeCache: UniverseData | undefined;
/** The full universe from the compact JSON extracts in ../shared/eve-sde. */
export function sharedUniverseData(): UniverseData {
  if (universeCache) return universeCache;
  const systems = readJson<Array<Record<string, number | string>>>('systems.json');
  universeCache = {
    regions: readJson<Array<{ id: number; name: string }>>('regions.json'),
    constellations: readJson<Array<{ id: number; name: string; regionId: number }>>('constellations.json'),
    systems: systems.map((s) => ({
      id: s.id as number,
      name: s.name as string,
      constellationId: s.constellationId as number,
      regionId: s.regionId as number,
      security: s.security as number,
      x: s.x as number,
      y: s.y as number,
      z: s.z as number,
    })),
    stargates: readJson<Array<[number, number]>>('jumps.json'),
  };
  return universeCache;
}

let catalogCache: CatalogData | undefined;
/** Types, groups and categories from the compact JSON extracts in ../shared/eve-sde. */
export function sharedCatalogData(): CatalogData {
  if (catalogCache) return catalogCache;
  const types =
    readJson<Array<{ id: number; name: string; groupId: number; published: boolean }>>('types.json');
  const groups =
    readJson<Array<{ id: number; name: string; categoryId: number; published: boolean }>>('groups.json');
  catalogCache = {
    types: types.map((t) => ({ id: t.id, name: t.name, groupId: t.groupId, published: t.published })),
    groups: groups.map((g) => ({ id: g.id, name: g.name, categoryId: g.categoryId, published: g.published })),
    categories: readJson<Array<{ id: number; name: string; published: boolean }>>('categories.json'),
  };
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
