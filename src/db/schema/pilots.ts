// Pilots: EVE characters linked to guild members, members' roles, their revision counters, and EVE SSO
// logins under way.
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
