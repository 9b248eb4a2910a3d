// Drizzle schema: every table of the bot. Migrations in ../../migrations are generated from it.
import { sql } from 'drizzle-orm';
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
import type { R2z2Document, TrackerDefinition, TrackerMatch } from '../engine/index.ts';

// ---- EVE static data (SDE) ----

export const sdeRegions = pgTable('sde_regions', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
});

export const sdeConstellations = pgTable('sde_constellations', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  regionId: integer('region_id').notNull(),
});

export const sdeSystems = pgTable(
  'sde_systems',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    constellationId: integer('constellation_id').notNull(),
    regionId: integer('region_id').notNull(),
    security: doublePrecision('security').notNull(),
    x: doublePrecision('x').notNull(),
    y: doublePrecision('y').notNull(),
    z: doublePrecision('z').notNull(),
  },
  (table) => [index('sde_systems_lower_name_idx').on(sql`lower(${table.name})`)],
);

/** One row per undirected gate link, stored with fromSystemId < toSystemId. */
export const sdeStargates = pgTable(
  'sde_stargates',
  {
    fromSystemId: integer('from_system_id').notNull(),
    toSystemId: integer('to_system_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.fromSystemId, table.toSystemId] })],
);

export const sdeTypes = pgTable(
  'sde_types',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    groupId: integer('group_id').notNull(),
    published: boolean('published').notNull(),
  },
  (table) => [
    index('sde_types_lower_name_idx').on(sql`lower(${table.name})`),
    index('sde_types_group_idx').on(table.groupId),
  ],
);

export const sdeGroups = pgTable('sde_groups', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  categoryId: integer('category_id').notNull(),
  published: boolean('published').notNull(),
});

export const sdeCategories = pgTable('sde_categories', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  published: boolean('published').notNull(),
});

/** Bookkeeping of the SDE import: a single row (id = 1). */
export const sdeImport = pgTable('sde_import', {
  id: integer('id').primaryKey(),
  buildNumber: integer('build_number').notNull(),
  releaseDate: text('release_date'),
  source: text('source').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

// ---- Trackers (issue: live pipeline; edited by the Discord commands) ----

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

// ---- Killmails, ingest cursor, deliveries ----

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

// ---- Discord guild settings ----

/** Per-guild settings: who besides Manage Server may manage trackers, and how links count. */
export const guildSettings = pgTable('guild_settings', {
  guildId: text('guild_id').primaryKey(),
  managerRoleId: text('manager_role_id'),
  /** When true, only links proven through EVE SSO count in the *_roles clauses. */
  requireVerifiedLinks: boolean('require_verified_links').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// ---- Pilots: EVE characters linked to guild members ----

/** A member's EVE character in one guild: one owner per character per guild; a member may have several. */
export const characters = pgTable(
  'characters',
  {
    guildId: text('guild_id').notNull(),
    characterId: bigint('character_id', { mode: 'number' }).notNull(),
    /** The Discord user who flies it. */
    userId: text('user_id').notNull(),
    /** Proven through EVE SSO; a self-declared link is not. */
    verified: boolean('verified').notNull().default(false),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
    /** The admin who linked or moved it for the member; null when the member linked it themselves. */
    linkedBy: text('linked_by'),
  },
  (table) => [
    primaryKey({ columns: [table.guildId, table.characterId] }),
    index('characters_guild_user_idx').on(table.guildId, table.userId),
  ],
);

/**
 * The current Discord roles of guild members who have linked characters, fed from the gateway (or REST)
 * so that every process sees them. Without a row, or once left, their characters count for nothing.
 */
export const guildMembers = pgTable(
  'guild_members',
  {
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    /** Role ids, sorted; without the guild id (Discord's @everyone role). */
    roleIds: jsonb('role_ids').$type<string[]>().notNull(),
    /** Set when the member left the guild (or Discord said they are not in it). */
    leftAt: timestamp('left_at', { withTimezone: true }),
    /** When Discord last told us about this member: the REST refresh looks up the oldest. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.guildId, table.userId] })],
);

/**
 * A single row counting changes to characters, guild members and require_verified_links; each guild's
 * row in guild_pilots_revision holds the count of its last change, so a process reloads only those guilds.
 */
export const pilotsRevision = pgTable('pilots_revision', {
  id: integer('id').primaryKey(),
  revision: bigint('revision', { mode: 'number' }).notNull(),
});

export const guildPilotsRevision = pgTable('guild_pilots_revision', {
  guildId: text('guild_id').primaryKey(),
  revision: bigint('revision', { mode: 'number' }).notNull(),
});

/** One EVE SSO login under way: whoever answers the callback links the character to this member, once. */
export const ssoStates = pgTable(
  'sso_states',
  {
    state: text('state').primaryKey(),
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [index('sso_states_expires_at_idx').on(table.expiresAt)],
);

// ---- Pay-per-kill: kills entered into a guild's program, their events, settings, audit and payouts ----

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

// ---- Tiered pings and digests ----

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

// ---- Fight reports: kills of one fight gathered into one message kept edited in place ----

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
