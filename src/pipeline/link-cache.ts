// Character -> role links of every guild, kept in memory for the matcher and reloaded periodically
// (links change when an admin imports a new export, not per killmail).
import type { CharacterLinkRepository } from '../db/character-link-repository.ts';
import type { CharacterRoleLinks } from '../engine/index.ts';

export interface LinkCache {
  linksFor(guildId: string | undefined): CharacterRoleLinks | undefined;
  refresh(): Promise<void>;
}

export function createLinkCache(repository: CharacterLinkRepository): LinkCache {
  let byGuild = new Map<string, Map<number, string[]>>();
  return {
    linksFor: (guildId) => (guildId === undefined ? undefined : byGuild.get(guildId)),
    async refresh() {
      byGuild = await repository.all();
    },
  };
}
