// EVE characters linked to guild members: one owner per character per guild. Every write bumps the
// pilots revision of the guild so the matchers' character -> roles view follows.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database, Transaction } from './client.ts';
import {
  forgetMembersWithoutCharacters,
  type MemberRoles,
  saveMemberRoles,
} from './guild-member-repository.ts';
import { isUniqueViolation } from './errors.ts';
import { bumpPilotsRevision } from './pilots-revision.ts';
import { characters } from './schema.ts';

export type CharacterRow = typeof characters.$inferSelect;

export interface NewLink {
  guildId: string;
  characterId: number;
  userId: string;
  verified: boolean;
  /** The admin acting for the member; null when members act for themselves. */
  linkedBy: string | null;
}

export type ClaimResult =
  { kind: 'linked' } | { kind: 'already-linked'; row: CharacterRow } | { kind: 'held'; row: CharacterRow };

const BATCH = 1000;

const characterKey = (guildId: string, characterId: number) =>
  and(eq(characters.guildId, guildId), eq(characters.characterId, characterId));

export function createCharacterRepository({ db }: { db: Database }) {
  async function inGuild(tx: Transaction, guildId: string, characterId: number) {
    const rows = await tx.select().from(characters).where(characterKey(guildId, characterId)).for('update');
    return rows[0];
  }

  async function claimOnce(link: NewLink, roles: MemberRoles | undefined): Promise<ClaimResult> {
    return db.transaction(async (tx) => {
      const existing = await inGuild(tx, link.guildId, link.characterId);
      if (existing && existing.userId !== link.userId) return { kind: 'held', row: existing };
      // Roles handed in are the freshest there are, even when the link itself is already there.
      if (roles) await saveMemberRoles(tx, link.guildId, roles);
      if (existing && (existing.verified || !link.verified)) return { kind: 'already-linked', row: existing };
      if (existing) {
        await tx
          .update(characters)
          .set({ verified: true })
          .where(characterKey(link.guildId, link.characterId));
      } else {
        await tx.insert(characters).values(link);
      }
      await bumpPilotsRevision(tx, [link.guildId]);
      return existing ? { kind: 'already-linked', row: { ...existing, verified: true } } : { kind: 'linked' };
    });
  }

  return {
    async get(guildId: string, characterId: number): Promise<CharacterRow | undefined> {
      const rows = await db.select().from(characters).where(characterKey(guildId, characterId));
      return rows[0];
    },

    async forMember(guildId: string, userId: string): Promise<CharacterRow[]> {
      return db
        .select()
        .from(characters)
        .where(and(eq(characters.guildId, guildId), eq(characters.userId, userId)))
        .orderBy(asc(characters.linkedAt), asc(characters.characterId));
    },

    async forGuild(guildId: string): Promise<CharacterRow[]> {
      return db
        .select()
        .from(characters)
        .where(eq(characters.guildId, guildId))
        .orderBy(asc(characters.userId), asc(characters.linkedAt), asc(characters.characterId));
    },

    async countForMember(guildId: string, userId: string): Promise<number> {
      const rows = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(characters)
        .where(and(eq(characters.guildId, guildId), eq(characters.userId, userId)));
      return rows[0]?.count ?? 0;
    },

    /**
     * Links a character nobody in the guild holds. Held by the same member: upgraded to verified when
     * this link is; held by another member: refused (the caller decides whether to move it).
     * `roles`, when the caller knows the member's current roles, are stored in the same transaction.
     */
    async claim(link: NewLink, roles?: MemberRoles): Promise<ClaimResult> {
      try {
        return await claimOnce(link, roles);
      } catch (error) {
        // Two members claimed the same free character at once: the loser sees the winner's row.
        if (!isUniqueViolation(error)) throw error;
        return claimOnce(link, roles);
      }
    },

    /**
     * Gives the character to `link.userId` whoever held it, unless `onlyFrom` says otherwise; resolves
     * with the previous row (undefined when nobody held it), or 'refused' when `onlyFrom` refused it.
     */
    async move(
      link: NewLink,
      options: { roles?: MemberRoles; onlyFrom?: (row: CharacterRow) => boolean } = {},
    ): Promise<CharacterRow | undefined | 'refused'> {
      return db.transaction(async (tx) => {
        const existing = await inGuild(tx, link.guildId, link.characterId);
        if (existing && options.onlyFrom && !options.onlyFrom(existing)) return 'refused';
        await tx
          .insert(characters)
          .values(link)
          .onConflictDoUpdate({
            target: [characters.guildId, characters.characterId],
            set: {
              userId: link.userId,
              verified: link.verified,
              linkedBy: link.linkedBy,
              linkedAt: new Date(),
            },
          });
        if (existing && existing.userId !== link.userId) {
          await forgetMembersWithoutCharacters(tx, link.guildId, existing.userId);
        }
        if (options.roles) await saveMemberRoles(tx, link.guildId, options.roles);
        await bumpPilotsRevision(tx, [link.guildId]);
        return existing;
      });
    },

    /** Unlinks the member's character; false when that member does not hold it. */
    async remove(guildId: string, characterId: number, userId: string): Promise<boolean> {
      return db.transaction(async (tx) => {
        const rows = await tx
          .delete(characters)
          .where(and(characterKey(guildId, characterId), eq(characters.userId, userId)))
          .returning({ characterId: characters.characterId });
        if (rows.length === 0) return false;
        await forgetMembersWithoutCharacters(tx, guildId, userId);
        await bumpPilotsRevision(tx, [guildId]);
        return true;
      });
    },

    /** Stores many links of one guild at once (an import): each character goes to the member listed. */
    async importLinks(
      guildId: string,
      links: ReadonlyArray<{ userId: string; characterId: number; verified: boolean }>,
    ): Promise<number> {
      if (links.length === 0) return 0;
      await db.transaction(async (tx) => {
        for (let start = 0; start < links.length; start += BATCH) {
          await tx
            .insert(characters)
            .values(links.slice(start, start + BATCH).map((link) => ({ ...link, guildId, linkedBy: null })))
            .onConflictDoUpdate({
              target: [characters.guildId, characters.characterId],
              set: {
                userId: sql`excluded.user_id`,
                verified: sql`excluded.verified`,
                linkedBy: null,
                linkedAt: sql`excluded.linked_at`,
              },
            });
        }
        await forgetMembersWithoutCharacters(tx, guildId);
        await bumpPilotsRevision(tx, [guildId]);
      });
      return links.length;
    },
  };
}

export type CharacterRepository = ReturnType<typeof createCharacterRepository>;
