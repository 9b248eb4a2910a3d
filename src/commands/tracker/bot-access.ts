// What the bot may do in a tracker's channel, read from discord.js's cache of the guild (roles, channel
// overwrites, the bot's member): warnings an admin can act on before the first alert silently fails.
import { type BaseInteraction, PermissionFlagsBits, type PermissionsBitField } from 'discord.js';
import type { TrackerPing } from '../../engine/index.ts';

type GuildInteraction = BaseInteraction<'cached' | 'raw'>;

/** The bot's permissions in a channel of the interaction's guild; undefined when it cannot be known. */
function botPermissionsIn(
  interaction: GuildInteraction,
  channelId: string,
): Readonly<PermissionsBitField> | undefined {
  const guild = interaction.guild;
  const me = guild?.members.me;
  const channel = guild?.channels.cache.get(channelId);
  if (me && channel) return channel.permissionsFor(me);
  // Without the guild in cache Discord still tells us our permissions where the command was used.
  if (channelId === interaction.channelId) return interaction.appPermissions;
  return undefined;
}

const POSTING_PERMISSIONS: ReadonlyArray<[bigint, string]> = [
  [PermissionFlagsBits.ViewChannel, 'View Channel'],
  [PermissionFlagsBits.SendMessages, 'Send Messages'],
  [PermissionFlagsBits.EmbedLinks, 'Embed Links'],
];

/** A warning when the bot lacks a permission alerts need in the channel; undefined when all is well. */
export function channelAccessWarning(interaction: GuildInteraction, channelId: string): string | undefined {
  const permissions = botPermissionsIn(interaction, channelId);
  if (!permissions) return undefined;
  const missing = POSTING_PERMISSIONS.filter(([flag]) => !permissions.has(flag)).map(([, label]) => label);
  if (missing.length === 0) return undefined;
  return `⚠️ The bot cannot post alerts in <#${channelId}>: it lacks ${missing.join(', ')} there. Give it View Channel, Send Messages and Embed Links in that channel (Edit Channel → Permissions), then run /tracker test.`;
}

/** Warnings for pings that would show as text without notifying anyone. */
export function pingWarnings(interaction: GuildInteraction, channelId: string, ping: TrackerPing): string[] {
  const canMentionEveryone = botPermissionsIn(interaction, channelId)?.has(
    PermissionFlagsBits.MentionEveryone,
  );
  const warnings: string[] = [];
  if ((ping.everyone || ping.here) && canMentionEveryone === false) {
    warnings.push(
      `⚠️ The bot lacks Mention Everyone in <#${channelId}>: ${ping.everyone ? '@everyone' : '@here'} will show as text and notify nobody. Give the bot Mention Everyone there.`,
    );
  }
  const roles = interaction.guild?.roles.cache;
  for (const roleId of ping.roles) {
    const role = roles?.get(roleId);
    if (roles && !role) {
      warnings.push(
        `⚠️ Role ${roleId} no longer exists in this server: pick the roles again with /tracker ping.`,
      );
    } else if (role && !role.mentionable && canMentionEveryone === false) {
      warnings.push(
        `⚠️ <@&${roleId}> is not mentionable and the bot lacks Mention Everyone: it will not be pinged. Allow anyone to mention the role (Server Settings → Roles) or give the bot Mention Everyone.`,
      );
    }
  }
  return warnings;
}
