// Reads the imported SDE tables into the plain data the engine builds its universe and item catalog from.
import { asc } from 'drizzle-orm';
import type { CatalogData, UniverseData } from '../engine/universe/index.ts';
import type { Database } from './client.ts';
import {
  sdeCategories,
  sdeConstellations,
  sdeGroups,
  sdeRegions,
  sdeStargates,
  sdeSystems,
  sdeTypes,
} from './schema.ts';

// One snapshot for all tables, so an SDE import committing mid-read cannot mix two builds.
const SNAPSHOT = { isolationLevel: 'repeatable read', accessMode: 'read only' } as const;

/** Regions, constellations, systems and gate links, each ordered by id so the dense indexes are stable. */
export function loadUniverseData(db: Database): Promise<UniverseData> {
  return db.transaction(async (tx) => {
    const regions = await tx.select().from(sdeRegions).orderBy(asc(sdeRegions.id));
    const constellations = await tx.select().from(sdeConstellations).orderBy(asc(sdeConstellations.id));
    const systems = await tx.select().from(sdeSystems).orderBy(asc(sdeSystems.id));
    const gates = await tx
      .select()
      .from(sdeStargates)
      .orderBy(asc(sdeStargates.fromSystemId), asc(sdeStargates.toSystemId));
    return {
      regions,
      constellations,
      systems,
      stargates: gates.map((gate) => [gate.fromSystemId, gate.toSystemId] as const),
    };
  }, SNAPSHOT);
}

/** Types, groups and categories, published or not (the Capsule is unpublished). */
export function loadCatalogData(db: Database): Promise<CatalogData> {
  return db.transaction(async (tx) => {
    const types = await tx.select().from(sdeTypes).orderBy(asc(sdeTypes.id));
    const groups = await tx.select().from(sdeGroups).orderBy(asc(sdeGroups.id));
    const categories = await tx.select().from(sdeCategories).orderBy(asc(sdeCategories.id));
    return { types, groups, categories };
  }, SNAPSHOT);
}
