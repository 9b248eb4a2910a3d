// What one SDE build gives the bot: the universe (map) and the item catalog, plus the build it came from.
import type { CatalogData } from '../catalog.ts';
import type { UniverseData } from './types.ts';

export interface SdeData {
  buildNumber: number;
  /** As CCP writes it in `_sde.jsonl`, e.g. "2026-02-11T11:26:42Z"; null when absent. */
  releaseDate: string | null;
  universe: UniverseData;
  catalog: CatalogData;
}
