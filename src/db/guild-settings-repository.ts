// Per-guild settings (the optional tracker manager role, whether only proven character links count).
import { eq } from 'drizzle-orm';
import type { Database } from './client.ts';
import { bumpPilotsRevision } from './pilots-revision.ts';
import { guildSettings } from './schema.ts';

export type GuildSettingsRow = typeof guildSettings.$inferSelect;

export function createGuildSettingsRepository({ db }: { db: Database }) {
  return {
    async get(guildId: string): Promise<GuildSettingsRow | undefined> {
      const rows = await db.select().from(guildSettings).where(eq(guildSettings.guildId, guildId));
      return rows[0];
    },
    async setManagerRole(guildId: string, roleId: string | null): Promise<void> {
      await db
        .insert(guildSettings)
        .values({ guildId, managerRoleId: roleId })
        .onConflictDoUpdate({
          target: guildSettings.guildId,
          set: { managerRoleId: roleId, updatedAt: new Date() },
        });
    },
    /** With true, links not proven through EVE SSO count for nothing in the *_roles clauses. */
    async setRequireVerifiedLinks(guildId: string, required: boolean): Promise<void> {
      await db.transaction(async (tx) => {
        await tx
          .insert(guildSettings)
          .values({ guildId, requireVerifiedLinks: required })
          .onConflictDoUpdate({
            target: guildSettings.guildId,
            set: { requireVerifiedLinks: required, updatedAt: new Date() },
          });
        await bumpPilotsRevision(tx, [guildId]);
      });
    },
  };
}

export type GuildSettingsRepository = ReturnType<typeof createGuildSettingsRepository>;
