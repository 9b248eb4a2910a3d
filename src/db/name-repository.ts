// ESI names kept in the database: the cache the name resolver reads first, and the source of name
// autocomplete (alliances, corporations, characters and factions seen on killmails).
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { EsiName, ResolvedName } from '../engine/index.ts';
import type { Database } from './client.ts';
import { entityNames } from './schema.ts';

/** Where resolved names are kept between alerts (this table in production, a Map in tests). */
export interface NameCache {
  get(ids: readonly number[]): Promise<Map<number, ResolvedName>>;
  put(entries: readonly EsiName[]): Promise<void>;
}

const BATCH = 1000;
/** "Last used" is kept to the day: one write per name per day at most, not one per alert. */
const USE_RESOLUTION_MS = 24 * 60 * 60_000;

export function createNameRepository({ db }: { db: Database }): NameCache & {
  search(category: string, text: string, limit: number): Promise<EsiName[]>;
  purgeUnusedSince(cutoff: Date): Promise<number>;
} {
  return {
    async get(ids) {
      const found = new Map<number, ResolvedName>();
      const unique = [...new Set(ids)];
      const stale: number[] = [];
      const dayAgo = Date.now() - USE_RESOLUTION_MS;
      for (let start = 0; start < unique.length; start += BATCH) {
        const rows = await db
          .select()
          .from(entityNames)
          .where(inArray(entityNames.id, unique.slice(start, start + BATCH)));
        for (const row of rows) {
          found.set(row.id, { name: row.name, category: row.category });
          if (row.usedAt.getTime() < dayAgo) stale.push(row.id);
        }
      }
      for (let start = 0; start < stale.length; start += BATCH) {
        await db
          .update(entityNames)
          .set({ usedAt: new Date() })
          .where(inArray(entityNames.id, stale.slice(start, start + BATCH)));
      }
      return found;
    },

    /** Names no alert asked for since `cutoff` (ESI answers again if one is needed later). */
    async purgeUnusedSince(cutoff) {
      const rows = await db
        .delete(entityNames)
        .where(lt(entityNames.usedAt, cutoff))
        .returning({ id: entityNames.id });
      return rows.length;
    },

    async put(entries) {
      const unique = [...new Map(entries.map((entry) => [entry.id, entry])).values()];
      for (let start = 0; start < unique.length; start += BATCH) {
        await db
          .insert(entityNames)
          .values(
            unique.slice(start, start + BATCH).map(({ id, name, category }) => ({ id, name, category })),
          )
          .onConflictDoUpdate({
            target: entityNames.id,
            set: {
              name: sql`excluded.name`,
              category: sql`excluded.category`,
              updatedAt: new Date(),
              usedAt: new Date(),
            },
          });
      }
    },

    /** Names of one category starting with the text first, then containing it. */
    async search(category, text, limit) {
      const needle = text.trim().toLowerCase();
      const escaped = needle.replace(/[\\%_]/g, (char) => `\\${char}`);
      const rows = await db
        .select()
        .from(entityNames)
        .where(
          and(eq(entityNames.category, category), sql`lower(${entityNames.name}) like ${`%${escaped}%`}`),
        )
        .orderBy(
          sql`lower(${entityNames.name}) like ${`${escaped}%`} desc`,
          asc(sql`length(${entityNames.name})`),
        )
        .limit(limit);
      return rows.map((row) => ({ id: row.id, name: row.name, category: row.category }));
    },
  };
}

export type NameRepository = ReturnType<typeof createNameRepository>;
