// EVE static data (SDE): regions, constellations, systems, gates, types, groups, categories and
// the import's bookkeeping.
import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

export const sdeRegions = pgTable('sde_regions', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
});

export const sdeConstellations = pgTable('sde_constellations', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  regionId: integer('region_id').notNull(),
});

export const sdeSystems = pgTable(
  'sde_systems',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    constellationId: integer('constellation_id').notNull(),
    regionId: integer('region_id').notNull(),
    security: doublePrecision('security').notNull(),
    x: doublePrecision('x').notNull(),
    y: doublePrecision('y').notNull(),
    z: doublePrecision('z').notNull(),
  },
  (table) => [index('sde_systems_lower_name_idx').on(sql`lower(${table.name})`)],
);

/** One row per undirected gate link, stored with fromSystemId < toSystemId. */
export const sdeStargates = pgTable(
  'sde_stargates',
  {
    fromSystemId: integer('from_system_id').notNull(),
    toSystemId: integer('to_system_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.fromSystemId, table.toSystemId] })],
);

export const sdeTypes = pgTable(
  'sde_types',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    groupId: integer('group_id').notNull(),
    published: boolean('published').notNull(),
  },
  (table) => [
    index('sde_types_lower_name_idx').on(sql`lower(${table.name})`),
    index('sde_types_group_idx').on(table.groupId),
  ],
);

export const sdeGroups = pgTable('sde_groups', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  categoryId: integer('category_id').notNull(),
  published: boolean('published').notNull(),
});

export const sdeCategories = pgTable('sde_categories', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  published: boolean('published').notNull(),
});

/** Bookkeeping of the SDE import: a single row (id = 1). */
export const sdeImport = pgTable('sde_import', {
  id: integer('id').primaryKey(),
  buildNumber: integer('build_number').notNull(),
  releaseDate: text('release_date'),
  source: text('source').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});
