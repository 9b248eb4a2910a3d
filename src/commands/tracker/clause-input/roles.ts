// Discord roles for the *_roles clauses: typed as mentions, ids or names, or "everyone" for any member
// with a linked character (the guild id, which is Discord's @everyone role).
import type { Interaction } from 'discord.js';
import type { NamedValue } from './named-value.ts';
import { searchByName } from './named-value.ts';

export interface GuildRole {
  id: string;
  name: string;
}

export const ANY_LINKED_MEMBER = 'any linked member';

/** The roles of the interaction's guild a member can hold (not @everyone, not bot-managed roles). */
export function guildRolesOf(interaction: Interaction): GuildRole[] {
  const guild = interaction.inCachedGuild() ? interaction.guild : undefined;
  if (!guild) return [];
  return [...guild.roles.cache.values()]
    .filter((role) => role.id !== guild.id && !role.managed)
    .sort((a, b) => b.position - a.position)
    .map((role) => ({ id: role.id, name: role.name }));
}

const EVERYONE_WORDS = new Set(['everyone', '@everyone', 'any', 'all', ANY_LINKED_MEMBER]);

function everyone(guildId: string): NamedValue {
  return { id: guildId, name: '@everyone', detail: ANY_LINKED_MEMBER };
}

/**
 * One typed role: "<@&123>", "123", "@FC", "FC" or "everyone". Without the guild's roles (an uncached
 * guild) any role id is taken on trust; names then cannot be resolved.
 */
export function findRole(roles: readonly GuildRole[], guildId: string, item: string): NamedValue | undefined {
  const text = item.trim();
  if (EVERYONE_WORDS.has(text.toLowerCase())) return everyone(guildId);
  const id = /^<@&(\d{1,20})>$/.exec(text)?.[1] ?? (/^\d{1,20}$/.test(text) ? text : undefined);
  if (id !== undefined) {
    if (id === guildId) return everyone(guildId);
    const role = roles.find((candidate) => candidate.id === id);
    if (role) return { id: role.id, name: `@${role.name}` };
    return roles.length === 0 ? { id, name: `<@&${id}>` } : undefined;
  }
  const name = text.replace(/^@/, '').toLowerCase();
  const role = roles.find((candidate) => candidate.name.toLowerCase() === name);
  return role && { id: role.id, name: `@${role.name}` };
}

export function searchRoles(
  roles: readonly GuildRole[],
  guildId: string,
  text: string,
  limit: number,
): NamedValue[] {
  const typed = text.trim().replace(/^@/, '');
  const found: NamedValue[] = searchByName(roles, typed, limit).map((role) => ({
    id: role.id,
    name: `@${role.name}`,
  }));
  if ('everyone'.startsWith(typed.toLowerCase()) || ANY_LINKED_MEMBER.includes(typed.toLowerCase()))
    found.unshift(everyone(guildId));
  return found.slice(0, limit);
}
