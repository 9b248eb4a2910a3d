// Outgoing Discord messages: the alert outbox and the messages kept edited in place.
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { TrackerMatch } from '../../engine/index.ts';

/**
 * pending: waiting (maybe for a retry time); sending: claimed by a worker until lease_until;
 * sent: Discord answered with message_id; failed: gave up (channel gone or forbidden); stale: too old to post.
 */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'stale';

/** The outbox: one message to post per (channel, killmail), with the matches frozen at match time. */
export const deliveries = pgTable(
  'deliveries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    guildId: text('guild_id').notNull(),
    channelId: text('channel_id').notNull(),
    killmailId: bigint('killmail_id', { mode: 'number' }).notNull(),
    matches: jsonb('matches').$type<TrackerMatch[]>().notNull(),
    status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    messageId: text('message_id'),
    lastError: text('last_error'),
    /**
     * An earlier attempt may have reached Discord (it ended after its POST was issued, or never ended):
     * look for the alert in the channel before posting it again.
     */
    postUnconfirmed: boolean('post_unconfirmed').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('deliveries_channel_killmail_idx').on(table.channelId, table.killmailId),
    index('deliveries_pending_idx').on(table.status, table.nextAttemptAt),
    index('deliveries_channel_idx').on(table.channelId, table.id),
  ],
);

/** open: kept edited; closed: its final content is shown; failed: Discord refused it for good (last_error). */
export type LiveMessageStatus = 'open' | 'closed' | 'failed';

/**
 * Messages the bot keeps edited in place (a kill's pay-per-kill roster, a fight report), one row per
 * message: changes bump `version`, the worker renders the newest state and edits the message, at most once
 * per interval. `message_id` is null until the worker has posted it.
 */
export const liveMessages = pgTable(
  'live_messages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    ref: text('ref').notNull(),
    guildId: text('guild_id').notNull(),
    channelId: text('channel_id').notNull(),
    messageId: text('message_id'),
    status: text('status').$type<LiveMessageStatus>().notNull().default('open'),
    /** Set by close(): the next edit is the last one. */
    closing: boolean('closing').notNull().default(false),
    version: integer('version').notNull().default(1),
    renderedVersion: integer('rendered_version').notNull().default(0),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull().defaultNow(),
    lastEditedAt: timestamp('last_edited_at', { withTimezone: true }),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('live_messages_kind_ref_channel_idx').on(table.kind, table.ref, table.channelId),
    index('live_messages_due_idx').on(table.status, table.dueAt),
  ],
);
