// One matching and one non-matching killmail per clause key, on the mini universe around Huola.
import { describe, expect, it } from 'vitest';
import { CLAUSE_KEYS } from '../../src/engine/clauses/registry.ts';
import { compileTracker } from '../../src/engine/tracker/compile.ts';
import type { CharacterRoleLinks, MatchOptions } from '../../src/engine/tracker/types.ts';
import { validateTracker } from '../../src/engine/tracker/validate.ts';
import {
  attacker,
  IDS,
  type KillmailSpec,
  killmail,
  miniUniverse,
  npcAttacker,
} from '../fixtures/killmails/builder.ts';
import { GROUPS, TYPES } from '../fixtures/killmails/mini-catalog.ts';
import { SYSTEMS } from '../fixtures/killmails/mini-universe.ts';

const ROLE_FC = '111111111111111111';
const ROLE_OTHER = '222222222222222222';
const GUILD = '999999999999999999';

interface ClauseCase {
  key: string;
  clauses: Record<string, unknown>;
  origin?: number;
  guildId?: string;
  options?: MatchOptions;
  matching: [string, KillmailSpec];
  missing: [string, KillmailSpec];
}

const attackerLinks = (links: Array<[number, string[]]>): MatchOptions => {
  const map: CharacterRoleLinks = new Map(links);
  return { linksFor: () => map };
};

const big = (count: number) =>
  Array.from({ length: count }, (_, index) => attacker({ character: 2112300000 + index }));

