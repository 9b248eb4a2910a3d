import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/engine/matcher.ts';
import { compileTracker } from '../../src/engine/tracker/compile.ts';
import { createMatchScope } from '../../src/engine/tracker/match-scope.ts';
import type { TrackerDefinition } from '../../src/engine/tracker/types.ts';
import { InvalidTrackerError, validateTracker } from '../../src/engine/tracker/validate.ts';
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

function tracker(name: string, fields: Partial<TrackerDefinition> = {}): TrackerDefinition {
  return {
    version: 1,
    name,
    enabled: true,
    ping: { everyone: false, here: false, roles: [] },
    ppk: false,
    clauses: {},
    ...fields,
  };
}

const names = (matches: ReadonlyArray<{ tracker: TrackerDefinition }>) =>
  matches.map((match) => match.tracker.name);

describe('matcher registration', () => {
  it('GIVEN trackers set in an order WHEN a killmail matches several THEN they come back in that order', () => {
    const matcher = createMatcher({ universe: miniUniverse });
    matcher.set('c', tracker('Low-sec', { clauses: { exclude_high_sec: true } }));
    matcher.set('a', tracker('Sosala', { clauses: { require_solar_systems: [SYSTEMS.sosala] } }));
    matcher.set('b', tracker('Everything'));
    expect(names(matcher.match(killmail()))).toEqual(['Low-sec', 'Sosala', 'Everything']);
    expect(matcher.match(killmail()).map((match) => match.trackerKey)).toEqual(['c', 'a', 'b']);
  });

  it('GIVEN a tracker replaced under its key WHEN matching THEN the new definition applies at the old position', () => {
    const matcher = createMatcher({ universe: miniUniverse });
    matcher.set('1', tracker('First'));
    matcher.set('2', tracker('Second'));
    matcher.set(
      '1',
      tracker('First, now Haras only', { clauses: { require_solar_systems: [SYSTEMS.haras] } }),
    );
    expect(names(matcher.match(killmail({ system: SYSTEMS.sosala })))).toEqual(['Second']);
    expect(names(matcher.match(killmail({ system: SYSTEMS.haras })))).toEqual([
      'First, now Haras only',
      'Second',
    ]);
    expect(matcher.size).toBe(2);
  });

  it('GIVEN one tracker changed WHEN matching again THEN the others keep their compiled definition', () => {
    const matcher = createMatcher({ universe: miniUniverse });
    matcher.set('1', tracker('Stays'));
    matcher.set('2', tracker('Changes'));
    const before = matcher.match(killmail())[0]!.tracker;
    matcher.set('2', tracker('Changed'));
    const after = matcher.match(killmail());
    expect(after[0]!.tracker).toBe(before);
    expect(names(after)).toEqual(['Stays', 'Changed']);
  });

  it('GIVEN remove and clear WHEN matching THEN removed trackers no longer match', () => {
    const matcher = createMatcher({ universe: miniUniverse });
    matcher.set('1', tracker('One'));
    matcher.set('2', tracker('Two'));
    expect(matcher.remove('1')).toBe(true);
    expect(matcher.remove('1')).toBe(false);
    expect(matcher.has('1')).toBe(false);
    expect(names(matcher.match(killmail()))).toEqual(['Two']);
    matcher.clear();
    expect(matcher.size).toBe(0);
    expect(matcher.match(killmail())).toEqual([]);
  });

  it('GIVEN a disabled tracker WHEN matching THEN it never matches but stays registered', () => {
    const matcher = createMatcher({ universe: miniUniverse });
    matcher.set('off', tracker('Off', { enabled: false }));
    expect(matcher.match(killmail())).toEqual([]);
    expect(matcher.size).toBe(1);
  });

  it('GIVEN an invalid definition under an existing key WHEN set THEN it throws with every problem and drops the old one', () => {
    const matcher = createMatcher({ universe: miniUniverse });
    matcher.set('1', tracker('Good'));
    const broken = tracker('Broken', {
      origin_solar_system_id: 30999999,
      clauses: { require_max_jumps: -2 },
    });
    expect(() => matcher.set('1', broken)).toThrowError(InvalidTrackerError);
    try {
      matcher.set('1', broken);
    } catch (error) {
      expect((error as InvalidTrackerError).problems.map((problem) => problem.key)).toEqual([
        'origin_solar_system_id',
        'clauses.require_max_jumps',
      ]);
      expect((error as Error).message).toMatch(/^Tracker "Broken" is invalid; fix it and save it again: /);
    }
    expect(matcher.has('1')).toBe(false);
    expect(matcher.match(killmail())).toEqual([]);
  });

  it('GIVEN trackers of two guilds with role clauses WHEN matching THEN each reads its own guild links', () => {
    const role = '111111111111111111';
    const matcher = createMatcher({ universe: miniUniverse });
    matcher.set('x', tracker('Guild X', { clauses: { require_attacker_roles: [role] } }), {
      guildId: '1000000000000000001',
    });
    matcher.set('y', tracker('Guild Y', { clauses: { require_attacker_roles: [role] } }), {
      guildId: '1000000000000000002',
    });
    const links = new Map([[IDS.attackerCharacter, [role]]]);
    const matches = matcher.match(killmail(), {
      linksFor: (guildId) => (guildId === '1000000000000000002' ? links : undefined),
    });
    expect(names(matches)).toEqual(['Guild Y']);
  });

  it('GIVEN a max age WHEN the clock passed makes the kill too old THEN it is filtered; without a clock it is not', () => {
    const matcher = createMatcher({ universe: miniUniverse, defaultMaxAgeMinutes: 60 });
    matcher.set('1', tracker('Fresh only'));
    const kill = killmail();
    expect(matcher.match(kill, { now: kill.time + 2 * 3_600_000 })).toEqual([]);
    expect(names(matcher.match(kill))).toEqual(['Fresh only']);
  });
});

