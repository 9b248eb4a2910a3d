// The two sides of a fight, found from who shot whom: pilots of the same alliance (or corporation when
// they have none) are one party; parties that kill together lean to one side, parties that kill each
// other to opposite sides. Every party lands on one of two sides, third parties included.
import type { Killmail, Party } from '../killmail/types.ts';

export type FightPartyKind = 'alliance' | 'corporation' | 'faction';

/** An alliance, or a corporation without one, or a faction (NPC corps, militia structures). */
export interface FightParty {
  kind: FightPartyKind;
  id: number;
}

export type SideIndex = 0 | 1;

export interface FightSides {
  /** The side of a party by its key (see `partyKey`); parties never seen are absent. */
  sideOf(party: FightParty): SideIndex | undefined;
  /** Parties of each side, most pilots first (side 0 has the most pilots overall). */
  parties: readonly [FightParty[], FightParty[]];
}

/** Shooting at each other says more about sides than flying together. */
const OPPOSED_WEIGHT = 2;
/** Attacker parties per kill taken into the "flew together" pairs (the largest first): bounds big kills. */
const MAX_PARTIES_PER_KILL = 40;
const MAX_IMPROVEMENT_PASSES = 20;

/** The party a pilot flies for, or undefined for NPCs without any organisation. */
export function partyOf(
  party: Pick<Party, 'allianceId' | 'corporationId' | 'factionId'>,
): FightParty | undefined {
  if (party.allianceId !== undefined) return { kind: 'alliance', id: party.allianceId };
  if (party.corporationId !== undefined) return { kind: 'corporation', id: party.corporationId };
  if (party.factionId !== undefined) return { kind: 'faction', id: party.factionId };
  return undefined;
}

export function partyKey(party: FightParty): string {
  return `${party.kind[0]}${party.id}`;
}

/** Splits the parties of a fight's kills into two sides. Deterministic for the same kills in any order. */
export function assignSides(killmails: readonly Killmail[]): FightSides {
  const parties = new Map<string, FightParty>();
  const pilots = new Map<string, Set<number>>();
  const activity = new Map<string, number>();
  const affinity = new Map<string, Map<string, number>>();

  const see = (party: FightParty, characterId: number | undefined): string => {
    const key = partyKey(party);
    if (!parties.has(key)) {
      parties.set(key, party);
      pilots.set(key, new Set());
      activity.set(key, 0);
    }
    activity.set(key, activity.get(key)! + 1);
    if (characterId !== undefined) pilots.get(key)!.add(characterId);
    return key;
  };
  const relate = (a: string, b: string, weight: number) => {
    if (a === b) return;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      let row = affinity.get(x);
      if (!row) affinity.set(x, (row = new Map()));
      row.set(y, (row.get(y) ?? 0) + weight);
    }
  };

  const ordered = [...killmails].sort((a, b) => a.id - b.id);
  for (const killmail of ordered) {
    const victimParty = partyOf(killmail.victim);
    const victim = victimParty ? see(victimParty, killmail.victim.characterId) : undefined;
    const counts = new Map<string, number>();
    for (const attacker of killmail.attackers) {
      const party = partyOf(attacker);
      if (!party || attacker.characterId === undefined) continue;
      const key = see(party, attacker.characterId);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const attackers = [...counts.entries()]
      .sort((a, b) => b[1] - a[1] || compareKeys(a[0], b[0]))
      .slice(0, MAX_PARTIES_PER_KILL)
      .map(([key]) => key);
    if (victim !== undefined) for (const attacker of attackers) relate(victim, attacker, -OPPOSED_WEIGHT);
    for (let i = 0; i < attackers.length; i++) {
      for (let j = i + 1; j < attackers.length; j++) relate(attackers[i]!, attackers[j]!, 1);
    }
  }

  const keys = [...parties.keys()].sort((a, b) => activity.get(b)! - activity.get(a)! || compareKeys(a, b));
  const side = new Map<string, SideIndex>();
  const leaning = (key: string): number => {
    // Positive: belongs with side 0; negative: with side 1.
    let score = 0;
    for (const [other, weight] of affinity.get(key) ?? []) {
      const otherSide = side.get(other);
      if (otherSide === undefined) continue;
      score += otherSide === 0 ? weight : -weight;
    }
    return score;
  };
  const size = (index: SideIndex) => [...side.values()].filter((value) => value === index).length;
  for (const key of keys) {
    const score = leaning(key);
    if (score > 0) side.set(key, 0);
    else if (score < 0) side.set(key, 1);
    // Unrelated to everyone placed so far: the emptier side, so a first opponent starts side 1.
    else side.set(key, size(0) <= size(1) ? 0 : 1);
  }
  // Moves parties that now lean to the other side, until no move helps.
  for (let pass = 0; pass < MAX_IMPROVEMENT_PASSES; pass++) {
    let moved = false;
    for (const key of keys) {
      const score = leaning(key);
      const current = side.get(key)!;
      if ((current === 0 && score < 0) || (current === 1 && score > 0)) {
        side.set(key, current === 0 ? 1 : 0);
        moved = true;
      }
    }
    if (!moved) break;
  }

  const pilotCount = (index: SideIndex) =>
    keys.filter((key) => side.get(key) === index).reduce((sum, key) => sum + pilots.get(key)!.size, 0);
  const swap = pilotCount(1) > pilotCount(0);
  const final = (key: string): SideIndex => {
    const value = side.get(key)!;
    return swap ? (value === 0 ? 1 : 0) : value;
  };
  const byPilots = (a: string, b: string) =>
    pilots.get(b)!.size - pilots.get(a)!.size || activity.get(b)! - activity.get(a)! || compareKeys(a, b);
  const listOf = (index: SideIndex) =>
    keys
      .filter((key) => final(key) === index)
      .sort(byPilots)
      .map((key) => parties.get(key)!);

  return {
    sideOf: (party) => (side.has(partyKey(party)) ? final(partyKey(party)) : undefined),
    parties: [listOf(0), listOf(1)],
  };
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
