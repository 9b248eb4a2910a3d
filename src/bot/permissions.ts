// Who may manage trackers: members with Manage Server, or with the guild's manager role.

import type { Interaction } from 'discord.js';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { GuildSettingsRepository } from '../db/guild-settings-repository.ts';

const MANAGE_TRACKERS_PERMISSION = PermissionFlagsBits.ManageGuild;

function memberRoleIds(interaction: Interaction): string[] {
  const member = interaction.member;
  if (!member) return [];
  const roles = member.roles;
  return Array.isArray(roles) ? roles : [...roles.cache.keys()];
}

export async function canManageTrackers(
  interaction: Interaction,
  settings: GuildSettingsRepository,
): Promise<boolean> {
  if (!interaction.guildId) return false;
  if (interaction.memberPermissions?.has(MANAGE_TRACKERS_PERMISSION)) return true;
  const managerRoleId = (await settings.get(interaction.guildId))?.managerRoleId;
  return (
    managerRoleId !== null &&
    managerRoleId !== undefined &&
    memberRoleIds(interaction).includes(managerRoleId)
  );
}
