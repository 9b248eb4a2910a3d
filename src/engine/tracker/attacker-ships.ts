// Which attacker ship types satisfied a tracker's attacker ship type/group clauses, for the alert. The
// attackers' ships are indexed once per killmail, so each tracker looks up only the few ids it lists. A
// tracker's lists are kept as one short array of numbers (its ship list), which the matcher holds per
// tracker: a big fight reports for thousands of trackers, and one small array is all each one reads.
import type { Killmail } from '../killmail/types.ts';

/** The distinct (ship type, ship group) pairs of the attackers, numbered in the order first seen. */
export interface AttackerShips {
  /** The first pair of each ship type. */
  readonly firstByType: ReadonlyMap<number, number>;
  /** Per ship group, its pairs as [type, number, type, number...]. */
  readonly byGroup: ReadonlyMap<number, readonly number[]>;
}

export function attackerShipsOf(killmail: Killmail): AttackerShips {
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

/** A tracker's ship list: each listed ship type as its id, then each listed ship group as minus its id. */
export function shipListOf(types: readonly number[], groups: readonly number[]): number[] {
  return [...types, ...groups.map((group) => -group)];
}

/**
 * The attacker ship types that satisfy a ship list, in the order their first satisfying pair was seen,
 * each once.
 */
export function reportedShipTypes(ships: AttackerShips, list: readonly number[]): number[] {
  const { firstByType, byGroup } = ships;
  // Ship type -> the number of its first satisfying pair.
  const found = new Map<number, number>();
  for (let i = 0; i < list.length; i++) {
    const listed = list[i]!;
    if (listed > 0) {
      const first = firstByType.get(listed);
      if (first !== undefined) found.set(listed, first);
      continue;
    }
    const pairs = byGroup.get(-listed);
    if (!pairs) continue;
    for (let p = 0; p < pairs.length; p += 2) {
      const type = pairs[p]!;
      const seen = found.get(type);
      if (seen === undefined || pairs[p + 1]! < seen) found.set(type, pairs[p + 1]!);
    }
  }
  if (found.size <= 1) return [...found.keys()];
  return [...found].sort((a, b) => a[1] - b[1]).map(([type]) => type);
}
