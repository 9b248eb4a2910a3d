// Per-guild settings of the tracker commands.
import { boolean, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Per-guild settings: who besides Manage Server may manage trackers, and how links count. */
export const guildSettings = pgTable('guild_settings', {
  guildId: text('guild_id').primaryKey(),
  managerRoleId: text('manager_role_id'),
  /** When true, only links proven through EVE SSO count in the *_roles clauses. */
  requireVerifiedLinks: boolean('require_verified_links').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