describe('matcher reports', () => {
  it('GIVEN a fleet kill near the origin WHEN matched THEN jumps, distance, main group, main class and ship types are reported', () => {
    const matcher = createMatcher({ universe: miniUniverse });
    matcher.set(
      'caps',
      tracker('Caps near home', {
        origin_solar_system_id: SYSTEMS.huola,
        clauses: { require_max_jumps: 5, require_attackers_ship_groups: [GROUPS.dreadnought] },
      }),
    );
    const pilots = Array.from({ length: 5 }, (_, index) =>
      attacker({ character: 2112400000 + index, ship: index < 2 ? TYPES.naglfar : TYPES.hurricane }),
    );
    const [match] = matcher.match(
      killmail({ system: SYSTEMS.sosala, attackers: [...pilots, npcAttacker()] }),
    );
    expect(match).toMatchObject({
      trackerKey: 'caps',
      jumps: 3,
      mainGroup: { kind: 'alliance', id: IDS.attackerAlliance, count: 5 },
      mainShipGroup: { groupId: GROUPS.combatBattlecruiser, count: 3 },
      matchedShipTypeIds: [TYPES.naglfar],
    });
    expect(match!.distanceLy).toBeCloseTo(1.3276, 3);
  });

  it('GIVEN a tracker without origin WHEN matched THEN jumps and distance are null', () => {
    const matcher = createMatcher({ universe: miniUniverse });
    matcher.set('1', tracker('All'));
    expect(matcher.match(killmail())[0]).toMatchObject({
      jumps: null,
      distanceLy: null,
      mainGroup: null,
      matchedShipTypeIds: [],
    });
  });

  it('GIVEN a tracker listing two alliances both on the kill WHEN matched THEN it is reported once', () => {
    const matcher = createMatcher({ universe: miniUniverse });
    matcher.set(
      '1',
      tracker('Both', { clauses: { require_attacker_alliances: [IDS.attackerAlliance, IDS.otherAlliance] } }),
    );
    const kill = killmail({ attackers: [attacker(), attacker({ alliance: IDS.otherAlliance })] });
    expect(names(matcher.match(kill))).toEqual(['Both']);
  });
});

describe('matcher index', () => {
  /** A deterministic pseudo-random source, so a failure can be replayed. */
  function random(seed: number) {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
  }

  it('GIVEN 400 generated trackers WHEN 200 generated kills are matched THEN the index finds exactly what testing every tracker finds, with the same jumps and light years', () => {
    const next = random(7);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const systems = Object.values(SYSTEMS);
    const alliances = [IDS.attackerAlliance, IDS.otherAlliance, IDS.victimAlliance, 99000401];
    const ships = [TYPES.rifter, TYPES.hurricane, TYPES.naglfar, TYPES.sabre, TYPES.capsule];
    const options = [
      () => ({ require_max_jumps: Math.floor(next() * 8) }),
      () => ({ require_max_distance: next() * 6 }),
      () => ({ require_solar_systems: [pick(systems), pick(systems)] }),
      () => ({ require_regions: [pick([10000038, 10000002, 10000047])] }),
      () => ({ require_attacker_alliances: [pick(alliances), pick(alliances)] }),
      () => ({ require_victim_alliances: [pick(alliances)] }),
      () => ({ require_attackers_ship_types: [pick(ships)] }),
      () => ({ exclude_high_sec: true }),
      () => ({ require_min_value: Math.floor(next() * 1e9) }),
      () => ({}),
    ];
    const definitions: TrackerDefinition[] = [];
    for (let index = 0; index < 400; index++) {
      const clauses = { ...pick(options)(), ...pick(options)() };
      const candidate = {
        version: 1,
        name: `t${index}`,
        origin_solar_system_id: pick([SYSTEMS.huola, SYSTEMS.otelen, SYSTEMS.haras, SYSTEMS.kbp7g]),
        clauses,
      };
      const validation = validateTracker(candidate, { universe: miniUniverse });
      if (validation.ok) definitions.push(validation.tracker);
    }
    const matcher = createMatcher({ universe: miniUniverse });
    for (const [index, definition] of definitions.entries()) matcher.set(String(index), definition);
    const compiled = definitions.map((definition) => compileTracker(definition, { universe: miniUniverse }));

    let total = 0;
    for (let kill = 0; kill < 200; kill++) {
      const spec: KillmailSpec = {
        system: pick(systems),
        victim: { alliance_id: pick(alliances), ship_type_id: pick(ships) },
        attackers: [
          attacker({ alliance: pick(alliances), ship: pick(ships) }),
          attacker({ alliance: pick(alliances) }),
        ],
        zkb: { totalValue: next() * 1e9 },
      };
      const normalized = killmail(spec);
      const scope = createMatchScope(normalized, miniUniverse);
      const expected = compiled.flatMap((entry, index) =>
        entry.matches(normalized)
          ? [[String(index), entry.jumps(normalized, scope), entry.distanceLy(normalized)]]
          : [],
      );
      const found = matcher
        .match(normalized)
        .map((match) => [match.trackerKey, match.jumps, match.distanceLy]);
      expect(found).toEqual(expected);
      total += found.length;
    }
    // The comparison means something only if both matches and misses happened.
    expect(total).toBeGreaterThan(1000);
    expect(total).toBeLessThan(definitions.length * 200);
  });
});
