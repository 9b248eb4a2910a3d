// The single `ping` option of /tracker create, typed or picked: none, @here, @everyone, or one of the
// guild's roles (by id, mention or name). /tracker ping and the ping editor set several roles.
import type { BaseInteraction } from 'discord.js';
import type { TrackerPing } from '../../engine/index.ts';
import { escapeMarkdown, truncatePlain } from '../../engine/render/index.ts';
import { NO_PING } from '../../tracker-ops/ping.ts';
import { UserError } from '../../user-error.ts';
import type { Choice, Completer } from '../contract.ts';

type GuildInteraction = BaseInteraction<'cached' | 'raw'>;

const MAX_CHOICES = 25;

export function parsePingChoice(interaction: GuildInteraction, text: string | undefined): TrackerPing {
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

/** The three modes, then the guild's roles. */
export const completePingChoice: Completer = ({ typed, interaction }) => {
  const needle = typed.trim().toLowerCase().replace(/^@/, '');
  const modes: Choice[] = [
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
};
