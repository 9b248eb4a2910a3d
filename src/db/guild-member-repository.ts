// Current Discord roles of the guild members who fly linked characters: written from gateway events or
// REST look-ups, read by the link cache. Members without linked characters are not kept.
import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database, Transaction } from './client.ts';
import { bumpPilotsRevision } from './pilots-revision.ts';
import { characters, guildMembers } from './schema.ts';

export interface MemberRoles {
  userId: string;
  roleIds: readonly string[];
}

/** Sorted, unique, and without the guild id: Discord's @everyone role is implied for every member. */
function normalizeRoles(guildId: string, roleIds: readonly string[]): string[] {
  return [...new Set(roleIds)].filter((role) => role !== guildId).sort();
}

function sameRoles(stored: readonly string[], roleIds: readonly string[]): boolean {
  return stored.length === roleIds.length && stored.every((role, index) => role === roleIds[index]);
}

const memberKey = (guildId: string, userId: string) =>
  and(eq(guildMembers.guildId, guildId), eq(guildMembers.userId, userId));

async function isLinked(tx: Transaction, guildId: string, userId: string): Promise<boolean> {
  const rows = await tx
    .select({ userId: characters.userId })
    .from(characters)
    .where(and(eq(characters.guildId, guildId), eq(characters.userId, userId)))
    .limit(1);
  return rows.length > 0;
}

/**
 * Stores a member's roles (present in the guild) inside a transaction; true when that changed anything
 * the role clauses see (and the guild was bumped). Otherwise only updated_at moves, which tells the REST
 * refresh this member was looked at.
 */
export async function saveMemberRoles(
  tx: Transaction,
  guildId: string,
  member: MemberRoles,
): Promise<boolean> {
  const roleIds = normalizeRoles(guildId, member.roleIds);
  const [existing] = await tx
    .select()
    .from(guildMembers)
    .where(memberKey(guildId, member.userId))
    .for('update');
  if (existing && existing.leftAt === null && sameRoles(existing.roleIds, roleIds)) {
    await tx.update(guildMembers).set({ updatedAt: new Date() }).where(memberKey(guildId, member.userId));
    return false;
  }
  await tx
    .insert(guildMembers)
    .values({ guildId, userId: member.userId, roleIds })
    .onConflictDoUpdate({
      target: [guildMembers.guildId, guildMembers.userId],
      set: { roleIds, leftAt: null, updatedAt: new Date() },
    });
  await bumpPilotsRevision(tx, [guildId]);
  return true;
}

/** Forgets the roles of members (one, or all of the guild) who hold no character there any more. */
export async function forgetMembersWithoutCharacters(
  tx: Transaction,
  guildId: string,
  userId?: string,
): Promise<void> {
  await tx
    .delete(guildMembers)
    .where(
      and(
        eq(guildMembers.guildId, guildId),
        userId === undefined ? undefined : eq(guildMembers.userId, userId),
        sql`not exists (select 1 from ${characters} where ${characters.guildId} = ${guildMembers.guildId} and ${characters.userId} = ${guildMembers.userId})`,
      ),
    );
}

export function createGuildMemberRepository({ db }: { db: Database }) {
  return {
    /** Roles of one member as Discord reports them now; ignored for members without linked characters. */
    async set(guildId: string, member: MemberRoles): Promise<boolean> {
      return db.transaction(async (tx) =>
        (await isLinked(tx, guildId, member.userId)) ? saveMemberRoles(tx, guildId, member) : false,
      );
    },

    /** The member left (or Discord says they are not in the guild): their characters stop counting. */
    async markLeft(guildId: string, userId: string): Promise<boolean> {
      return db.transaction(async (tx) => {
        if (!(await isLinked(tx, guildId, userId))) return false;
        const now = new Date();
        const [existing] = await tx
          .select()
          .from(guildMembers)
          .where(memberKey(guildId, userId))
          .for('update');
        await tx
          .insert(guildMembers)
          .values({ guildId, userId, roleIds: [], leftAt: now, updatedAt: now })
          .onConflictDoUpdate({
            target: [guildMembers.guildId, guildMembers.userId],
            set: { roleIds: [], leftAt: existing?.leftAt ?? now, updatedAt: now },
          });
        const changed = existing === undefined || existing.leftAt === null;
        if (changed) await bumpPilotsRevision(tx, [guildId]);
        return changed;
      });
    },

    /** The member's current roles, or undefined when unknown or not in the guild. */
    async rolesOf(guildId: string, userId: string): Promise<string[] | undefined> {
      const rows = await db
        .select({ roleIds: guildMembers.roleIds })
        .from(guildMembers)
        .where(and(memberKey(guildId, userId), isNull(guildMembers.leftAt)));
      return rows[0]?.roleIds;
    },

    /** Users with at least one linked character in the guild. */
    async linkedUserIds(guildId: string): Promise<string[]> {
      const rows = await db
        .selectDistinct({ userId: characters.userId })
        .from(characters)
        .where(eq(characters.guildId, guildId))
        .orderBy(asc(characters.userId));
      return rows.map((row) => row.userId);
    },

    /**
     * Linked members of these guilds never looked up, or (with `olderThan`) last looked up before it,
     * oldest first: the ones a REST refresh should ask Discord about.
     */
    async stale(
      guildIds: readonly string[],
      olderThan: Date | undefined,
      limit: number,
    ): Promise<Array<{ guildId: string; userId: string }>> {
      if (guildIds.length === 0) return [];
      return db
        .selectDistinct({
          guildId: characters.guildId,
          userId: characters.userId,
          updatedAt: guildMembers.updatedAt,
        })
        .from(characters)
        .leftJoin(
          guildMembers,
          and(eq(guildMembers.guildId, characters.guildId), eq(guildMembers.userId, characters.userId)),
        )
        .where(
          and(
            inArray(characters.guildId, [...guildIds]),
            olderThan === undefined
              ? isNull(guildMembers.userId)
              : or(isNull(guildMembers.userId), lt(guildMembers.updatedAt, olderThan)),
          ),
        )
        .orderBy(
          sql`${guildMembers.updatedAt} asc nulls first`,
          asc(characters.guildId),
          asc(characters.userId),
        )
        .limit(limit)
        .then((rows) => rows.map(({ guildId, userId }) => ({ guildId, userId })));
    },
  };
}

export type GuildMemberRepository = ReturnType<typeof createGuildMemberRepository>;
