// Per-guild settings (the optional tracker manager role).
import { eq } from 'drizzle-orm';
import type { Database } from './client.ts';
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
  };
}

export type GuildSettingsRepository = ReturnType<typeof createGuildSettingsRepository>;
