// Fight reports: kills of one fight gathered into one message kept edited in place.
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/**
 * A fight found by a tracker with fight reports on: kills in the same or gate-adjacent systems close in
 * time (see src/engine/fight/cluster.ts). Open until nothing joined it for the quiet time.
 */
export const fights = pgTable(
  'fights',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    trackerId: integer('tracker_id').notNull(),
    guildId: text('guild_id').notNull(),
    channelId: text('channel_id').notNull(),
    /** Kill time of its first and last kill. */
    firstKillAt: timestamp('first_kill_at', { withTimezone: true }).notNull(),
    lastKillAt: timestamp('last_kill_at', { withTimezone: true }).notNull(),
    /** Systems of its kills, in the order they were first seen. */
    systemIds: jsonb('system_ids').$type<number[]>().notNull(),
    /** When the last kill joined it (wall clock): the quiet time counts from here. */
    lastJoinedAt: timestamp('last_joined_at', { withTimezone: true }).notNull(),
    /** True once a second kill joined and its report message was opened in the live-message outbox. */
    reportOpened: boolean('report_opened').notNull().default(false),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('fights_tracker_open_idx').on(table.trackerId, table.closedAt),
    index('fights_open_joined_idx').on(table.closedAt, table.lastJoinedAt),
  ],
);

/** The kills of each fight (the killmails themselves are in `killmails`). */
export const fightKills = pgTable(
  'fight_kills',
  {
    fightId: bigint('fight_id', { mode: 'number' }).notNull(),
    killmailId: bigint('killmail_id', { mode: 'number' }).notNull(),
    killTime: timestamp('kill_time', { withTimezone: true }).notNull(),
    solarSystemId: integer('solar_system_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.fightId, table.killmailId] }),
    index('fight_kills_killmail_idx').on(table.killmailId),
  ],
);
