import { describe, expect, it } from 'vitest';
import { type CompiledTracker, compileTracker } from '../../src/engine/tracker/compile.ts';
import { createMatchScope } from '../../src/engine/tracker/match-scope.ts';
import type { MatchOptions } from '../../src/engine/tracker/types.ts';
import { validateTracker } from '../../src/engine/tracker/validate.ts';
import { attacker, IDS, KILL_TIME_MS, killmail, miniUniverse } from '../fixtures/killmails/builder.ts';
import { GROUPS, TYPES } from '../fixtures/killmails/mini-catalog.ts';
import { SYSTEMS } from '../fixtures/killmails/mini-universe.ts';

function compile(
  tracker: Record<string, unknown>,
  options: { guildId?: string; defaultMaxAgeMinutes?: number } = {},
) {
  const validation = validateTracker({ version: 1, name: 'test', ...tracker }, { universe: miniUniverse });
  if (!validation.ok) throw new Error(`fixture tracker invalid: ${JSON.stringify(validation.problems)}`);
  return compileTracker(validation.tracker, { universe: miniUniverse, ...options });
}

const jumpsTo = (compiled: CompiledTracker, system: number) => {
  const kill = killmail({ system });
  return compiled.jumps(kill, createMatchScope(kill, miniUniverse));
};

describe('compiled trackers: combined clauses', () => {
  it('GIVEN max 6 jumps from Huola WHEN a kill happens in Saikamon (6 jumps through high-sec) THEN it matches', () => {
    const compiled = compile({ origin_solar_system_id: SYSTEMS.huola, clauses: { require_max_jumps: 6 } });
    expect(compiled.matches(killmail({ system: SYSTEMS.saikamon }))).toBe(true);
    expect(jumpsTo(compiled, SYSTEMS.saikamon)).toBe(6);
  });

  it('GIVEN max 6 jumps AND exclude high-sec WHEN the only 6-jump route to Saikamon crosses high-sec THEN it does not match', () => {
    const compiled = compile({
      origin_solar_system_id: SYSTEMS.huola,
      clauses: { require_max_jumps: 6, exclude_high_sec: true },
    });
    expect(compiled.matches(killmail({ system: SYSTEMS.saikamon }))).toBe(false);
    expect(jumpsTo(compiled, SYSTEMS.saikamon)).toBe(7);
    expect(compiled.matches(killmail({ system: SYSTEMS.sosala }))).toBe(true);
  });

  it('GIVEN a high-sec origin AND exclude high-sec WHEN counting jumps THEN the route leaves the origin and avoids high-sec', () => {
    const compiled = compile({
      origin_solar_system_id: SYSTEMS.otelen,
      clauses: { require_max_jumps: 8, exclude_high_sec: true },
    });
    // Otelen -> Huola -> (low-sec route) -> Saikamon: 1 + 7.
    expect(jumpsTo(compiled, SYSTEMS.saikamon)).toBe(8);
    expect(compiled.matches(killmail({ system: SYSTEMS.saikamon }))).toBe(true);
    expect(compiled.matches(killmail({ system: SYSTEMS.otelen }))).toBe(false);
  });

  it('GIVEN jumps and distance limits WHEN a kill is unreachable by gates THEN it never matches and reports null', () => {
    const compiled = compile({
      origin_solar_system_id: SYSTEMS.huola,
      clauses: { require_max_jumps: 50 },
    });
    expect(compiled.matches(killmail({ system: SYSTEMS.thera }))).toBe(false);
    expect(compiled.matches(killmail({ system: 30999999 }))).toBe(false);
    expect(jumpsTo(compiled, SYSTEMS.jita)).toBeNull();
    expect(compiled.distanceLy(killmail({ system: SYSTEMS.thera }))).toBeNull();
  });

  it('GIVEN a tracker without origin WHEN it matches THEN jumps and distance are null', () => {
    const compiled = compile({ clauses: {} });
    expect(jumpsTo(compiled, SYSTEMS.sosala)).toBeNull();
    expect(compiled.distanceLy(killmail())).toBeNull();
  });

  it('GIVEN an origin WHEN distance is reported THEN it is the straight line in light years', () => {
    const compiled = compile({ origin_solar_system_id: SYSTEMS.huola });
    expect(compiled.distanceLy(killmail({ system: SYSTEMS.sosala }))).toBeCloseTo(1.3276, 3);
  });

  it('GIVEN caps near home (jumps, min attackers, ship groups, value) WHEN each fact fails in turn THEN only the full set matches', () => {
    const compiled = compile({
      origin_solar_system_id: SYSTEMS.huola,
      clauses: {
        require_max_jumps: 5,
        require_min_attackers: 2,
        require_attackers_ship_groups: [GROUPS.dreadnought, GROUPS.carrier],
        require_min_value: 1e9,
        exclude_npc_kills: true,
      },
    });
    const good = {
      system: SYSTEMS.sosala,
      attackers: [attacker({ ship: TYPES.naglfar }), attacker()],
      zkb: { totalValue: 3e9 },
    };
    expect(compiled.matches(killmail(good))).toBe(true);
    expect(compiled.matches(killmail({ ...good, system: SYSTEMS.haras }))).toBe(false);
    expect(compiled.matches(killmail({ ...good, attackers: [attacker({ ship: TYPES.naglfar })] }))).toBe(
      false,
    );
    expect(compiled.matches(killmail({ ...good, attackers: [attacker(), attacker()] }))).toBe(false);
    expect(compiled.matches(killmail({ ...good, zkb: { totalValue: 5e8 } }))).toBe(false);
    expect(compiled.matches(killmail({ ...good, zkb: { totalValue: 3e9, npc: true } }))).toBe(false);
  });

  it('GIVEN our alliance OR corporation must land the final blow WHEN our corporation does THEN it matches', () => {
    const compiled = compile({
      clauses: {
        require_attacker_alliances: [IDS.otherAlliance],
        require_attacker_corporations: [IDS.attackerCorporation],
        require_attacker_organizations_final_blow: true,
      },
    });
    const ours = attacker({ finalBlow: true });
    const allied = attacker({
      character: IDS.otherCharacter,
      alliance: IDS.otherAlliance,
      corporation: IDS.otherCorporation,
    });
    expect(compiled.matches(killmail({ attackers: [ours, allied] }))).toBe(true);
    const stranger = attacker({ character: 5, corporation: 98999999, alliance: 99999999, finalBlow: true });
    expect(
      compiled.matches(killmail({ attackers: [stranger, { ...ours, final_blow: false }, allied] })),
    ).toBe(false);
  });

  it('GIVEN value limits WHEN the value is outside them THEN it does not match', () => {
    const range = compile({ clauses: { require_min_value: 1e8, require_max_value: 1e9 } });
    expect(range.matches(killmail({ zkb: { totalValue: 5e8 } }))).toBe(true);
    expect(range.matches(killmail({ zkb: { totalValue: 5e7 } }))).toBe(false);
    expect(range.matches(killmail({ zkb: { totalValue: 2e9 } }))).toBe(false);
  });

  it('GIVEN empty lists and false flags WHEN compiled THEN they set no condition', () => {
    const compiled = compile({
      clauses: {
        require_regions: [],
        exclude_attacker_alliances: [],
        require_npc_kills: false,
        exclude_high_sec: false,
      },
    });
    expect(compiled.matches(killmail({ system: SYSTEMS.otelen }))).toBe(true);
    expect(compiled.anchor).toBeUndefined();
  });
});

