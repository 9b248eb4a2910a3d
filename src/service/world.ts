// The EVE world the matcher and the alerts need: the universe model and the item catalog, from the SDE tables.
import type { Database } from '../db/client.ts';
import { loadCatalogData, loadUniverseData } from '../db/universe-repository.ts';
import { ItemCatalog } from '../engine/catalog.ts';
import type { Universe } from '../engine/universe/types.ts';
import { createUniverse } from '../engine/universe/universe.ts';

export interface World {
  universe: Universe;
  catalog: ItemCatalog;
}

export async function loadWorld(db: Database): Promise<World> {
  const [universeData, catalogData] = await Promise.all([loadUniverseData(db), loadCatalogData(db)]);
  return { universe: createUniverse(universeData), catalog: new ItemCatalog(catalogData) };
}
