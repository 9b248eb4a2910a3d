// Who may do what in a guild: tracker managers (Manage Server, or the guild's manager role set with
// /killtracker settings manager-role), pay-per-kill managers (those, or the PPK manager role set with
// /ppk settings manager-role) and plain members. The router checks a handler's Access before it runs;
// handlers that act for another member call isTrackerManager themselves.
import type { Interaction } from 'discord.js';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { GuildSettingsRepository } from '../db/guild-settings-repository.ts';
import type { PpkOperations } from '../ppk/operations.ts';
import type { Access } from './contract.ts';

/** What access checks read: the guild's settings and its pay-per-kill settings. */
export interface AccessRights {
  guildSettings: GuildSettingsRepository;
  ppk: Pick<PpkOperations, 'getSettings'>;
}

const MANAGE_TRACKERS_PERMISSION = PermissionFlagsBits.ManageGuild;

function memberRoleIds(interaction: Interaction): string[] {
  const member = interaction.member;
  if (!member) return [];
  const roles = member.roles;
  return Array.isArray(roles) ? roles : [...roles.cache.keys()];
}

export async function isTrackerManager(
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

/** Tracker managers, and members holding the PPK manager role, administer the pay-per-kill program. */
export async function isPpkManager(interaction: Interaction, rights: AccessRights): Promise<boolean> {
  if (!interaction.guildId) return false;
  if (await isTrackerManager(interaction, rights.guildSettings)) return true;
  const { managerRoleId } = await rights.ppk.getSettings(interaction.guildId);
  return managerRoleId !== null && memberRoleIds(interaction).includes(managerRoleId);
}

/** Whether the interaction's member has `access` in its guild. */
export async function hasAccess(
  interaction: Interaction,
  access: Access,
  rights: AccessRights,
): Promise<boolean> {
  if (!interaction.inGuild()) return false;
  switch (access) {
    case 'member':
      return true;
    case 'manager':
      return isTrackerManager(interaction, rights.guildSettings);
    case 'ppk-manager':
      return isPpkManager(interaction, rights);
  }
}