describe('compiled trackers: age and links', () => {
  const old = KILL_TIME_MS;

  it('GIVEN max age 60 minutes WHEN the clock says the kill is 61 minutes old THEN it does not match', () => {
    const compiled = compile({ max_age_minutes: 60 });
    expect(compiled.matches(killmail(), { now: old + 59 * 60_000 })).toBe(true);
    expect(compiled.matches(killmail(), { now: old + 61 * 60_000 })).toBe(false);
  });

  it('GIVEN max age WHEN no clock is passed (replay) THEN age does not filter', () => {
    expect(compile({ max_age_minutes: 1 }).matches(killmail())).toBe(true);
  });

  it('GIVEN no max age on the tracker WHEN a default of 30 minutes applies THEN an hour-old kill is dropped', () => {
    const compiled = compile({}, { defaultMaxAgeMinutes: 30 });
    expect(compiled.matches(killmail(), { now: old + 60 * 60_000 })).toBe(false);
    expect(
      compile({ max_age_minutes: 120 }, { defaultMaxAgeMinutes: 30 }).matches(killmail(), {
        now: old + 60 * 60_000,
      }),
    ).toBe(true);
  });

  it('GIVEN a role clause WHEN no links are available THEN require never matches and exclude never excludes', () => {
    const role = '111111111111111111';
    const noLinks: MatchOptions = { linksFor: () => undefined };
    expect(compile({ clauses: { require_attacker_roles: [role] } }).matches(killmail(), noLinks)).toBe(false);
    expect(compile({ clauses: { exclude_attacker_roles: [role] } }).matches(killmail(), noLinks)).toBe(true);
    expect(compile({ clauses: { require_victim_roles: [role] } }).matches(killmail())).toBe(false);
  });

  it('GIVEN the guild id as role WHEN an attacker is linked to any member THEN it matches for that guild only', () => {
    const guild = '999999999999999999';
    const links = new Map([[IDS.attackerCharacter, ['333333333333333333']]]);
    const asked: Array<string | undefined> = [];
    const options: MatchOptions = {
      linksFor: (guildId) => {
        asked.push(guildId);
        return guildId === guild ? links : undefined;
      },
    };
    expect(
      compile({ clauses: { require_attacker_roles: [guild] } }, { guildId: guild }).matches(
        killmail(),
        options,
      ),
    ).toBe(true);
    expect(
      compile({ clauses: { require_attacker_roles: [guild] } }, { guildId: '888888888888888888' }).matches(
        killmail(),
        options,
      ),
    ).toBe(false);
    expect(asked).toEqual([guild, '888888888888888888']);
  });
});

describe('compiled trackers: reports', () => {
  it('GIVEN ship clauses WHEN a kill matches THEN the attacker ship types that satisfied them are reported once each', () => {
    const compiled = compile({
      clauses: {
        require_attackers_ship_groups: [GROUPS.dreadnought],
        require_attackers_ship_types: [TYPES.sabre],
      },
    });
    const kill = killmail({
      attackers: [
        attacker({ ship: TYPES.naglfar }),
        attacker({ ship: TYPES.hurricane }),
        attacker({ ship: TYPES.sabre }),
        attacker({ ship: TYPES.naglfar }),
      ],
    });
    expect(compiled.matchedShipTypeIds(kill)).toEqual([TYPES.naglfar, TYPES.sabre]);
  });

  it('GIVEN no ship clause WHEN reported THEN no ship types are listed', () => {
    expect(compile({}).matchedShipTypeIds(killmail())).toEqual([]);
  });

  it('GIVEN several indexable clauses WHEN compiled THEN the most selective one anchors the tracker', () => {
    const compiled = compile({
      origin_solar_system_id: SYSTEMS.huola,
      clauses: {
        require_regions: [10000038],
        require_max_jumps: 4,
        require_victim_characters: [IDS.victimCharacter],
      },
    });
    expect(compiled.anchor).toEqual({ kind: 'ids', fact: 'victim_character', ids: [IDS.victimCharacter] });
  });
});
