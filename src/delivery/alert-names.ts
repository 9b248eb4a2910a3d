// Which ESI names an alert shows, and a lookup over what the resolver found.
import type { Killmail, ResolvedName, TrackerMatch } from '../engine/index.ts';
import type { NameLookup } from '../engine/render/index.ts';

/** Character, corporation, alliance and faction ids the alert may print. */
export function alertEntityIds(killmail: Killmail, matches: readonly TrackerMatch[]): number[] {
  const ids = new Set<number>();
  const add = (id: number | undefined) => {
    if (id !== undefined && id > 0) ids.add(id);
  };
  for (const party of [killmail.victim, killmail.finalBlow, killmail.topDamage]) {
    if (!party) continue;
    add(party.characterId);
    add(party.corporationId);
    add(party.allianceId);
    add(party.factionId);
  }
  for (const match of matches) add(match.mainGroup?.id);
  return [...ids];
}

export function nameLookup(resolved: ReadonlyMap<number, ResolvedName>): NameLookup {
  return (_kind, id) => resolved.get(id)?.name;
}
