// The outbox of alerts: workers lease deliveries (FOR UPDATE SKIP LOCKED), one at a time per channel so
// a channel's alerts keep their order, while different channels proceed in parallel.
import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { type DeliveryStatus, deliveries } from './schema.ts';

export type DeliveryRow = typeof deliveries.$inferSelect;

/** NOTIFY channel raised when deliveries are committed: workers in other processes wake at once. */
export const OUTBOX_NOTIFY_CHANNEL = 'killtracker_outbox';

export function createDeliveryStore({ db }: { db: Database }) {
  return {
    /**
     * Leases up to `limit` deliveries that are due: the oldest unfinished one of each channel only.
     * A lease that expired (its worker died) makes the delivery claimable again, flagged as possibly
     * posted already: its worker may have died after Discord took the message.
     */
    async claim(limit: number, leaseMs: number): Promise<DeliveryRow[]> {
      const due = db
        .select({ id: deliveries.id })
        .from(deliveries)
        .where(
          and(
            or(
              and(eq(deliveries.status, 'pending'), lte(deliveries.nextAttemptAt, sql`now()`)),
              and(eq(deliveries.status, 'sending'), lt(deliveries.leaseUntil, sql`now()`)),
            ),
            sql`not exists (select 1 from deliveries earlier where earlier.channel_id = ${deliveries.channelId}
              and earlier.id < ${deliveries.id} and earlier.status in ('pending', 'sending'))`,
          ),
        )
        .orderBy(asc(deliveries.id))
        .limit(limit)
        .for('update', { skipLocked: true });
      const rows = await db
        .update(deliveries)
        .set({
          status: 'sending',
          leaseUntil: sql`now() + ${`${leaseMs} milliseconds`}::interval`,
          attempts: sql`${deliveries.attempts} + 1`,
          postUnconfirmed: sql`${deliveries.postUnconfirmed} or ${deliveries.status} = 'sending'`,
        })
        .where(inArray(deliveries.id, due))
        .returning();
      return rows.sort((a, b) => a.id - b.id);
    },

    async markSent(id: number, messageId: string): Promise<void> {
      await finish(db, id, 'sent', { messageId, sentAt: new Date(), lastError: null });
    },

    async markStale(id: number, reason: string): Promise<void> {
      await finish(db, id, 'stale', { lastError: reason });
    },

    async markFailed(id: number, reason: string): Promise<void> {
      await finish(db, id, 'failed', { lastError: reason });
    },

    /**
     * Gives the delivery back for another try after `delayMs`. `mayHaveLanded`: the failed attempt's
     * POST may have created the message anyway, so the next attempt looks for it first.
     */
    async retryLater(id: number, delayMs: number, error: string, mayHaveLanded = false): Promise<void> {
      await db
        .update(deliveries)
        .set({
          status: 'pending',
          leaseUntil: null,
          lastError: error,
          postUnconfirmed: mayHaveLanded,
          nextAttemptAt: sql`now() + ${`${Math.max(0, Math.round(delayMs))} milliseconds`}::interval`,
        })
        .where(eq(deliveries.id, id));
    },

    /** The channel is gone or forbidden: every unfinished delivery to it fails with the reason. */
    async failChannel(channelId: string, reason: string): Promise<number> {
      const rows = await db
        .update(deliveries)
        .set({ status: 'failed', leaseUntil: null, lastError: reason })
        .where(and(eq(deliveries.channelId, channelId), inArray(deliveries.status, ['pending', 'sending'])))
        .returning({ id: deliveries.id });
      return rows.length;
    },

    /** Deliveries not finished yet (waiting, retrying or being sent): cheap, through the status index. */
    async countUnfinished(): Promise<number> {
      const rows = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(deliveries)
        .where(inArray(deliveries.status, ['pending', 'sending']));
      return Number(rows[0]?.n ?? 0);
    },

    async countByStatus(): Promise<Record<DeliveryStatus, number>> {
      const rows = await db
        .select({ status: deliveries.status, n: sql<number>`count(*)::int` })
        .from(deliveries)
        .groupBy(deliveries.status);
      const counts: Record<DeliveryStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0, stale: 0 };
      for (const row of rows) counts[row.status] = Number(row.n);
      return counts;
    },

    async list(filter: { channelId?: string; killmailId?: number } = {}): Promise<DeliveryRow[]> {
      return db
        .select()
        .from(deliveries)
        .where(
          and(
            filter.channelId === undefined ? undefined : eq(deliveries.channelId, filter.channelId),
            filter.killmailId === undefined ? undefined : eq(deliveries.killmailId, filter.killmailId),
          ),
        )
        .orderBy(asc(deliveries.id));
    },
  };
}

async function finish(
  db: Database,
  id: number,
  status: DeliveryStatus,
  fields: Partial<Pick<DeliveryRow, 'messageId' | 'sentAt' | 'lastError'>>,
): Promise<void> {
  await db
    .update(deliveries)
    .set({ status, leaseUntil: null, ...fields })
    .where(eq(deliveries.id, id));
}

export type DeliveryStore = ReturnType<typeof createDeliveryStore>;
