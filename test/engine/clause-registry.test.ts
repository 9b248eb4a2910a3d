import { describe, expect, it } from 'vitest';
import { describeClause, describeTracker } from '../../src/engine/clauses/describe.ts';
import {
  CLAUSE_DEFINITIONS,
  CLAUSE_KEYS,
  findClause,
  getClause,
  reportedAttackerShips,
  routesAvoidHighSec,
  UnknownClauseError,
} from '../../src/engine/clauses/registry.ts';
import type { ClauseMenu, ClauseNameLookup } from '../../src/engine/clauses/types.ts';
import { isListValueKind, VALUE_KINDS, type ValueKindSpec } from '../../src/engine/clauses/value-kinds.ts';
import { validateTracker } from '../../src/engine/tracker/validate.ts';
import { SYSTEMS } from '../fixtures/killmails/mini-universe.ts';

const NAMES: Record<string, string> = {
  [`solar_system:${SYSTEMS.huola}`]: 'Huola',
  'alliance:1354830081': 'Goonswarm Federation',
  'region:10000038': 'The Bleak Lands',
  'ship_group:485': 'Dreadnought',
  'role:111111111111111111': '@FC',
};
const names: ClauseNameLookup = (kind, id) => NAMES[`${kind}:${id}`];

/** Every clause key of the tracker format, spelled out so a rename cannot slip through. */
const ISSUE_KEYS = [
  'require_max_jumps',
  'require_max_distance',
  'exclude_high_sec',
  'exclude_low_sec',
  'exclude_null_sec',
  'exclude_w_space',
  'exclude_pochven',
  'exclude_abyssal',
  'require_regions',
  'require_constellations',
  'require_solar_systems',
  'exclude_regions',
  'exclude_constellations',
  'exclude_solar_systems',
  'require_min_attackers',
  'require_max_attackers',
  'require_attacker_alliances',
  'require_attacker_corporations',
  'require_attacker_characters',
  'require_attacker_factions',
  'exclude_attacker_alliances',
  'exclude_attacker_corporations',
  'exclude_attacker_characters',
  'exclude_attacker_factions',
  'require_attacker_organizations_final_blow',
  'require_attackers_ship_groups',
  'require_attackers_ship_types',
  'require_attackers_weapon_groups',
  'require_attackers_weapon_types',
  'require_victim_alliances',
  'require_victim_corporations',
  'require_victim_characters',
  'require_victim_factions',
  'exclude_victim_alliances',
  'exclude_victim_corporations',
  'exclude_victim_characters',
  'exclude_victim_factions',
  'require_victim_ship_groups',
  'require_victim_ship_types',
  'exclude_victim_ship_groups',
  'exclude_victim_ship_types',
  'require_min_value',
  'require_max_value',
  'require_npc_kills',
  'exclude_npc_kills',
  'require_war_kills',
  'exclude_war_kills',
  'require_solo',
  'exclude_solo',
  'require_awox',
  'exclude_awox',
  'require_attacker_roles',
  'exclude_attacker_roles',
  'require_victim_roles',
  'exclude_victim_roles',
];

