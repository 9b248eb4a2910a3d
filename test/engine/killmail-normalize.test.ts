import { describe, expect, it } from 'vitest';
import { ItemCatalog } from '../../src/engine/catalog.ts';
import { normalizeKillmail } from '../../src/engine/killmail/normalize.ts';
import {
  attacker,
  IDS,
  KILL_TIME_MS,
  killmail,
  killmailDocument,
  miniUniverse,
  npcAttacker,
} from '../fixtures/killmails/builder.ts';
import { GROUPS, TYPES } from '../fixtures/killmails/mini-catalog.ts';
import { SYSTEMS } from '../fixtures/killmails/mini-universe.ts';

describe('normalizeKillmail', () => {
  it('GIVEN a kill in Sosala WHEN normalized THEN location, time, value and markers are read once', () => {
    const normalized = killmail({
      id: 55,
      system: SYSTEMS.sosala,
      zkb: { totalValue: 1.5e9, solo: true, awox: true },
    });
    expect(normalized).toMatchObject({
      id: 55,
      hash: 'fixturehash',
      time: KILL_TIME_MS,
      solarSystemId: SYSTEMS.sosala,
      constellationId: 20000449,
      regionId: 10000038,
      spaceClass: 'low_sec',
      value: 1.5e9,
      npc: false,
      solo: true,
      awox: true,
      war: false,
      warId: undefined,
    });
  });

  it('GIVEN the victim WHEN normalized THEN its ids and ship group come from the document and catalog', () => {
    const normalized = killmail({ victim: { ship_type_id: TYPES.naglfar, faction_id: IDS.amarrFaction } });
    expect(normalized.victim).toEqual({
      characterId: IDS.victimCharacter,
      corporationId: IDS.victimCorporation,
      allianceId: IDS.victimAlliance,
      factionId: IDS.amarrFaction,
      shipTypeId: TYPES.naglfar,
      shipGroupId: GROUPS.dreadnought,
      damageTaken: 100,
    });
  });

  it('GIVEN player and NPC attackers WHEN normalized THEN the id sets hold every attacker id once', () => {
    const normalized = killmail({
      attackers: [
        attacker({ ship: TYPES.sabre, weapon: TYPES.warpDisruptor }),
        attacker({
          character: IDS.otherCharacter,
          corporation: IDS.otherCorporation,
          alliance: IDS.otherAlliance,
        }),
        attacker({ character: 2112000999 }),
        npcAttacker(TYPES.stabber, IDS.amarrFaction),
      ],
    });
    expect([...normalized.attackerCharacterIds]).toEqual([
      IDS.attackerCharacter,
      IDS.otherCharacter,
      2112000999,
    ]);
    expect([...normalized.attackerCorporationIds]).toEqual([IDS.attackerCorporation, IDS.otherCorporation]);
    expect([...normalized.attackerAllianceIds]).toEqual([IDS.attackerAlliance, IDS.otherAlliance]);
    expect([...normalized.attackerFactionIds]).toEqual([IDS.amarrFaction]);
    expect([...normalized.attackerShipTypeIds]).toEqual([TYPES.sabre, TYPES.hurricane, TYPES.stabber]);
    expect([...normalized.attackerShipGroupIds]).toEqual([
      GROUPS.interdictor,
      GROUPS.combatBattlecruiser,
      GROUPS.cruiser,
    ]);
    expect([...normalized.attackerWeaponTypeIds]).toEqual([TYPES.warpDisruptor, TYPES.autocannon]);
    expect([...normalized.attackerWeaponGroupIds]).toEqual([GROUPS.warpScrambler, GROUPS.projectileWeapon]);
    expect(normalized.attackerCount).toBe(4);
  });

  it('GIVEN damage and a final blow WHEN normalized THEN final blow and top damage point at the right attackers', () => {
    const normalized = killmail({
      attackers: [
        attacker({ character: 1, damage: 300 }),
        attacker({ character: 2, damage: 500 }),
        attacker({ character: 3, damage: 500, finalBlow: true }),
      ],
    });
    expect(normalized.finalBlow?.characterId).toBe(3);
    // On a damage tie the attacker listed first stays on top.
    expect(normalized.topDamage?.characterId).toBe(2);
  });

  it('GIVEN zKillboard counts more attackers than ESI lists WHEN normalized THEN the count is the larger', () => {
    expect(killmail({ zkb: { attackerCount: 40 } }).attackerCount).toBe(40);
  });

  it('GIVEN a war id and no value WHEN normalized THEN it is a war kill without value', () => {
    const normalized = killmail({ warId: 666, unpriced: true });
    expect(normalized.war).toBe(true);
    expect(normalized.warId).toBe(666);
    expect(normalized.value).toBeUndefined();
  });

  it.each([
    [SYSTEMS.otelen, 'high_sec'],
    [SYSTEMS.kbp7g, 'null_sec'],
    [SYSTEMS.thera, 'w_space'],
    [SYSTEMS.otela, 'pochven'],
    [SYSTEMS.ad001, 'abyssal'],
    [SYSTEMS.v001, 'other'],
    [30999999, 'other'],
  ])('GIVEN a kill in system %i WHEN normalized THEN the space class is %s', (system, spaceClass) => {
    expect(killmail({ system }).spaceClass).toBe(spaceClass);
  });

  it('GIVEN a system the universe does not know WHEN normalized THEN constellation and region are unknown', () => {
    const normalized = killmail({ system: 30999999 });
    expect(normalized.constellationId).toBeUndefined();
    expect(normalized.regionId).toBeUndefined();
  });

  it('GIVEN ship types the catalog does not know WHEN normalized THEN their groups are undefined, not guessed', () => {
    const document = killmailDocument({ attackers: [attacker({ ship: 99999999 })] });
    const normalized = normalizeKillmail(document, {
      universe: miniUniverse,
      catalog: new ItemCatalog({ types: [], groups: [], categories: [] }),
    });
    expect(normalized.victim.shipGroupId).toBeUndefined();
    expect(normalized.attackers[0]!.shipGroupId).toBeUndefined();
    expect(normalized.attackerShipGroupIds.size).toBe(0);
    expect(normalized.document).toBe(document);
  });
});
