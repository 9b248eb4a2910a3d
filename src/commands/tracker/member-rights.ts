// The acting member's rights in a channel, read from what Discord computed for them: a channel option's
// resolved permissions, the interaction's own channel, else discord.js's cache of the guild (roles,
// overwrites). Administrators may do everything everywhere; what cannot be known is not allowed.
import {
  type BaseInteraction,
  GuildMember,
  PermissionFlagsBits,
  PermissionsBitField,
  type Role,
} from 'discord.js';
import type { APIInteractionDataResolvedChannel, APIRole } from 'discord-api-types/v10';
import type { ChannelRights, MemberRights } from '../../tracker-ops/member-rights.ts';

type GuildInteraction = BaseInteraction<'cached' | 'raw'>;

/** A channel as a channel option gives it: discord.js's channel, or the raw resolved one. */
interface GivenChannel {
  id: string;
  permissions: Readonly<PermissionsBitField> | APIInteractionDataResolvedChannel['permissions'] | null;
}

function memberPermissionsIn(
  interaction: GuildInteraction,
  channelId: string,
  given: ReadonlyMap<string, GivenChannel>,
): Readonly<PermissionsBitField> | undefined {
  const own = interaction.memberPermissions;
  // Administrator (or the owner, whom Discord gives it) overrides every channel overwrite.
  if (own?.has(PermissionFlagsBits.Administrator)) return new PermissionsBitField(PermissionsBitField.All);
  const resolved = given.get(channelId)?.permissions;
  if (resolved !== undefined && resolved !== null) {
    return typeof resolved === 'string' ? new PermissionsBitField(BigInt(resolved)) : resolved;
  }
  if (channelId === interaction.channelId && own) return own;
  const channel = interaction.guild?.channels.cache.get(channelId);
  const member = interaction.member;
  if (channel && member instanceof GuildMember) return member.permissionsIn(channel);
  return undefined;
}

/** A role as Discord last described it to the bot: from this interaction, else the guild's cache. */
function roleOf(interaction: GuildInteraction, roleId: string): Role | APIRole | undefined {
  const fromCommand = interaction.isChatInputCommand()
    ? interaction.options.resolved?.roles?.get(roleId)
    : undefined;
  const fromSelect = interaction.isRoleSelectMenu() ? interaction.roles.get(roleId) : undefined;
  return fromCommand ?? fromSelect ?? interaction.guild?.roles.cache.get(roleId);
}

/** The member's rights in any channel; `given` are channels passed as options (with their permissions). */
export function memberRights(interaction: GuildInteraction, ...given: GivenChannel[]): MemberRights {
  const byId = new Map(given.map((channel) => [channel.id, channel]));
  return (channelId): ChannelRights => {
    const permissions = memberPermissionsIn(interaction, channelId, byId);
    const has = (flag: bigint) => permissions?.has(flag) ?? false;
    return {
      channelId,
      viewChannel: has(PermissionFlagsBits.ViewChannel),
      sendMessages: has(PermissionFlagsBits.SendMessages),
      mentionEveryone: has(PermissionFlagsBits.MentionEveryone),
      roleMentionable: (roleId) => roleOf(interaction, roleId)?.mentionable ?? false,
    };
  };
}