describe('clause registry', () => {
  it('GIVEN the registry WHEN listed THEN it holds exactly the keys of the tracker format, each complete', () => {
    expect(new Set(CLAUSE_KEYS).size).toBe(CLAUSE_KEYS.length);
    expect([...CLAUSE_KEYS].sort()).toEqual([...ISSUE_KEYS].sort());
    for (const definition of CLAUSE_DEFINITIONS) {
      expect(definition.label.length, definition.key).toBeGreaterThan(3);
      expect(['location', 'attackers', 'victim', 'value', 'kind', 'members']).toContain(definition.group);
      expect(definition.cost).toBeGreaterThan(0);
    }
  });

  it('GIVEN exclude_* clauses with a require_* twin WHEN compared THEN they share value kind, group and validation', () => {
    for (const definition of CLAUSE_DEFINITIONS) {
      const twin = findClause(definition.key.replace(/^exclude_/, 'require_'));
      if (!definition.key.startsWith('exclude_') || !twin) continue;
      expect([definition.valueKind, definition.group]).toEqual([twin.valueKind, twin.group]);
      expect(definition.validate).toBe(twin.validate);
      expect(definition.indexedBy).toBeUndefined();
    }
  });

  it('GIVEN an unknown key WHEN looked up THEN find gives nothing and get throws a coded error', () => {
    expect(findClause('require_vibes')).toBeUndefined();
    expect(() => getClause('require_vibes')).toThrowError(UnknownClauseError);
    try {
      getClause('require_vibes');
    } catch (error) {
      expect((error as UnknownClauseError).code).toBe('UNKNOWN_CLAUSE');
    }
  });

  it('GIVEN any clause THEN it has what the editor and the docs need: label, group, menu and a complete value kind', () => {
    const menus: ClauseMenu[] = ['location', 'attackers', 'victim'];
    for (const definition of CLAUSE_DEFINITIONS) {
      expect(menus, definition.key).toContain(definition.menu);
      const kind: ValueKindSpec | undefined = VALUE_KINDS[definition.valueKind];
      expect(kind, `${definition.key}: value kind ${definition.valueKind}`).toBeDefined();
      if (!kind) continue;
      for (const text of [kind.noun, kind.accepted, kind.hint, kind.example]) {
        expect(text.length, definition.key).toBeGreaterThan(0);
        expect(text.length, definition.key).toBeLessThanOrEqual(100);
      }
      expect(kind.validate, definition.key).toBe(definition.validate);
      // A list names its ids, so the editor and alerts can show names instead of numbers.
      expect(kind.nameKind !== undefined, definition.key).toBe(isListValueKind(definition.valueKind));
    }
  });

  it('GIVEN each editor menu THEN it offers at most 25 clauses, what one Discord select can hold', () => {
    for (const menu of ['location', 'attackers', 'victim'] as const) {
      const offered = CLAUSE_DEFINITIONS.filter((definition) => definition.menu === menu);
      expect(offered.length, menu).toBeGreaterThan(0);
      expect(offered.length, menu).toBeLessThanOrEqual(25);
    }
  });

  it('GIVEN the clauses measured from the origin THEN each is refused without an origin and accepted with one', () => {
    const measured = CLAUSE_DEFINITIONS.filter((definition) => definition.needsOrigin);
    expect(measured.map((definition) => definition.key).sort()).toEqual([
      'require_max_distance',
      'require_max_jumps',
    ]);
    for (const { key } of measured) {
      const tracker = { version: 1, name: 'Range', clauses: { [key]: 5 } };
      const without = validateTracker(tracker);
      expect(without.ok ? [] : without.problems).toContainEqual({
        key: `clauses.${key}`,
        message: 'needs an origin: set origin_solar_system_id to the system to count from',
      });
      expect(validateTracker({ ...tracker, origin_solar_system_id: SYSTEMS.huola }).ok, key).toBe(true);
    }
  });

  it('GIVEN clause effects THEN exclude_high_sec routes around high-sec and attacker ship clauses are reported', () => {
    expect(routesAvoidHighSec({ exclude_high_sec: true, require_max_jumps: 5 })).toBe(true);
    expect(routesAvoidHighSec({ exclude_low_sec: true, require_max_jumps: 5 })).toBe(false);
    expect(
      reportedAttackerShips({
        require_attackers_ship_types: [587],
        require_attackers_ship_groups: [485],
        require_victim_ship_types: [670],
      }),
    ).toEqual({ types: [587], groups: [485] });
  });

  it('GIVEN the six space-class clauses WHEN listed THEN each names the class it excludes', () => {
    const classes = CLAUSE_DEFINITIONS.flatMap((definition) => definition.excludesSpaceClass ?? []);
    expect(classes.sort()).toEqual(['abyssal', 'high_sec', 'low_sec', 'null_sec', 'pochven', 'w_space']);
  });
});

describe('describeClause', () => {
  it.each([
    ['require_max_jumps', 10, 'within 10 jumps of Huola'],
    ['require_max_jumps', 1, 'within 1 jump of Huola'],
    ['require_max_distance', 6, 'within 6 LY of Huola'],
    ['exclude_high_sec', true, 'not in high-sec'],
    ['require_regions', [10000038], 'in region The Bleak Lands'],
    ['exclude_regions', [10000038, 10000002], 'not in region The Bleak Lands or #10000002'],
    [
      'require_attacker_alliances',
      [1354830081, 99000002, 99000003],
      'attacked by alliance Goonswarm Federation, #99000002 or #99000003',
    ],
    ['exclude_attacker_alliances', [1354830081], 'not attacked by alliance Goonswarm Federation'],
    ['require_attackers_ship_groups', [485], 'with attackers in a Dreadnought'],
    ['require_victim_ship_groups', [485], 'victim flying a Dreadnought'],
    ['require_min_attackers', 20, 'with at least 20 attackers'],
    ['require_min_value', 1_500_000_000, 'worth at least 1.5b'],
    ['require_max_value', 250_000_000, 'worth at most 250m'],
    ['require_npc_kills', true, 'by NPCs'],
    ['require_awox', true, 'awox (by their own corporation or alliance)'],
    ['exclude_awox', true, 'not awox'],
    ['require_attacker_roles', ['111111111111111111'], 'attacked by a member with @FC'],
  ])('GIVEN %s = %j WHEN described THEN it reads "%s"', (key, value, text) => {
    expect(describeClause(key, value, names, { originSolarSystemId: SYSTEMS.huola })).toBe(text);
  });

  it('GIVEN no names and no origin WHEN described THEN ids and "the origin" stand in', () => {
    expect(describeClause('require_max_jumps', 5)).toBe('within 5 jumps of the origin');
    expect(describeClause('require_victim_alliances', [99000001])).toBe('victim in alliance #99000001');
  });

  it('GIVEN a key the registry does not know WHEN described THEN it describes itself instead of failing', () => {
    expect(describeClause('require_vibes', true)).toBe('require_vibes: true');
  });

  it('GIVEN a whole tracker WHEN described THEN its clauses form one sentence, skipping those that set nothing', () => {
    const validation = validateTracker({
      version: 1,
      name: 'Caps near home',
      origin_solar_system_id: SYSTEMS.huola,
      clauses: { require_max_jumps: 10, require_min_attackers: 20, require_regions: [], exclude_solo: false },
    });
    if (!validation.ok) throw new Error('fixture tracker invalid');
    expect(describeTracker(validation.tracker, names)).toBe(
      'Kills within 10 jumps of Huola, with at least 20 attackers',
    );
    expect(describeTracker({ ...validation.tracker, clauses: {} })).toBe('Every kill');
  });
});
