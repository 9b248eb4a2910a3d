// What a killmail itself says for PPK: its attacker characters (in killmail order), who landed the final
// blow and who did the most damage. Top damage is the character attacker with the most damage (NPCs and
// structures do not take it); on a tie the one listed first in the killmail keeps it.
import type { PpkAttackerFacts, PpkVictimFacts } from '../db/schema.ts';
import type { EsiKillmail, ZkbInfo } from '../engine/index.ts';
import type { PpkEventType } from './types.ts';

export interface PpkKillFacts {
  killmailId: number;
  hash: string;
  killmailTime: Date;
  solarSystemId: number;
  victim: PpkVictimFacts;
  attackers: PpkAttackerFacts[];
  zkbValue: number | null;
  npc: boolean;
  awox: boolean;
}

export function killFacts(killmail: {
  killmail_id: number;
  hash: string;
  esi: EsiKillmail;
  zkb?: ZkbInfo | undefined;
}): PpkKillFacts {
  const { esi, zkb } = killmail;
  const attackers: PpkAttackerFacts[] = [];
  const byCharacter = new Map<number, PpkAttackerFacts>();
  for (const raw of esi.attackers) {
    if (raw.character_id === undefined) continue;
    // A character listed twice is one attacker: damage added up, the final blow kept.
    const known = byCharacter.get(raw.character_id);
    if (known) {
      known.damageDone += raw.damage_done;
      known.finalBlow ||= raw.final_blow;
      continue;
    }
    const attacker: PpkAttackerFacts = {
      characterId: raw.character_id,
      ...(raw.corporation_id === undefined ? {} : { corporationId: raw.corporation_id }),
      damageDone: raw.damage_done,
      finalBlow: raw.final_blow,
    };
    byCharacter.set(raw.character_id, attacker);
    attackers.push(attacker);
  }
  const victim: PpkVictimFacts = { shipTypeId: esi.victim.ship_type_id };
  if (esi.victim.character_id !== undefined) victim.characterId = esi.victim.character_id;
  if (esi.victim.corporation_id !== undefined) victim.corporationId = esi.victim.corporation_id;
  if (esi.victim.alliance_id !== undefined) victim.allianceId = esi.victim.alliance_id;
  return {
    killmailId: killmail.killmail_id,
    hash: killmail.hash,
    killmailTime: new Date(esi.killmail_time),
    solarSystemId: esi.solar_system_id,
    victim,
    attackers,
    zkbValue: zkb?.totalValue ?? null,
    npc: zkb?.npc ?? false,
    awox: zkb?.awox ?? false,
  };
}

export interface DerivedEvent {
  characterId: number;
  type: PpkEventType;
}

/** Every derived event of the killmail for attackers for whom `isLinked` holds. */
export function derivedEvents(
  attackers: readonly PpkAttackerFacts[],
  isLinked: (characterId: number) => boolean,
): DerivedEvent[] {
  const events: DerivedEvent[] = [];
  let top: PpkAttackerFacts | undefined;
  for (const attacker of attackers) {
    if (top === undefined || attacker.damageDone > top.damageDone) top = attacker;
  }
  const finalBlow = attackers.find((attacker) => attacker.finalBlow);
  for (const attacker of attackers) {
    if (!isLinked(attacker.characterId)) continue;
    events.push({ characterId: attacker.characterId, type: 'participant' });
    if (attacker === finalBlow) events.push({ characterId: attacker.characterId, type: 'final_blow' });
    if (attacker === top) events.push({ characterId: attacker.characterId, type: 'top_damage' });
  }
  return events;
}
