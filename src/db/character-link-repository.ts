// Character -> Discord roles links per guild, for the *_roles clauses.
import { asc, eq, sql } from 'drizzle-orm';
import type { CharacterRoleLinks } from '../engine/index.ts';
import type { Database } from './client.ts';
import { characterLinks } from './schema.ts';

const BATCH = 1000;

export function createCharacterLinkRepository({ db }: { db: Database }) {
  return {
    /** Stores the links; with `replace`, the guild's other links are removed (a full sync). */
    async save(guildId: string, links: CharacterRoleLinks, replace: boolean): Promise<number> {
      const rows = [...links].map(([characterId, roleIds]) => ({
        guildId,
        characterId,
        roleIds: [...roleIds],
      }));
      await db.transaction(async (tx) => {
        if (replace) await tx.delete(characterLinks).where(eq(characterLinks.guildId, guildId));
        for (let start = 0; start < rows.length; start += BATCH) {
          await tx
            .insert(characterLinks)
            .values(rows.slice(start, start + BATCH))
            .onConflictDoUpdate({
              target: [characterLinks.guildId, characterLinks.characterId],
              set: { roleIds: sql`excluded.role_ids`, updatedAt: new Date() },
            });
        }
      });
      return rows.length;
    },

    async forGuild(guildId: string): Promise<Map<number, string[]>> {
      const rows = await db
        .select()
        .from(characterLinks)
        .where(eq(characterLinks.guildId, guildId))
        .orderBy(asc(characterLinks.characterId));
      return new Map(rows.map((row) => [row.characterId, row.roleIds]));
    },

    /** Every guild's links, for the matcher. */
    async all(): Promise<Map<string, Map<number, string[]>>> {
      const byGuild = new Map<string, Map<number, string[]>>();
      for (const row of await db.select().from(characterLinks)) {
        let links = byGuild.get(row.guildId);
        if (!links) byGuild.set(row.guildId, (links = new Map()));
        links.set(row.characterId, row.roleIds);
      }
      return byGuild;
    },
  };
}

export type CharacterLinkRepository = ReturnType<typeof createCharacterLinkRepository>;
