// Pay-per-kill: kills entered into a guild's program, their events, settings, audit and payouts.
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * A kill in one guild's PPK program, with the killmail facts its money and roster need (kept here because
 * stored killmails are purged after KILLMAIL_RETENTION_DAYS).
 */
export const ppkKills = pgTable(
  'ppk_kills',
  {
    guildId: text('guild_id').notNull(),
    killmailId: bigint('killmail_id', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
    killmailTime: timestamp('killmail_time', { withTimezone: true }).notNull(),
    solarSystemId: integer('solar_system_id').notNull(),
    /** { characterId?, corporationId?, allianceId?, shipTypeId } */
    victim: jsonb('victim').$type<PpkVictimFacts>().notNull(),
    /** Attackers with a character, in killmail order. */
    attackers: jsonb('attackers').$type<PpkAttackerFacts[]>().notNull(),
    /** zKillboard's totalValue; null when the killmail came without it (fetched from ESI). */
    zkbValue: doublePrecision('zkb_value'),
    npc: boolean('npc').notNull().default(false),
    awox: boolean('awox').notNull().default(false),
    valueOverride: doublePrecision('value_override'),
    excludedReason: text('excluded_reason'),
    excludedBy: text('excluded_by'),
    excludedAt: timestamp('excluded_at', { withTimezone: true }),
    channelId: text('channel_id').notNull(),
    messageId: text('message_id'),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.guildId, table.killmailId] }),
    index('ppk_kills_guild_time_idx').on(table.guildId, table.killmailTime),
  ],
);

export interface PpkVictimFacts {
  characterId?: number;
  corporationId?: number;
  allianceId?: number;
  shipTypeId: number;
}

export interface PpkAttackerFacts {
  characterId: number;
  corporationId?: number;
  damageDone: number;
  finalBlow: boolean;
}

/**
 * One event per (guild, killmail, character, type). `booked_at` places it in a payout period: the killmail
 * time, or for a late claim on a paid period the start of the next unpaid one. Once its period is paid,
 * `payout_id`, `paid_shares`, `paid_isk` and `paid_status` freeze what was paid.
 */
export const ppkEvents = pgTable(
  'ppk_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    guildId: text('guild_id').notNull(),
    killmailId: bigint('killmail_id', { mode: 'number' }).notNull(),
    characterId: bigint('character_id', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    /** The member the character was linked to when recorded; null for an admin's pick of an unlinked one. */
    userId: text('user_id'),
    corporationId: bigint('corporation_id', { mode: 'number' }),
    /** derived | claim | admin */
    source: text('source').notNull(),
    /** Who pressed the button or ran the admin command; null for derived events. */
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    bookedAt: timestamp('booked_at', { withTimezone: true }).notNull(),
    payoutId: integer('payout_id'),
    paidShares: integer('paid_shares'),
    paidIsk: bigint('paid_isk', { mode: 'number' }),
    /** paid | excluded: what the payout recorded for it. */
    paidStatus: text('paid_status'),
  },
  (table) => [
    uniqueIndex('ppk_events_unique_idx').on(table.guildId, table.killmailId, table.characterId, table.type),
    index('ppk_events_guild_booked_idx').on(table.guildId, table.bookedAt),
  ],
);

/** Per-guild payout rules; no row = the defaults. */
export const ppkSettings = pgTable('ppk_settings', {
  guildId: text('guild_id').primaryKey(),
  shares: jsonb('shares').$type<Record<string, number>>().notNull(),
  /** percent | fixed */
  poolKind: text('pool_kind').notNull().default('percent'),
  percent: doublePrecision('percent').notNull().default(10),
  capIsk: bigint('cap_isk', { mode: 'number' }),
  iskPerShare: bigint('isk_per_share', { mode: 'number' }),
  claimWindowDays: integer('claim_window_days').notNull().default(7),
  managerRoleId: text('manager_role_id'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Every admin change to the program: who, when, why and what. */
export const ppkAudit = pgTable(
  'ppk_audit',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    guildId: text('guild_id').notNull(),
    killmailId: bigint('killmail_id', { mode: 'number' }),
    actorUserId: text('actor_user_id').notNull(),
    action: text('action').notNull(),
    reason: text('reason'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('ppk_audit_guild_kill_idx').on(table.guildId, table.killmailId, table.id)],
);

/** A period marked paid: [starts_at, ends_at) in UTC. */
export const ppkPayouts = pgTable(
  'ppk_payouts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    guildId: text('guild_id').notNull(),
    period: text('period').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
    paidBy: text('paid_by').notNull(),
  },
  (table) => [uniqueIndex('ppk_payouts_guild_period_idx').on(table.guildId, table.period)],
);
