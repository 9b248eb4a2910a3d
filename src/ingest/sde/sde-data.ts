// What one SDE build gives the bot: the universe (map) and the item catalog, plus the build it came from.
import type { CatalogData } from '../../engine/catalog.ts';
import type { UniverseData } from '../../engine/universe/types.ts';

export interface SdeData {
  buildNumber: number;
  /** As CCP writes it in `_sde.jsonl`, e.g. "2026-02-11T11:26:42Z"; null when absent. */
  releaseDate: string | null;
  universe: UniverseData;
  catalog: CatalogData;
}

/** The JSONL files (without `.jsonl`) the bot reads; every other file in the SDE is ignored. */
export const SDE_FILES = [
  '_sde',
  'mapRegions',
  'mapConstellations',
  'mapSolarSystems',
  'mapStargates',
  'types',
  'groups',
  'categories',
] as const;

export type SdeFileName = (typeof SDE_FILES)[number];

export function sdeFileOf(fileName: string): SdeFileName | undefined {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  if (!base.endsWith('.jsonl')) return undefined;
  const stem = base.slice(0, -'.jsonl'.length);
  return (SDE_FILES as readonly string[]).includes(stem) ? (stem as SdeFileName) : undefined;
}
