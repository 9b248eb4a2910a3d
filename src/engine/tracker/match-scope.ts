// Per-killmail facts shared by every tracker during one match: the kill system's index, its BFS arrays
// and each guild's character links, each computed at most once and only when a clause asks.
import type { MatchScope } from '../clauses/types.ts';
import type { Killmail } from '../killmail/types.ts';
import type { Universe } from '../universe/types.ts';
import type { CharacterRoleLinks, MatchOptions } from './types.ts';

class KillmailScope implements MatchScope {
  readonly now: number | undefined;
  readonly systemIndex: number;
  private plainJumps: Int32Array | null | undefined;
  private avoidingJumps: Int32Array | null | undefined;
  private linksByGuild: Map<string | undefined, CharacterRoleLinks | undefined> | undefined;

  constructor(
    readonly killmail: Killmail,
    private readonly universe: Universe,
    private readonly options: MatchOptions,
  ) {
    this.now = options.now;
    this.systemIndex = universe.systemIndex(killmail.solarSystemId);
  }

  jumpsFromKill(avoidHighSec: boolean): Int32Array | null {
    if (this.systemIndex < 0) return null;
    if (avoidHighSec) {
      this.avoidingJumps ??= this.universe.jumpsFrom(this.killmail.solarSystemId, true);
      return this.avoidingJumps;
    }
    this.plainJumps ??= this.universe.jumpsFrom(this.killmail.solarSystemId, false);
    return this.plainJumps;
  }

  links(guildId: string | undefined): CharacterRoleLinks | undefined {
    const linksFor = this.options.linksFor;
    if (!linksFor) return undefined;
    this.linksByGuild ??= new Map();
    if (this.linksByGuild.has(guildId)) return this.linksByGuild.get(guildId);
    const links = linksFor(guildId);
    this.linksByGuild.set(guildId, links);
    return links;
  }
}

/** The scope for matching one killmail against any number of compiled trackers. */
export function createMatchScope(
  killmail: Killmail,
  universe: Universe,
  options: MatchOptions = {},
): MatchScope {
  return new KillmailScope(killmail, universe, options);
}
