// The EVE world the matcher and the alerts need: the universe model and the item catalog, from the SDE
// tables. A holder lets every process switch to a newly imported SDE build without a restart.
import type { Database } from '../db/client.ts';
import { importedSdeBuild } from '../db/sde-store.ts';
import { loadCatalogData, loadUniverseData } from '../db/universe-repository.ts';
import {
  type CatalogData,
  createUniverse,
  ItemCatalog,
  type Universe,
  type UniverseData,
} from '../engine/universe/index.ts';

export interface World {
  universe: Universe;
  catalog: ItemCatalog;
}

/** The world of SDE data (from the tables or straight from an SDE zip or folder). */
export function buildWorld(sde: { universe: UniverseData; catalog: CatalogData }): World {
  return { universe: createUniverse(sde.universe), catalog: new ItemCatalog(sde.catalog) };
}

export async function loadWorld(db: Database): Promise<World> {
  const [universe, catalog] = await Promise.all([loadUniverseData(db), loadCatalogData(db)]);
  return buildWorld({ universe, catalog });
}

export interface WorldHolder {
  current(): World;
  /** The SDE build the current world was loaded from. */
  build(): number | null;
  /** Loads the world again when another build was imported since; resolves true when it did. */
  reloadIfChanged(): Promise<boolean>;
}

export async function createWorldHolder(db: Database): Promise<WorldHolder> {
  let build = await importedSdeBuild(db);
  let world = await loadWorld(db);
  return {
    current: () => world,
    build: () => build,
    async reloadIfChanged() {
      const latest = await importedSdeBuild(db);
      if (latest === build) return false;
      world = await loadWorld(db);
      build = latest;
      return true;
    },
  };
}

/** A holder over a fixed world (tests, replay). */
export function fixedWorld(world: World): WorldHolder {
  return { current: () => world, build: () => null, reloadIfChanged: async () => false };
}
