// Trackers, edited by the Discord commands, and the revision counter matchers poll to reload them.
import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { TrackerDefinition } from '../../engine/index.ts';

/** One tracker: its definition is the engine's tracker JSON (version 1), validated before every write. */
export const trackers = pgTable(
  'trackers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    guildId: text('guild_id').notNull(),
    channelId: text('channel_id').notNull(),
    name: text('name').notNull(),
    definition: jsonb('definition').$type<TrackerDefinition>().notNull(),
    /** Set when delivery gave up on the channel (403/404): the tracker stays off until fixed. */
    disabledReason: text('disabled_reason'),
    /** The trackers_revision value of the last change: lets every process reload only what changed. */
    revision: bigint('revision', { mode: 'number' }).notNull(),
    lastMatchAt: timestamp('last_match_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('trackers_guild_name_idx').on(table.guildId, sql`lower(${table.name})`),
    index('trackers_channel_idx').on(table.channelId),
  ],
);

/**
 * A single row counting changes to trackers (inserts, updates, deletes). Matchers poll it: when it moved,
 * they reload the trackers whose revision is newer and drop the ones that are gone.
 */
export const trackersRevision = pgTable('trackers_revision', {
  id: integer('id').primaryKey(),
  revision: bigint('revision', { mode: 'number' }).notNull(),
});
