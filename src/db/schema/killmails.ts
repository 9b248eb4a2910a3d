// Killmails as received from R2Z2, the poller's cursor, documents set aside as dead letters, and the
// ESI names cache.
import { sql } from 'drizzle-orm';
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
import type { R2z2Document } from '../../engine/index.ts';

/** Received killmails (the R2Z2 document as received), kept KILLMAIL_RETENTION_DAYS for previews. */
export const killmails = pgTable(
  'killmails',
  {
    id: bigint('id', { mode: 'number' }).primaryKey(),
    hash: text('hash').notNull(),
    killTime: timestamp('kill_time', { withTimezone: true }).notNull(),
    solarSystemId: integer('solar_system_id').notNull(),
    sequence: bigint('sequence', { mode: 'number' }),
    document: jsonb('document').$type<R2z2Document>().notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('killmails_kill_time_idx').on(table.killTime),
    index('killmails_received_at_idx').on(table.receivedAt),
  ],
);

/** Where the R2Z2 poller is: a single row (id = 1), advanced in the same transaction as the killmail. */
export const ingestCursor = pgTable('ingest_cursor', {
  id: integer('id').primaryKey(),
  sequence: bigint('sequence', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * R2Z2 documents whose store failed the same deterministic way several times in a row: set aside so the
 * feed moves on, for an operator to look at and retry (`killtracker deadletter list|retry`).
 */
export const deadLetters = pgTable(
  'dead_letters',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sequence: bigint('sequence', { mode: 'number' }).notNull(),
    killmailId: bigint('killmail_id', { mode: 'number' }),
    /** True for a republished file (it replaces a stored killmail and never moves the cursor). */
    republished: boolean('republished').notNull().default(false),
    /** The document as received, as JSON text: jsonb would refuse exactly what may have failed. */
    document: text('document').notNull(),
    /** The error's message only (never a query's parameters). */
    error: text('error').notNull(),
    attempts: integer('attempts').notNull(),
    firstFailedAt: timestamp('first_failed_at', { withTimezone: true }).notNull(),
    lastFailedAt: timestamp('last_failed_at', { withTimezone: true }).notNull(),
  },
  (table) => [uniqueIndex('dead_letters_sequence_republished_idx').on(table.sequence, table.republished)],
);

/** ESI names of characters, corporations, alliances and factions (also names seen for autocomplete). */
export const entityNames = pgTable(
  'entity_names',
  {
    id: bigint('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Last time an alert asked for it (kept to the day): names nobody asked for in 30 days are purged. */
    usedAt: timestamp('used_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('entity_names_category_lower_name_idx').on(table.category, sql`lower(${table.name})`),
    index('entity_names_used_at_idx').on(table.usedAt),
  ],
);
