// Digest runs: one row per tracker and period end, inserted by whichever process sees the digest due
// first (the unique key makes the others' inserts no-ops), then leased (FOR UPDATE SKIP LOCKED), posted
// and marked sent, so no restart or second process posts a digest twice.
import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { DigestWindow } from '../engine/index.ts';
import type { Database } from './client.ts';
import { digestRuns } from './schema.ts';

export type DigestRunRow = typeof digestRuns.$inferSelect;

export function createDigestRunStore({ db }: { db: Database }) {
  return {
    /** Records the digest as due; false when it was already recorded (by this or another process). */
    async schedule(trackerId: number, window: DigestWindow): Promise<boolean> {
      const rows = await db
        .insert(digestRuns)
        .values({
          trackerId,
          period: window.period,
          periodStart: new Date(window.start),
          periodEnd: new Date(window.end),
        })
        .onConflictDoNothing()
        .returning({ id: digestRuns.id });
      return rows.length > 0;
    },

    /** Leases due runs: pending ones whose time has come, and those whose worker's lease ran out. */
    async claim(limit: number, leaseMs: number): Promise<DigestRunRow[]> {
      const due = db
        .select({ id: digestRuns.id })
        .from(digestRuns)
        .where(
          or(
            and(eq(digestRuns.status, 'pending'), lte(digestRuns.nextAttemptAt, sql`now()`)),
            and(eq(digestRuns.status, 'sending'), lt(digestRuns.leaseUntil, sql`now()`)),
          ),
        )
        .orderBy(asc(digestRuns.id))
        .limit(limit)
        .for('update', { skipLocked: true });
      return db
        .update(digestRuns)
        .set({
          status: 'sending',
          leaseUntil: sql`now() + ${`${leaseMs} milliseconds`}::interval`,
          attempts: sql`${digestRuns.attempts} + 1`,
        })
        .where(inArray(digestRuns.id, due))
        .returning();
    },

    async markSent(id: number, messageId: string): Promise<void> {
      await db
        .update(digestRuns)
        .set({ status: 'sent', messageId, sentAt: new Date(), leaseUntil: null, lastError: null })
        .where(eq(digestRuns.id, id));
    },

    async markFailed(id: number, reason: string): Promise<void> {
      await db
        .update(digestRuns)
        .set({ status: 'failed', leaseUntil: null, lastError: reason })
        .where(eq(digestRuns.id, id));
    },

    async retryLater(id: number, delayMs: number, reason: string): Promise<void> {
      await db
        .update(digestRuns)
        .set({
          status: 'pending',
          leaseUntil: null,
          lastError: reason,
          nextAttemptAt: sql`now() + ${`${Math.max(0, Math.round(delayMs))} milliseconds`}::interval`,
        })
        .where(eq(digestRuns.id, id));
    },

    async list(): Promise<DigestRunRow[]> {
      return db.select().from(digestRuns).orderBy(asc(digestRuns.id));
    },
  };
}

export type DigestRunStore = ReturnType<typeof createDigestRunStore>;
