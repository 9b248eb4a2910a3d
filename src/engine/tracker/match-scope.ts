// Per-killmail facts shared by every tracker during one match: the kill system's index, its jump searches,
// each guild's character links and other derived facts, each looked up at most once and only when asked.
import type { MatchScope } from '../clauses/types.ts';
import type { Killmail } from '../killmail/types.ts';
import type { JumpSearch, Universe } from '../universe/types.ts';
import type { CharacterRoleLinks, MatchOptions } from './types.ts';

class KillmailScope implements MatchScope {
  readonly now: number | undefined;
  readonly systemIndex: number;
  private plainJumps: JumpSearch | null | undefined;
  private avoidingJumps: JumpSearch | null | undefined;
  private linksByGuild: Map<string | undefined, CharacterRoleLinks | undefined> | undefined;
  private facts: Map<(killmail: Killmail) => unknown, unknown> | undefined;

  constructor(
    readonly killmail: Killmail,
    private readonly universe: Universe,
    private readonly options: MatchOptions,
  ) {
    this.now = options.now;
    this.systemIndex = universe.systemIndex(killmail.solarSystemId);
  }

  killJumps(avoidHighSec: boolean): JumpSearch | null {
    if (this.systemIndex < 0) return null;
    if (avoidHighSec) {
      this.avoidingJumps ??= this.universe.jumpSearch(this.killmail.solarSystemId, true);
      return this.avoidingJumps;
    }
    this.plainJumps ??= this.universe.jumpSearch(this.killmail.solarSystemId, false);
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

  shared<T>(fact: (killmail: Killmail) => T): T {
    this.facts ??= new Map();
    if (this.facts.has(fact)) return this.facts.get(fact) as T;
    const value = fact(this.killmail);
    this.facts.set(fact, value);
    return value;
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