const CASES: ClauseCase[] = [
  // Location
  {
    key: 'require_max_jumps',
    clauses: { require_max_jumps: 3 },
    origin: SYSTEMS.huola,
    matching: ['a kill in Sosala, 3 jumps from Huola', { system: SYSTEMS.sosala }],
    missing: ['a kill in Haras, 7 jumps from Huola', { system: SYSTEMS.haras }],
  },
  {
    key: 'require_max_distance',
    clauses: { require_max_distance: 2 },
    origin: SYSTEMS.huola,
    matching: ['a kill in Sosala, 1.33 LY away', { system: SYSTEMS.sosala }],
    missing: ['a kill in Haras, 5.85 LY away', { system: SYSTEMS.haras }],
  },
  {
    key: 'exclude_high_sec',
    clauses: { exclude_high_sec: true },
    matching: ['a low-sec kill', { system: SYSTEMS.sosala }],
    missing: ['a high-sec kill in Otelen', { system: SYSTEMS.otelen }],
  },
  {
    key: 'exclude_low_sec',
    clauses: { exclude_low_sec: true },
    matching: ['a high-sec kill', { system: SYSTEMS.otelen }],
    missing: ['a low-sec kill', { system: SYSTEMS.sosala }],
  },
  {
    key: 'exclude_null_sec',
    clauses: { exclude_null_sec: true },
    matching: ['a low-sec kill', { system: SYSTEMS.sosala }],
    missing: ['a null-sec kill in KBP7-G', { system: SYSTEMS.kbp7g }],
  },
  {
    key: 'exclude_w_space',
    clauses: { exclude_w_space: true },
    matching: ['a low-sec kill', { system: SYSTEMS.sosala }],
    missing: ['a kill in Thera', { system: SYSTEMS.thera }],
  },
  {
    key: 'exclude_pochven',
    clauses: { exclude_pochven: true },
    matching: ['a low-sec kill', { system: SYSTEMS.sosala }],
    missing: ['a kill in Otela (Pochven)', { system: SYSTEMS.otela }],
  },
  {
    key: 'exclude_abyssal',
    clauses: { exclude_abyssal: true },
    matching: ['a low-sec kill', { system: SYSTEMS.sosala }],
    missing: ['a kill in abyssal AD001', { system: SYSTEMS.ad001 }],
  },
  {
    key: 'require_regions',
    clauses: { require_regions: [10000002, 10000038] },
    matching: ['a kill in the Bleak Lands', { system: SYSTEMS.sosala }],
    missing: ['a kill in Providence', { system: SYSTEMS.kbp7g }],
  },
  {
    key: 'require_constellations',
    clauses: { require_constellations: [20000449] },
    matching: ["a kill in Sosala's constellation", { system: SYSTEMS.sosala }],
    missing: ["a kill in Huola's constellation", { system: SYSTEMS.huola }],
  },
  {
    key: 'require_solar_systems',
    clauses: { require_solar_systems: [SYSTEMS.sosala] },
    matching: ['a kill in Sosala', { system: SYSTEMS.sosala }],
    missing: ['a kill in Haras', { system: SYSTEMS.haras }],
  },
  {
    key: 'exclude_regions',
    clauses: { exclude_regions: [10000038] },
    matching: ['a kill in The Forge', { system: SYSTEMS.jita }],
    missing: ['a kill in the Bleak Lands', { system: SYSTEMS.sosala }],
  },
  {
    key: 'exclude_constellations',
    clauses: { exclude_constellations: [20000449] },
    matching: ["a kill in Huola's constellation", { system: SYSTEMS.huola }],
    missing: ["a kill in Sosala's constellation", { system: SYSTEMS.sosala }],
  },
  {
    key: 'exclude_solar_systems',
    clauses: { exclude_solar_systems: [SYSTEMS.sosala] },
    matching: ['a kill in Haras', { system: SYSTEMS.haras }],
    missing: ['a kill in Sosala', { system: SYSTEMS.sosala }],
  },
  // Attackers
  {
    key: 'require_min_attackers',
    clauses: { require_min_attackers: 3 },
    matching: ['3 attackers, one of them an NPC', { attackers: [...big(2), npcAttacker()] }],
    missing: ['2 attackers', { attackers: big(2) }],
  },
  {
    key: 'require_max_attackers',
    clauses: { require_max_attackers: 2 },
    matching: ['2 attackers', { attackers: big(2) }],
    missing: [
      '2 listed attackers but 30 counted by zKillboard',
      { attackers: big(2), zkb: { attackerCount: 30 } },
    ],
  },
  {
    key: 'require_attacker_alliances',
    clauses: { require_attacker_alliances: [IDS.otherAlliance, 99999999] },
    matching: [
      'one attacker of the listed alliance among others',
      { attackers: [attacker(), attacker({ alliance: IDS.otherAlliance })] },
    ],
    missing: ['no attacker of the listed alliances', { attackers: [attacker()] }],
  },
  {
    key: 'require_attacker_corporations',
    clauses: { require_attacker_corporations: [IDS.otherCorporation] },
    matching: [
      'an attacker of the listed corporation',
      { attackers: [attacker(), attacker({ corporation: IDS.otherCorporation })] },
    ],
    missing: ['no attacker of it', { attackers: [attacker()] }],
  },
  {
    key: 'require_attacker_characters',
    clauses: { require_attacker_characters: [IDS.otherCharacter] },
    matching: [
      'the listed pilot among the attackers',
      { attackers: [attacker(), attacker({ character: IDS.otherCharacter })] },
    ],
    missing: ['other pilots only', { attackers: [attacker()] }],
  },
  {
    key: 'require_attacker_factions',
    clauses: { require_attacker_factions: [IDS.amarrFaction] },
    matching: [
      'an Amarr NPC among the attackers',
      { attackers: [attacker(), npcAttacker(TYPES.stabber, IDS.amarrFaction)] },
    ],
    missing: ['a Minmatar NPC', { attackers: [attacker(), npcAttacker(TYPES.stabber, IDS.minmatarFaction)] }],
  },
  {
    key: 'exclude_attacker_alliances',
    clauses: { exclude_attacker_alliances: [IDS.otherAlliance] },
    matching: ['no attacker of the listed alliance', { attackers: [attacker()] }],
    missing: [
      'ONE attacker of it among many',
      { attackers: [...big(5), attacker({ alliance: IDS.otherAlliance })] },
    ],
  },
  {
    key: 'exclude_attacker_corporations',
    clauses: { exclude_attacker_corporations: [IDS.otherCorporation] },
    matching: ['no attacker of the listed corporation', { attackers: [attacker()] }],
    missing: [
      'one attacker of it',
      { attackers: [attacker(), attacker({ corporation: IDS.otherCorporation })] },
    ],
  },
  {
    key: 'exclude_attacker_characters',
    clauses: { exclude_attacker_characters: [IDS.otherCharacter] },
    matching: ['other pilots only', { attackers: [attacker()] }],
    missing: [
      'the listed pilot among them',
      { attackers: [attacker(), attacker({ character: IDS.otherCharacter })] },
    ],
  },
  {
    key: 'exclude_attacker_factions',
    clauses: { exclude_attacker_factions: [IDS.amarrFaction] },
    matching: ['a Minmatar NPC', { attackers: [npcAttacker(TYPES.stabber, IDS.minmatarFaction)] }],
    missing: ['an Amarr NPC', { attackers: [attacker(), npcAttacker(TYPES.stabber, IDS.amarrFaction)] }],
  },
  {
    key: 'require_attacker_organizations_final_blow',
    clauses: {
      require_attacker_alliances: [IDS.otherAlliance],
      require_attacker_organizations_final_blow: true,
    },
    matching: [
      'the final blow by the listed alliance',
      { attackers: [attacker(), attacker({ alliance: IDS.otherAlliance, finalBlow: true })] },
    ],
    missing: [
      'the listed alliance present but the final blow by another',
      { attackers: [attacker({ finalBlow: true }), attacker({ alliance: IDS.otherAlliance })] },
    ],
  },
  {
    key: 'require_attackers_ship_groups',
    clauses: { require_attackers_ship_groups: [GROUPS.interdictor] },
    matching: ['a Sabre among the attackers', { attackers: [attacker(), attacker({ ship: TYPES.sabre })] }],
    missing: ['Hurricanes only', { attackers: [attacker()] }],
  },
  {
    key: 'require_attackers_ship_types',
    clauses: { require_attackers_ship_types: [TYPES.drake] },
    matching: ['a Drake among the attackers', { attackers: [attacker(), attacker({ ship: TYPES.drake })] }],
    missing: ['a Hurricane (same group, other type)', { attackers: [attacker()] }],
  },
  {
    key: 'require_attackers_weapon_groups',
    clauses: { require_attackers_weapon_groups: [GROUPS.heavyMissileLauncher] },
    matching: [
      'heavy missiles among the weapons',
      { attackers: [attacker(), attacker({ weapon: TYPES.heavyMissileLauncher })] },
    ],
    missing: ['autocannons only', { attackers: [attacker()] }],
  },
  {
    key: 'require_attackers_weapon_types',
    clauses: { require_attackers_weapon_types: [TYPES.warpDisruptor] },
    matching: [
      'a warp disruptor among the weapons',
      { attackers: [attacker(), attacker({ weapon: TYPES.warpDisruptor })] },
    ],
    missing: ['autocannons only', { attackers: [attacker()] }],
  },
  // Victim
  {
    key: 'require_victim_alliances',
    clauses: { require_victim_alliances: [IDS.victimAlliance] },
    matching: ['a victim of the listed alliance', {}],
    missing: ['a victim of another alliance', { victim: { alliance_id: IDS.otherAlliance } }],
  },
  {
    key: 'require_victim_corporations',
    clauses: { require_victim_corporations: [IDS.victimCorporation] },
    matching: ['a victim of the listed corporation', {}],
    missing: ['a victim of another corporation', { victim: { corporation_id: IDS.otherCorporation } }],
  },
  {
    key: 'require_victim_characters',
    clauses: { require_victim_characters: [IDS.victimCharacter] },
    matching: ['the listed pilot dying', {}],
    missing: ['another pilot dying', { victim: { character_id: IDS.otherCharacter } }],
  },
  {
    key: 'require_victim_factions',
    clauses: { require_victim_factions: [IDS.amarrFaction] },
    matching: ['an Amarr militia victim', { victim: { faction_id: IDS.amarrFaction } }],
    missing: ['a victim without faction', {}],
  },
  {
    key: 'require_victim_ship_groups',
    clauses: { require_victim_ship_groups: [GROUPS.dreadnought, GROUPS.carrier] },
    matching: ['a Naglfar lost', { victim: { ship_type_id: TYPES.naglfar } }],
    missing: ['a Rifter lost', {}],
  },
  {
    key: 'require_victim_ship_types',
    clauses: { require_victim_ship_types: [TYPES.rifter] },
    matching: ['a Rifter lost', {}],
    missing: ['a Stabber lost', { victim: { ship_type_id: TYPES.stabber } }],
  },
  {
    key: 'exclude_victim_alliances',
    clauses: { exclude_victim_alliances: [IDS.victimAlliance] },
    matching: ['a victim of another alliance', { victim: { alliance_id: IDS.otherAlliance } }],
    missing: ['a victim of the listed alliance', {}],
  },
  {
    key: 'exclude_victim_corporations',
    clauses: { exclude_victim_corporations: [IDS.victimCorporation] },
    matching: ['a victim of another corporation', { victim: { corporation_id: IDS.otherCorporation } }],
    missing: ['a victim of the listed corporation', {}],
  },
  {
    key: 'exclude_victim_characters',
    clauses: { exclude_victim_characters: [IDS.victimCharacter] },
    matching: ['another pilot dying', { victim: { character_id: IDS.otherCharacter } }],
    missing: ['the listed pilot dying', {}],
  },
  {
    key: 'exclude_victim_factions',
    clauses: { exclude_victim_factions: [IDS.amarrFaction] },
    matching: ['a victim without faction', {}],
    missing: ['an Amarr militia victim', { victim: { faction_id: IDS.amarrFaction } }],
  },
  {
    key: 'exclude_victim_ship_groups',
    clauses: { exclude_victim_ship_groups: [GROUPS.capsule] },
    matching: ['a Rifter lost', {}],
    missing: ['a Capsule lost', { victim: { ship_type_id: TYPES.capsule } }],
  },
  {
    key: 'exclude_victim_ship_types',
    clauses: { exclude_victim_ship_types: [TYPES.rifter] },
    matching: ['a Stabber lost', { victim: { ship_type_id: TYPES.stabber } }],
    missing: ['a Rifter lost', {}],
  },
  // Value and kind
  {
    key: 'require_min_value',
    clauses: { require_min_value: 1_000_000_000 },
    matching: ['a 2b kill', { zkb: { totalValue: 2e9 } }],
    missing: ['a kill zKillboard did not price', { unpriced: true }],
  },
  {
    key: 'require_max_value',
    clauses: { require_max_value: 1_000_000_000 },
    matching: ['a 10m kill', { zkb: { totalValue: 1e7 } }],
    missing: ['a kill zKillboard did not price', { unpriced: true }],
  },
  {
    key: 'require_npc_kills',
    clauses: { require_npc_kills: true },
    matching: ['an NPC kill', { zkb: { npc: true } }],
    missing: ['a player kill', {}],
  },
  {
    key: 'exclude_npc_kills',
    clauses: { exclude_npc_kills: true },
    matching: ['a player kill', {}],
    missing: ['an NPC kill', { zkb: { npc: true } }],
  },
  {
    key: 'require_war_kills',
    clauses: { require_war_kills: true },
    matching: ['a kill with a war id', { warId: 666 }],
    missing: ['a kill without war', {}],
  },
  {
    key: 'exclude_war_kills',
    clauses: { exclude_war_kills: true },
    matching: ['a kill without war', {}],
    missing: ['a kill with a war id', { warId: 666 }],
  },
  {
    key: 'require_solo',
    clauses: { require_solo: true },
    matching: ['a solo kill', { zkb: { solo: true } }],
    missing: ['a gang kill', {}],
  },
  {
    key: 'exclude_solo',
    clauses: { exclude_solo: true },
    matching: ['a gang kill', {}],
    missing: ['a solo kill', { zkb: { solo: true } }],
  },
  {
    key: 'require_awox',
    clauses: { require_awox: true },
    matching: ['an awox kill (zKillboard marks it)', { zkb: { awox: true } }],
    missing: ['a normal kill', {}],
  },
  {
    key: 'exclude_awox',
    clauses: { exclude_awox: true },
    matching: ['a normal kill', {}],
    missing: ['an awox kill', { zkb: { awox: true } }],
  },
  // Linked members
  {
    key: 'require_attacker_roles',
    clauses: { require_attacker_roles: [ROLE_FC] },
    options: attackerLinks([
      [IDS.attackerCharacter, [ROLE_FC]],
      [IDS.otherCharacter, [ROLE_OTHER]],
    ]),
    matching: ['an attacker linked to a member with the role', { attackers: [attacker()] }],
    missing: [
      'an attacker linked to a member with another role',
      { attackers: [attacker({ character: IDS.otherCharacter })] },
    ],
  },
  {
    key: 'exclude_attacker_roles',
    clauses: { exclude_attacker_roles: [ROLE_FC] },
    options: attackerLinks([[IDS.attackerCharacter, [ROLE_FC]]]),
    matching: [
      'no attacker linked with the role',
      { attackers: [attacker({ character: IDS.otherCharacter })] },
    ],
    missing: [
      'one attacker linked with the role',
      { attackers: [attacker({ character: IDS.otherCharacter }), attacker()] },
    ],
  },
  {
    key: 'require_victim_roles',
    clauses: { require_victim_roles: [GUILD] },
    guildId: GUILD,
    options: attackerLinks([[IDS.victimCharacter, []]]),
    matching: ['a victim linked to any member (the guild id role)', {}],
    missing: ['an unlinked victim', { victim: { character_id: IDS.otherCharacter } }],
  },
  {
    key: 'exclude_victim_roles',
    clauses: { exclude_victim_roles: [ROLE_FC] },
    options: attackerLinks([[IDS.victimCharacter, [ROLE_OTHER, ROLE_FC]]]),
    matching: ['an unlinked victim', { victim: { character_id: IDS.otherCharacter } }],
    missing: ['a victim linked with the role', {}],
  },
];

