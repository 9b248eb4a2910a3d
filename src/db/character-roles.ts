// The character -> Discord roles view the *_roles clauses read: each linked character with its member's
// current roles, for members still in the guild; with require_verified_links, proven links only.
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { characters, guildMembers, guildSettings } from './schema.ts';

const BATCH = 1000;

/** The view of each listed guild; a guild with nothing that counts is absent. */
export async function characterRolesOf(
  db: Database,
  guildIds: readonly string[],
): Promise<Map<string, Map<number, string[]>>> {
  const byGuild = new Map<string, Map<number, string[]>>();
  for (let start = 0; start < guildIds.length; start += BATCH) {
    const rows = await db
      .select({
        guildId: characters.guildId,
        characterId: characters.characterId,
        roleIds: guildMembers.roleIds,
      })
      .from(characters)
      .innerJoin(
        guildMembers,
        and(eq(guildMembers.guildId, characters.guildId), eq(guildMembers.userId, characters.userId)),
      )
      .leftJoin(guildSettings, eq(guildSettings.guildId, characters.guildId))
      .where(
        and(
          inArray(characters.guildId, guildIds.slice(start, start + BATCH)),
          isNull(guildMembers.leftAt),
          or(
            eq(characters.verified, true),
            sql`coalesce(${guildSettings.requireVerifiedLinks}, false) = false`,
          ),
        ),
      );
    for (const row of rows) {
      let links = byGuild.get(row.guildId);
      if (!links) byGuild.set(row.guildId, (links = new Map()));
      links.set(row.characterId, row.roleIds);
    }
  }
  return byGuild;
}
