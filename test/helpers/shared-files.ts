// Where ../shared (real EVE data next to the repository) lives and how its SDE extracts read into the
// engine's data shapes. No test framework here: the benchmarks use it too.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CatalogData } from '../../src/engine/catalog.ts';
import type { UniverseData } from '../../src/engine/universe/types.ts';
import { REPO_ROOT } from './repo-paths.ts';

export const SHARED_DIR = resolve(REPO_ROOT, '../shared');
export const SHARED_SDE_DIR = resolve(SHARED_DIR, 'eve-sde');
export const SHARED_SDE_ZIP = resolve(SHARED_SDE_DIR, 'eve-online-static-data-1-jsonl.zip');
export const SHARED_KILLMAILS_DIR = resolve(SHARED_DIR, 'killmails');

const UNIVERSE_FILES = ['regions.json', 'constellations.json', 'systems.json', 'jumps.json'];
const CATALOG_FILES = ['types.json', 'groups.json', 'categories.json'];

/** The extract files of ../shared/eve-sde that are missing (empty when all are there). */
export function missingSdeFiles(kind: 'universe' | 'catalog'): string[] {
  const needed = kind === 'universe' ? UNIVERSE_FILES : CATALOG_FILES;
  return needed.filter((file) => !existsSync(resolve(SHARED_SDE_DIR, file)));
}

function readSdeJson<T>(file: string): T {
  return JSON.parse(readFileSync(resolve(SHARED_SDE_DIR, file), 'utf8')) as T;
}

/** The full universe from the compact JSON extracts (their records already have the engine's fields). */
export function readSharedUniverseData(): UniverseData {
  return {
    regions: readSdeJson('regions.json'),
    constellations: readSdeJson('constellations.json'),
    systems: readSdeJson('systems.json'),
    stargates: readSdeJson('jumps.json'),
  };
}

/** Types, groups and categories from the compact JSON extracts. */
export function readSharedCatalogData(): CatalogData {
  return {
    types: readSdeJson('types.json'),
    groups: readSdeJson('groups.json'),
    categories: readSdeJson('categories.json'),
  };
}
