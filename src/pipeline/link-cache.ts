// Every guild's character -> roles view, kept in memory for the matcher: reloads only the guilds whose
// characters, members' roles or settings changed (any process may change them), so matching never waits.
import type { Database } from '../db/client.ts';
import { characterRolesOf } from '../db/character-roles.ts';
import { pilotChangesSince } from '../db/pilots-revision.ts';
import type { CharacterRoleLinks } from '../engine/index.ts';

export interface LinkCache {
  linksFor(guildId: string | undefined): CharacterRoleLinks | undefined;
  /** Applies every change since the last refresh; resolves true when something changed. */
  refresh(): Promise<boolean>;
}

export function createLinkCache({ db }: { db: Database }): LinkCache {
  const byGuild = new Map<string, CharacterRoleLinks>();
  let revision = -1;
  return {
    linksFor: (guildId) => (guildId === undefined ? undefined : byGuild.get(guildId)),
    async refresh() {
      const changes = await pilotChangesSince(db, revision);
      if (changes.revision === revision) return false;
      const views = await characterRolesOf(db, changes.guildIds);
      if (changes.reset) byGuild.clear();
      for (const guildId of changes.guildIds) {
        const view = views.get(guildId);
        if (view) byGuild.set(guildId, view);
        else byGuild.delete(guildId);
      }
      revision = changes.revision;
      return true;
    },
  };
}
