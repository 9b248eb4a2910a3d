// Normalizes a validated R2Z2 document once into the Killmail every compiled tracker reads: id sets of the
// attackers, ship and weapon groups from the item catalog, location and space class from the universe.
import type { ItemCatalog } from '../catalog.ts';
import type { Universe } from '../universe/types.ts';
import type { AttackerInfo, Killmail, R2z2Document, VictimInfo } from './types.ts';

export interface NormalizeContext {
  universe: Universe;
  catalog: ItemCatalog;
}

export function normalizeKillmail(document: R2z2Document, { universe, catalog }: NormalizeContext): Killmail {
  const { esi, zkb } = document;
  const characterIds = new Set<number>();
  const corporationIds = new Set<number>();
  const allianceIds = new Set<number>();
  const factionIds = new Set<number>();
  const shipTypeIds = new Set<number>();
  const shipGroupIds = new Set<number>();
  const weaponTypeIds = new Set<number>();
  const weaponGroupIds = new Set<number>();
  const attackers: AttackerInfo[] = new Array(esi.attackers.length);
  let finalBlow: AttackerInfo | undefined;
  let topDamage: AttackerInfo | undefined;

  for (let i = 0; i < esi.attackers.length; i++) {
    const raw = esi.attackers[i]!;
    const shipGroupId = raw.ship_type_id === undefined ? undefined : catalog.groupIdOf(raw.ship_type_id);
    const weaponGroupId =
      raw.weapon_type_id === undefined ? undefined : catalog.groupIdOf(raw.weapon_type_id);
    const attacker: AttackerInfo = {
      characterId: raw.character_id,
      corporationId: raw.corporation_id,
      allianceId: raw.alliance_id,
      factionId: raw.faction_id,
      shipTypeId: raw.ship_type_id,
      shipGroupId,
      weaponTypeId: raw.weapon_type_id,
      weaponGroupId,
      damageDone: raw.damage_done,
      finalBlow: raw.final_blow,
      securityStatus: raw.security_status,
    };
    attackers[i] = attacker;
    if (raw.character_id !== undefined) characterIds.add(raw.character_id);
    if (raw.corporation_id !== undefined) corporationIds.add(raw.corporation_id);
    if (raw.alliance_id !== undefined) allianceIds.add(raw.alliance_id);
    if (raw.faction_id !== undefined) factionIds.add(raw.faction_id);
    if (raw.ship_type_id !== undefined) shipTypeIds.add(raw.ship_type_id);
    if (shipGroupId !== undefined) shipGroupIds.add(shipGroupId);
    if (raw.weapon_type_id !== undefined) weaponTypeIds.add(raw.weapon_type_id);
    if (weaponGroupId !== undefined) weaponGroupIds.add(weaponGroupId);
    if (raw.final_blow && finalBlow === undefined) finalBlow = attacker;
    // Strictly greater: on a damage tie the attacker listed first stays on top.
    if (topDamage === undefined || raw.damage_done > topDamage.damageDone) topDamage = attacker;
  }

  const victim: VictimInfo = {
    characterId: esi.victim.character_id,
    corporationId: esi.victim.corporation_id,
    allianceId: esi.victim.alliance_id,
    factionId: esi.victim.faction_id,
    shipTypeId: esi.victim.ship_type_id,
    shipGroupId: catalog.groupIdOf(esi.victim.ship_type_id),
    damageTaken: esi.victim.damage_taken,
  };
  const system = universe.system(esi.solar_system_id);

  return {
    id: document.killmail_id,
    hash: document.hash,
    time: Date.parse(esi.killmail_time),
    solarSystemId: esi.solar_system_id,
    constellationId: system?.constellationId,
    regionId: system?.regionId,
    spaceClass: system?.spaceClass ?? 'other',
    moonId: esi.moon_id,
    warId: esi.war_id,
    victim,
    attackers,
    // zKillboard counts attackers ESI may leave out of very large killmails.
    attackerCount: Math.max(attackers.length, zkb.attackerCount ?? 0),
    attackerCharacterIds: characterIds,
    attackerCorporationIds: corporationIds,
    attackerAllianceIds: allianceIds,
    attackerFactionIds: factionIds,
    attackerShipTypeIds: shipTypeIds,
    attackerShipGroupIds: shipGroupIds,
    attackerWeaponTypeIds: weaponTypeIds,
    attackerWeaponGroupIds: weaponGroupIds,
    finalBlow,
    topDamage,
    value: zkb.totalValue,
    points: zkb.points,
    npc: zkb.npc,
    solo: zkb.solo,
    awox: zkb.awox,
    war: esi.war_id !== undefined,
    labels: zkb.labels ?? [],
    document,
  };
}
