// EVE SSO logins under way, in the database so that whichever process serves the callback finds them.
// A state is used at most once.
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Database } from './client.ts';
import { ssoStates } from './schema.ts';

export type SsoStateRow = typeof ssoStates.$inferSelect;

export type ConsumedState =
  { kind: 'unknown' } | { kind: 'replayed'; row: SsoStateRow } | { kind: 'fresh'; row: SsoStateRow };

/** Used and expired states are kept this long (for "already used" answers), then purged. */
const KEEP_MS = 24 * 60 * 60_000;

export function createSsoStateRepository({ db }: { db: Database }) {
  return {
    async create(input: { state: string; guildId: string; userId: string; now: Date; expiresAt: Date }) {
      await db.delete(ssoStates).where(lt(ssoStates.expiresAt, new Date(input.now.getTime() - KEEP_MS)));
      await db.insert(ssoStates).values({
        state: input.state,
        guildId: input.guildId,
        userId: input.userId,
        createdAt: input.now,
        expiresAt: input.expiresAt,
      });
    },

    /** Marks the state used; only the first caller gets it 'fresh' (expiry is the caller's check). */
    async consume(state: string, now: Date): Promise<ConsumedState> {
      const used = await db
        .update(ssoStates)
        .set({ usedAt: now })
        .where(and(eq(ssoStates.state, state), isNull(ssoStates.usedAt)))
        .returning();
      if (used[0]) return { kind: 'fresh', row: used[0] };
      const rows = await db.select().from(ssoStates).where(eq(ssoStates.state, state));
      return rows[0] ? { kind: 'replayed', row: rows[0] } : { kind: 'unknown' };
    },
  };
}

export type SsoStateRepository = ReturnType<typeof createSsoStateRepository>;
