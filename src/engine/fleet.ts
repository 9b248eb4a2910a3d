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
  const alliances = new Map<number, Tally>();
  const corporations = new Map<number, Tally>();
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
  const groups = new Map<number, Tally>();
  for (const attacker of killmail.attackers) {
    if (attacker.shipGroupId !== undefined) increment(groups, attacker.shipGroupId);
  }
  const top = largest(groups);
  if (!top || top.count < mainThreshold(killmail.attackers.length)) return null;
  return { groupId: top.id, count: top.count };
}

/** A running count: one map lookup per attacker instead of a get and a set (3,000-pilot fights). */
interface Tally {
  readonly id: number;
  count: number;
}

function increment(counts: Map<number, Tally>, id: number): void {
  const tally = counts.get(id);
  if (tally) tally.count++;
  else counts.set(id, { id, count: 1 });
}

/** The tally with the highest count; between equals the first seen. */
function largest(counts: ReadonlyMap<number, Tally>): Tally | undefined {
  let best: Tally | undefined;
  for (const tally of counts.values()) {
    if (!best || tally.count > best.count) best = tally;
  }
  return best;
}
