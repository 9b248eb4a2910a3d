// The figures of a fight report, computed from its kills: duration, systems, ships and ISK lost per
// side, the biggest kills and the top pilots by kills and by damage.
import type { Killmail } from '../killmail/types.ts';
import { assignSides, type FightParty, partyOf, type SideIndex } from './sides.ts';

/** How many entries the report lists of each ranking. */
export const FIGHT_REPORT_TOP = 5;

export interface FightSideFigures {
  /** Most pilots first. */
  parties: FightParty[];
  /** Distinct pilots seen on this side (as victims or attackers). */
  pilots: number;
  shipsLost: number;
  iskLost: number;
}

export interface FightSystemFigures {
  solarSystemId: number;
  kills: number;
}

export interface FightKillSummary {
  killmailId: number;
  time: number;
  solarSystemId: number;
  value: number;
  victimShipTypeId: number;
  victimCharacterId: number | undefined;
  victimParty: FightParty | undefined;
  /** The victim's side, undefined when the victim belongs to no organisation. */
  side: SideIndex | undefined;
}

export interface FightPilotFigures {
  characterId: number;
  /** Kills the pilot was on (any damage or the final blow). */
  kills: number;
  finalBlows: number;
  damage: number;
  side: SideIndex | undefined;
}

export interface FightReport {
  killCount: number;
  /** Kill time of the first and the last kill, epoch ms. */
  startedAt: number;
  endedAt: number;
  iskDestroyed: number;
  /** Most kills first, then by id. */
  systems: FightSystemFigures[];
  sides: [FightSideFigures, FightSideFigures];
  /** Most valuable first. */
  biggestKills: FightKillSummary[];
  /** Most kills first (then final blows, then damage). */
  topByKills: FightPilotFigures[];
  /** Most damage first. */
  topByDamage: FightPilotFigures[];
}

/** Computes the report of a fight from its kills (any order; an empty list is not a fight). */
export function fightReport(killmails: readonly Killmail[], top = FIGHT_REPORT_TOP): FightReport {
  if (killmails.length === 0) throw new RangeError('a fight report needs at least one kill');
  const sides = assignSides(killmails);
  const sideOf = (party: FightParty | undefined) => (party ? sides.sideOf(party) : undefined);
  const figures: [FightSideFigures, FightSideFigures] = [
    { parties: sides.parties[0], pilots: 0, shipsLost: 0, iskLost: 0 },
    { parties: sides.parties[1], pilots: 0, shipsLost: 0, iskLost: 0 },
  ];
  const sidePilots: [Set<number>, Set<number>] = [new Set(), new Set()];
  const systems = new Map<number, number>();
  const pilots = new Map<number, FightPilotFigures>();
  const kills: FightKillSummary[] = [];
  let startedAt = Number.POSITIVE_INFINITY;
  let endedAt = Number.NEGATIVE_INFINITY;
  let iskDestroyed = 0;

  for (const killmail of killmails) {
    startedAt = Math.min(startedAt, killmail.time);
    endedAt = Math.max(endedAt, killmail.time);
    const value = killmail.value ?? 0;
    iskDestroyed += value;
    systems.set(killmail.solarSystemId, (systems.get(killmail.solarSystemId) ?? 0) + 1);
    const victimParty = partyOf(killmail.victim);
    const victimSide = sideOf(victimParty);
    if (victimSide !== undefined) {
      figures[victimSide].shipsLost += 1;
      figures[victimSide].iskLost += value;
      if (killmail.victim.characterId !== undefined) sidePilots[victimSide].add(killmail.victim.characterId);
    }
    kills.push({
      killmailId: killmail.id,
      time: killmail.time,
      solarSystemId: killmail.solarSystemId,
      value,
      victimShipTypeId: killmail.victim.shipTypeId,
      victimCharacterId: killmail.victim.characterId,
      victimParty,
      side: victimSide,
    });
    const seen = new Set<number>();
    for (const attacker of killmail.attackers) {
      const characterId = attacker.characterId;
      if (characterId === undefined) continue;
      const side = sideOf(partyOf(attacker));
      if (side !== undefined) sidePilots[side].add(characterId);
      let pilot = pilots.get(characterId);
      if (!pilot)
        pilots.set(characterId, (pilot = { characterId, kills: 0, finalBlows: 0, damage: 0, side }));
      // One character listed twice on a killmail (two ships) still counts one kill.
      if (!seen.has(characterId)) pilot.kills += 1;
      seen.add(characterId);
      if (attacker.finalBlow) pilot.finalBlows += 1;
      pilot.damage += attacker.damageDone;
    }
  }
  figures[0].pilots = sidePilots[0].size;
  figures[1].pilots = sidePilots[1].size;

  const everyone = [...pilots.values()];
  return {
    killCount: killmails.length,
    startedAt,
    endedAt,
    iskDestroyed,
    systems: [...systems.entries()]
      .map(([solarSystemId, count]) => ({ solarSystemId, kills: count }))
      .sort((a, b) => b.kills - a.kills || a.solarSystemId - b.solarSystemId),
    sides: figures,
    biggestKills: kills.sort((a, b) => b.value - a.value || a.killmailId - b.killmailId).slice(0, top),
    topByKills: [...everyone]
      .sort(
        (a, b) =>
          b.kills - a.kills ||
          b.finalBlows - a.finalBlows ||
          b.damage - a.damage ||
          a.characterId - b.characterId,
      )
      .slice(0, top),
    topByDamage: [...everyone]
      .filter((pilot) => pilot.damage > 0)
      .sort((a, b) => b.damage - a.damage || a.characterId - b.characterId)
      .slice(0, top),
  };
}
