// Tiered pings and digests: ping cooldowns per tracker and the digest runs of each period.
import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The last alert that pinged for a tracker with a ping cooldown: the next delivery pings only once the
 * cooldown has passed since last_ping_at (decided in one statement, so several workers agree).
 */
export const trackerPingCooldowns = pgTable('tracker_ping_cooldowns', {
  trackerId: integer('tracker_id').primaryKey(),
  lastPingAt: timestamp('last_ping_at', { withTimezone: true }).notNull(),
  /** The delivery that pinged: its retries ping again instead of being held by their own ping. */
  deliveryId: bigint('delivery_id', { mode: 'number' }).notNull(),
});

export type DigestRunStatus = 'pending' | 'sending' | 'sent' | 'failed';

/**
 * One digest of one tracker for one period: created once (unique per tracker and period end) by whichever
 * process sees it due first, then leased and posted like an outbox row, so restarts and several processes
 * never post it twice.
 */
export const digestRuns = pgTable(
  'digest_runs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    trackerId: integer('tracker_id').notNull(),
    period: text('period').$type<'daily' | 'weekly'>().notNull(),
    periodStart: timestamp('period_start', { withTimezone: true }).notNull(),
    periodEnd: timestamp('period_end', { withTimezone: true }).notNull(),
    status: text('status').$type<DigestRunStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    messageId: text('message_id'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('digest_runs_tracker_period_idx').on(table.trackerId, table.periodEnd),
    index('digest_runs_status_idx').on(table.status, table.nextAttemptAt),
  ],
);
