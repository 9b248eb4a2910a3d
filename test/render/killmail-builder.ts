// Builds normalized Killmail objects for render tests: a Rifter lost in Huola to one Sabre, unless
// a test says otherwise. Sets and final blow are derived from the attackers like the normalizer does.
import type { AttackerInfo, Killmail, VictimInfo } from '../../src/engine/killmail/types.ts';

export const HUOLA = 30003067;
export const RIFTER = 587;
export const FRIGATE = 25;
export const SABRE = 22456;
export const INTERDICTOR = 541;

export function buildAttacker(overrides: Partial<AttackerInfo> = {}): AttackerInfo {
  return {
    characterId: 2112000001,
    corporationId: 98000001,
    allianceId: 99000001,
    factionId: undefined,
    shipTypeId: SABRE,
    shipGroupId: INTERDICTOR,
    weaponTypeId: undefined,
    weaponGroupId: undefined,
    damageDone: 1000,
    finalBlow: false,
    securityStatus: 0,
    ...overrides,
  };
}

export function buildVictim(overrides: Partial<VictimInfo> = {}): VictimInfo {
  return {
    characterId: 2112000100,
    corporationId: 98000100,
    allianceId: 99000100,
    factionId: undefined,
    shipTypeId: RIFTER,
    shipGroupId: FRIGATE,
    damageTaken: 1000,
    ...overrides,
  };
}

function idSet(
  attackers: readonly AttackerInfo[],
  pick: (attacker: AttackerInfo) => number | undefined,
): Set<number> {
  const ids = new Set<number>();
  for (const attacker of attackers) {
    const id = pick(attacker);
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

export interface KillmailOverrides extends Partial<Omit<Killmail, 'victim' | 'attackers'>> {
  victim?: Partial<VictimInfo>;
  attackers?: AttackerInfo[];
}

export function buildKillmail(overrides: KillmailOverrides = {}): Killmail {
  const { victim: victimOverrides, attackers: attackerList, ...rest } = overrides;
  const attackers = attackerList ?? [buildAttacker({ finalBlow: true })];
  const victim = buildVictim(victimOverrides);
  const id = rest.id ?? 123456789;
  const time = rest.time ?? Date.UTC(2026, 10, 20, 18, 30, 0);
  return {
    id,
    hash: 'abcdef0123456789',
    time,
    solarSystemId: HUOLA,
    constellationId: 20000448,
    regionId: 10000038,
    spaceClass: 'low_sec',
    moonId: undefined,
    warId: undefined,
    victim,
    attackers,
    attackerCount: attackers.length,
    attackerCharacterIds: idSet(attackers, (a) => a.characterId),
    attackerCorporationIds: idSet(attackers, (a) => a.corporationId),
    attackerAllianceIds: idSet(attackers, (a) => a.allianceId),
    attackerFactionIds: idSet(attackers, (a) => a.factionId),
    attackerShipTypeIds: idSet(attackers, (a) => a.shipTypeId),
    attackerShipGroupIds: idSet(attackers, (a) => a.shipGroupId),
    attackerWeaponTypeIds: idSet(attackers, (a) => a.weaponTypeId),
    attackerWeaponGroupIds: idSet(attackers, (a) => a.weaponGroupId),
    finalBlow: attackers.find((a) => a.finalBlow),
    topDamage: attackers.reduce<AttackerInfo | undefined>(
      (top, a) => (top === undefined || a.damageDone > top.damageDone ? a : top),
      undefined,
    ),
    value: 12_345_678.9,
    points: 10,
    npc: false,
    solo: attackers.length === 1,
    awox: false,
    war: false,
    labels: [],
    document: {
      killmail_id: id,
      hash: 'abcdef0123456789',
      esi: {
        killmail_id: id,
        killmail_time: Number.isFinite(time) ? new Date(time).toISOString() : 'invalid',
        solar_system_id: HUOLA,
        victim: { damage_taken: victim.damageTaken, ship_type_id: victim.shipTypeId },
        attackers: [],
      },
      zkb: { hash: 'abcdef0123456789', npc: false, solo: attackers.length === 1, awox: false },
    },
    ...rest,
  };
}
