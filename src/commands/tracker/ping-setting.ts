// Who a tracker pings: the four modes of /tracker ping (none, @here, @everyone, roles only), the
// single `ping` option of /tracker create, its autocomplete, and how a ping reads in Discord.

import type { BaseInteraction } from 'discord.js';
import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import { UserError } from '../../user-error.ts';
import { escapeMarkdown, truncatePlain } from '../../engine/render/index.ts';
import type { TrackerPing } from '../../engine/tracker/types.ts';

export type PingMode = 'none' | 'here' | 'everyone' | 'roles';

export const NO_PING: TrackerPing = { everyone: false, here: false, roles: [] };

type GuildInteraction = BaseInteraction<'cached' | 'raw'>;

/** The ping of a mode plus up to three roles, checked so a mode and its roles never contradict. */
export function pingForMode(interaction: GuildInteraction, mode: PingMode, roleIds: string[]): TrackerPing {
  const roles = [...new Set(roleIds)];
  if (roles.includes(interaction.guildId)) {
    throw new UserError(
      'To ping everyone, choose the mode @everyone (or @here) rather than the @everyone role.',
    );
  }
  switch (mode) {
    case 'none':
      if (roles.length > 0)
        throw new UserError(
          'Mode "none" pings nobody: leave the role options empty, or choose "roles only".',
        );
      return { ...NO_PING, roles: [] };
    case 'here':
      return { everyone: false, here: true, roles };
    case 'everyone':
      return { everyone: true, here: false, roles };
    case 'roles':
      if (roles.length === 0)
        throw new UserError('Mode "roles only" needs at least one role: fill in the role option.');
      return { everyone: false, here: false, roles };
  }
}

/** The `ping` option of /tracker create: none, here, everyone, a role id or mention, or a role name. */
export function parsePingChoice(interaction: GuildInteraction, text: string | null): TrackerPing {
  const typed = (text ?? '').trim();
  const lower = typed.toLowerCase().replace(/^@/, '');
  if (lower === '' || lower === 'none' || lower === 'nobody') return { ...NO_PING, roles: [] };
  if (lower === 'here') return { everyone: false, here: true, roles: [] };
  if (lower === 'everyone') return { everyone: true, here: false, roles: [] };
  const roles = interaction.guild?.roles.cache;
  const id = typed.match(/^(?:<@&)?(\d{17,20})>?$/)?.[1];
  if (id !== undefined && id !== interaction.guildId && (!roles || roles.has(id))) {
    return { everyone: false, here: false, roles: [id] };
  }
  const byName = roles?.find((role) => role.id !== interaction.guildId && role.name.toLowerCase() === lower);
  if (byName) return { everyone: false, here: false, roles: [byName.id] };
  throw new UserError(
    `"${escapeMarkdown(typed.slice(0, 50))}" is not a ping: pick none, @here, @everyone or one of the server's roles from the list (use /tracker ping for several roles).`,
  );
}

/** "@here, <@&1>" or "nobody"; role mentions render as names in Discord without pinging (allowed_mentions). */
export function describePing(ping: TrackerPing): string {
  const parts = [
    ...(ping.everyone ? ['@everyone'] : ping.here ? ['@here'] : []),
    ...ping.roles.map((role) => `<@&${role}>`),
  ];
  return parts.length === 0 ? 'nobody' : parts.join(', ');
}

const MAX_CHOICES = 25;

/** Autocomplete of the create `ping` option: the three modes, then the server's roles. */
export function suggestPings(
  interaction: GuildInteraction,
  typed: string,
): APIApplicationCommandOptionChoice<string>[] {
  const needle = typed.trim().toLowerCase().replace(/^@/, '');
  const modes = [
    { name: 'No pings', value: 'none' },
    { name: '@here (online members)', value: 'here' },
    { name: '@everyone', value: 'everyone' },
  ].filter((choice) => needle === '' || choice.value.startsWith(needle) || choice.name.includes(needle));
  const roles = [...(interaction.guild?.roles.cache.values() ?? [])]
    .filter((role) => role.id !== interaction.guildId && !role.managed)
    .filter((role) => needle === '' || role.name.toLowerCase().includes(needle))
    .sort((a, b) => b.position - a.position)
    .map((role) => ({ name: truncatePlain(`@${role.name}`, 100), value: role.id }));
  return [...modes, ...roles].slice(0, MAX_CHOICES);
}
