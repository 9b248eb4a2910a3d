// Permissions in a channel as Discord computes them for interactions: the guild-level permissions, then the
// channel's overwrites for @everyone, the member's roles and the member, with Administrator and the owner
// allowed everything. Interactions carry them for the member (`member.permissions`, resolved channels'
// `permissions`) and for the bot (`app_permissions`).
import { type GatewayGuildCreateDispatchData, PermissionFlagsBits } from 'discord-api-types/v10';
import { ALL_PERMISSIONS } from './entities.ts';

interface Who {
  userId: string;
  roles: readonly string[];
  /** Guild-level permissions (all roles together), as a bitfield string. */
  base: string;
}

/** `who`'s permissions in the channel, as a bitfield string. */
export function permissionsIn(
  guild: GatewayGuildCreateDispatchData | undefined,
  channelId: string,
  who: Who,
): string {
  let bits = BigInt(who.base);
  if (!guild) return who.base;
  if (who.userId === guild.owner_id || (bits & PermissionFlagsBits.Administrator) !== 0n)
    return ALL_PERMISSIONS;
  const channel = guild.channels.find((candidate) => candidate.id === channelId);
  const overwrites =
    channel && 'permission_overwrites' in channel ? (channel.permission_overwrites ?? []) : [];
  const apply = (matching: typeof overwrites) => {
    const deny = matching.reduce((all, overwrite) => all | BigInt(overwrite.deny), 0n);
    const allow = matching.reduce((all, overwrite) => all | BigInt(overwrite.allow), 0n);
    bits = (bits & ~deny) | allow;
  };
  apply(overwrites.filter((overwrite) => overwrite.id === guild.id));
  apply(overwrites.filter((overwrite) => overwrite.id !== guild.id && who.roles.includes(overwrite.id)));
  apply(overwrites.filter((overwrite) => overwrite.id === who.userId));
  return String(bits);
}

/** The bot's guild-level permissions: @everyone's and its managed role's. */
export function botBase(guild: GatewayGuildCreateDispatchData | undefined, botId: string): Who {
  const member = guild?.members.find((candidate) => candidate.user.id === botId);
  const roles = member?.roles ?? [];
  const bits = (guild?.roles ?? [])
    .filter((role) => role.id === guild?.id || roles.includes(role.id))
    .reduce((all, role) => all | BigInt(role.permissions), 0n);
  return { userId: botId, roles, base: String(bits) };
}
