// Fleet detection for alerts: the main group (alliance or corporation) and the main ship class of the
// attackers, each only when it brings at least max(2, 25% of the attackers).
import type { Killmail } from './killmail/types.ts';
import type { MainGroup, MainShipGroup } from './tracker/types.ts';

const MIN_SHARE = 0.25;
const MIN_COUNT = 2;

/** Attackers a group or ship class needs to count as "main" on this killmail. */
export function mainThreshold(attackerCount: number): number {
  return Math.max(MIN_COUNT, MIN_SHARE * attackerCount);
}

/**
 * The alliance or corporation with the most attackers, if it meets the threshold. An alliance wins a tie
 * with a corporation (a one-corp alliance is named by its alliance); between equals the first seen wins.
 */
export function findMainGroup(killmail: Killmail): MainGroup | null {
  const alliances = new Map<number, number>();
  const corporations = new Map<number, number>();
  for (const attacker of killmail.attackers) {
    if (attacker.allianceId !== undefined) increment(alliances, attacker.allianceId);
    if (attacker.corporationId !== undefined) increment(corporations, attacker.corporationId);
  }
  const threshold = mainThreshold(killmail.attackers.length);
  const alliance = largest(alliances);
  const corporation = largest(corporations);
  if (alliance && alliance.count >= threshold && (!corporation || alliance.count >= corporation.count)) {
    return { kind: 'alliance', id: alliance.id, count: alliance.count };
  }
  if (corporation && corporation.count >= threshold) {
    return { kind: 'corporation', id: corporation.id, count: corporation.count };
  }
  return null;
}

/** The attacker ship group flown by the most attackers, if it meets the threshold. */
export function findMainShipGroup(killmail: Killmail): MainShipGroup | null {
  const groups = new Map<number, number>();
  for (const attacker of killmail.attackers) {
    if (attacker.shipGroupId !== undefined) increment(groups, attacker.shipGroupId);
  }
  const top = largest(groups);
  if (!top || top.count < mainThreshold(killmail.attackers.length)) return null;
  return { groupId: top.id, count: top.count };
}

function increment(counts: Map<number, number>, id: number): void {
  counts.set(id, (counts.get(id) ?? 0) + 1);
}

function largest(counts: ReadonlyMap<number, number>): { id: number; count: number } | undefined {
  let best: { id: number; count: number } | undefined;
  for (const [id, count] of counts) {
    if (!best || count > best.count) best = { id, count };
  }
  return best;
}
