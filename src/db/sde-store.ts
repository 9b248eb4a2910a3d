// Stores an SDE build in the sde_* tables (all or nothing) and reports what is there.
import { count, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { SdeData } from '../engine/universe/index.ts';
import type { Database } from './client.ts';
import {
  sdeCategories,
  sdeConstellations,
  sdeGroups,
  sdeImport,
  sdeRegions,
  sdeStargates,
  sdeSystems,
  sdeTypes,
} from './schema.ts';

export interface SdeStatus {
  /** The imported SDE build; null when nothing has been imported. */
  build: number | null;
  regions: number;
  constellations: number;
  systems: number;
  /** Undirected gate links (one row per pair of connected systems). */
  stargates: number;
  types: number;
  groups: number;
  categories: number;
}

/** PostgreSQL takes at most 65,535 parameters per statement; stay well under it. */
const MAX_PARAMETERS_PER_INSERT = 30_000;
const SDE_IMPORT_ROW_ID = 1;

/**
 * Replaces every SDE row with `sde` in one transaction and records the build.
 * `sde` must already be parsed and checked: a failure here rolls back to the previous data.
 * `onProgress` hears the rows stored so far after each batch (a full SDE is tens of thousands).
 */
export async function replaceSdeData(
  db: Database,
  sde: SdeData,
  source: string,
  importedAt: Date = new Date(),
  onProgress?: (rowsStored: number, rowsTotal: number) => void,
): Promise<void> {
  const { universe, catalog } = sde;
  const rowsTotal =
    universe.regions.length +
    universe.constellations.length +
    universe.systems.length +
    universe.stargates.length +
    catalog.categories.length +
    catalog.groups.length +
    catalog.types.length;
  let rowsStored = 0;
  await db.transaction(async (tx) => {
    const tables = [
      sdeStargates,
      sdeSystems,
      sdeConstellations,
      sdeRegions,
      sdeTypes,
      sdeGroups,
      sdeCategories,
    ];
    for (const table of tables) await tx.delete(table);
    const insert = async <T extends PgTable>(
      table: T,
      columns: number,
      rows: readonly T['$inferInsert'][],
    ) => {
      const batch = Math.floor(MAX_PARAMETERS_PER_INSERT / columns);
      for (let start = 0; start < rows.length; start += batch) {
        const slice = rows.slice(start, start + batch);
        await tx.insert(table).values(slice);
        rowsStored += slice.length;
        onProgress?.(rowsStored, rowsTotal);
      }
    };
    await insert(sdeRegions, 2, universe.regions);
    await insert(sdeConstellations, 3, universe.constellations);
    await insert(sdeSystems, 8, universe.systems);
    await insert(
      sdeStargates,
      2,
      universe.stargates.map(([a, b]) => ({ fromSystemId: Math.min(a, b), toSystemId: Math.max(a, b) })),
    );
    await insert(sdeCategories, 3, catalog.categories);
    await insert(sdeGroups, 4, catalog.groups);
    await insert(sdeTypes, 4, catalog.types);
    const record = { buildNumber: sde.buildNumber, releaseDate: sde.releaseDate, source, importedAt };
    await tx
      .insert(sdeImport)
      .values({ id: SDE_IMPORT_ROW_ID, ...record })
      .onConflictDoUpdate({ target: sdeImport.id, set: record });
  });
}

/** The build recorded by the last import, or null. */
export async function importedSdeBuild(db: Database): Promise<number | null> {
  const rows = await db
    .select({ build: sdeImport.buildNumber })
    .from(sdeImport)
    .where(eq(sdeImport.id, SDE_IMPORT_ROW_ID));
  return rows[0]?.build ?? null;
}

export async function sdeStatus(db: Database): Promise<SdeStatus> {
  const rowsIn = async (table: PgTable) => (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
  return {
    build: await importedSdeBuild(db),
    regions: await rowsIn(sdeRegions),
    constellations: await rowsIn(sdeConstellations),
    systems: await rowsIn(sdeSystems),
    stargates: await rowsIn(sdeStargates),
    types: await rowsIn(sdeTypes),
    groups: await rowsIn(sdeGroups),
    categories: await rowsIn(sdeCategories),
  };
}

/** True when there is nothing to build the universe or the item catalog from (start-up then imports). */
export async function isSdeEmpty(db: Database): Promise<boolean> {
  const [system] = await db.select({ id: sdeSystems.id }).from(sdeSystems).limit(1);
  const [type] = await db.select({ id: sdeTypes.id }).from(sdeTypes).limit(1);
  return system === undefined || type === undefined;
}
