// Which attacker ship types satisfied a tracker's attacker ship type/group clauses, for the alert. The
// attackers' ships are indexed once per killmail, so each tracker looks up only the few ids it lists.
import type { MatchScope } from '../clauses/types.ts';
import type { Killmail } from '../killmail/types.ts';

/** The distinct (ship type, ship group) pairs of the attackers, numbered in the order first seen. */
interface AttackerShips {
  /** The first pair of each ship type. */
  readonly firstByType: ReadonlyMap<number, number>;
  /** Per ship group, its pairs as [type, number, type, number...]. */
  readonly byGroup: ReadonlyMap<number, readonly number[]>;
}

function attackerShipsOf(killmail: Killmail): AttackerShips {
  const firstByType = new Map<number, number>();
  const byGroup = new Map<number, number[]>();
  // Ship types seen with no group: counted as pairs, so the numbering matches the pairs seen.
  const ungrouped = new Set<number>();
  let pairs = 0;
  for (const attacker of killmail.attackers) {
    const type = attacker.shipTypeId;
    if (type === undefined) continue;
    const group = attacker.shipGroupId;
    if (group === undefined) {
      if (ungrouped.has(type)) continue;
      ungrouped.add(type);
    } else {
      const pairsOfGroup = byGroup.get(group);
      if (pairsOfGroup && hasType(pairsOfGroup, type)) continue;
      if (pairsOfGroup) pairsOfGroup.push(type, pairs);
      else byGroup.set(group, [type, pairs]);
    }
    if (!firstByType.has(type)) firstByType.set(type, pairs);
    pairs++;
  }
  return { firstByType, byGroup };
}

function hasType(pairs: readonly number[], type: number): boolean {
  for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === type) return true;
  return false;
}

/**
 * The reporter of a tracker listing attacker ship types and/or groups: the attacker ship types that
 * satisfy either list, in the order their first satisfying pair was seen. The index is shared through
 * the match scope when one is given (one per killmail), built afresh otherwise.
 */
export function attackerShipReporter(
  types: readonly number[],
  groups: readonly number[],
): (killmail: Killmail, scope?: MatchScope) => number[] {
  return (killmail, scope) => {
    const { firstByType, byGroup } = scope ? scope.shared(attackerShipsOf) : attackerShipsOf(killmail);
    // Ship type -> the number of its first satisfying pair.
    const found = new Map<number, number>();
    for (const type of types) {
      const first = firstByType.get(type);
      if (first !== undefined) found.set(type, first);
    }
    for (const group of groups) {
      const pairs = byGroup.get(group);
      if (!pairs) continue;
      for (let i = 0; i < pairs.length; i += 2) {
        const type = pairs[i]!;
        const seen = found.get(type);
        if (seen === undefined || pairs[i + 1]! < seen) found.set(type, pairs[i + 1]!);
      }
    }
    if (found.size <= 1) return [...found.keys()];
    return [...found].sort((a, b) => a[1] - b[1]).map(([type]) => type);
  };
}