function compile(clauseCase: ClauseCase) {
  const tracker = {
    version: 1,
    name: clauseCase.key,
    clauses: clauseCase.clauses,
    ...(clauseCase.origin !== undefined && { origin_solar_system_id: clauseCase.origin }),
  };
  const validation = validateTracker(tracker, { universe: miniUniverse });
  if (!validation.ok) throw new Error(`fixture tracker invalid: ${JSON.stringify(validation.problems)}`);
  return compileTracker(validation.tracker, { universe: miniUniverse, guildId: clauseCase.guildId });
}

describe('clause semantics', () => {
  it('GIVEN the registry WHEN compared with these cases THEN every clause key has a case', () => {
    expect(new Set(CASES.map((clauseCase) => clauseCase.key))).toEqual(new Set(CLAUSE_KEYS));
  });

  describe.each(CASES)('$key', (clauseCase) => {
    const compiled = compile(clauseCase);
    it(`GIVEN ${clauseCase.matching[0]} THEN it matches`, () => {
      expect(compiled.matches(killmail(clauseCase.matching[1]), clauseCase.options)).toBe(true);
    });
    it(`GIVEN ${clauseCase.missing[0]} THEN it does not match`, () => {
      expect(compiled.matches(killmail(clauseCase.missing[1]), clauseCase.options)).toBe(false);
    });
  });
});
