// The screen: the clauses the matcher checks as numbers instead of calling their tests must mean exactly
// what their tests mean, alone and combined, and a compiled tracker leaves only the rest to its tests.
import { describe, expect, it } from 'vitest';
import { CLAUSE_DEFINITIONS } from '../../src/engine/clauses/registry.ts';
import type { ClauseValue } from '../../src/engine/clauses/types.ts';
import type { Killmail } from '../../src/engine/killmail/types.ts';
import { compileTracker } from '../../src/engine/tracker/compile.ts';
import { createMatchScope } from '../../src/engine/tracker/match-scope.ts';
import {
  narrowScreen,
  openScreen,
  passesScreen,
  ScreenedKill,
  ScreenTable,
} from '../../src/engine/tracker/screen.ts';
import { validateTracker } from '../../src/engine/tracker/validate.ts';
import {
  attacker,
  IDS,
  KILL_TIME_MS,
  type KillmailSpec,
  killmail,
  miniUniverse,
} from '../fixtures/killmails/builder.ts';
import { SYSTEMS } from '../fixtures/killmails/mini-universe.ts';

const pilots = (count: number) =>
  Array.from({ length: count }, (_, index) => attacker({ character: 2112400000 + index }));

/** Kills covering every screened fact: each space class, kill kinds, priced or not, attacker counts. */
const KILLS: Array<[string, KillmailSpec]> = [
  ['a low-sec solo kill worth 10m', { zkb: { solo: true } }],
  ['a high-sec NPC kill', { system: SYSTEMS.otelen, zkb: { npc: true } }],
  ['a null-sec war kill by 12', { system: SYSTEMS.kbp7g, warId: 7, attackers: pilots(12) }],
  ['an unpriced w-space kill', { system: SYSTEMS.thera, unpriced: true }],
  ['an abyssal awox kill worth 2b', { system: SYSTEMS.ad001, zkb: { awox: true, totalValue: 2e9 } }],
  ['a Pochven kill worth nothing', { system: SYSTEMS.otela, zkb: { totalValue: 0 } }],
  ['a kill in a void system', { system: SYSTEMS.v001, attackers: pilots(3) }],
];

/** Values for a screened clause: flags on, and numbers around the kills' values and attacker counts. */
function valuesFor(valueKind: string): ClauseValue[] {
  if (valueKind === 'flag') return [true];
  if (valueKind === 'isk') return [0, 5_000_000, 10_000_000, 20_000_000, 2e9, 3e9];
  return [0, 1, 2, 3, 11, 12, 13];
}

const screened = CLAUSE_DEFINITIONS.filter((definition) => definition.screen !== undefined);

function screenOf(entries: ReadonlyArray<[(typeof screened)[number], ClauseValue]>, maxAgeMs = Infinity) {
  const screen = openScreen(maxAgeMs);
  for (const [definition, value] of entries) narrowScreen(screen, definition.screen!, value);
  return screen;
}

function clauseHolds(definition: (typeof screened)[number], value: ClauseValue, kill: Killmail): boolean {
  const test = definition.compile(value, {
    universe: miniUniverse,
    originSolarSystemId: undefined,
    clauses: {},
    guildId: undefined,
    routeJumps: () => -1,
  });
  return test === null || test(kill, createMatchScope(kill, miniUniverse));
}

describe('tracker screen', () => {
  it('GIVEN the registry THEN the value, attacker, kind and space-class clauses are screened', () => {
    expect(screened.map((definition) => definition.key).sort()).toEqual(
      [
        'exclude_abyssal',
        'exclude_awox',
        'require_awox',
        'exclude_high_sec',
        'exclude_low_sec',
        'exclude_npc_kills',
        'exclude_null_sec',
        'exclude_pochven',
        'exclude_solo',
        'exclude_w_space',
        'exclude_war_kills',
        'require_max_attackers',
        'require_max_value',
        'require_min_attackers',
        'require_min_value',
        'require_npc_kills',
        'require_solo',
        'require_war_kills',
      ].sort(),
    );
  });

  describe.each(screened.map((definition) => [definition.key, definition] as const))(
    '%s',
    (_key, definition) => {
      it.each(KILLS)(
        'GIVEN %s THEN the screen agrees with the clause test for every value',
        (_name, spec) => {
          const kill = killmail(spec);
          for (const value of valuesFor(definition.valueKind)) {
            const screen = screenOf([[definition, value]]);
            expect(passesScreen(screen, new ScreenedKill(kill, undefined)), `value ${String(value)}`).toBe(
              clauseHolds(definition, value, kill),
            );
          }
        },
      );
    },
  );

  it('GIVEN pairs of screened clauses WHEN laid out in a table THEN every row agrees with both clause tests', () => {
    const pairs: Array<[(typeof screened)[number], ClauseValue, (typeof screened)[number], ClauseValue]> = [];
    for (const first of screened) {
      for (const second of screened) {
        for (const a of valuesFor(first.valueKind))
          pairs.push([first, a, second, valuesFor(second.valueKind)[2] ?? true]);
      }
    }
    const rows = pairs.map(([first, a, second, b], ordinal) => ({
      ordinal,
      screen: screenOf([
        [first, a],
        [second, b],
      ]),
    }));
    const table = new ScreenTable(rows, rows.length);
    for (const [, spec] of KILLS) {
      const kill = killmail(spec);
      const facts = new ScreenedKill(kill, undefined);
      pairs.forEach(([first, a, second, b], ordinal) => {
        const expected = clauseHolds(first, a, kill) && clauseHolds(second, b, kill);
        expect(table.passes(ordinal, facts), `${first.key}=${String(a)} ${second.key}=${String(b)}`).toBe(
          expected,
        );
        expect(passesScreen(rows[ordinal]!.screen, facts)).toBe(expected);
      });
    }
  });

  it('GIVEN a max age WHEN the kill is older, younger, or no clock is given THEN only the older kill is screened out', () => {
    const kill = killmail();
    const table = new ScreenTable([{ ordinal: 0, screen: openScreen(60 * 60_000) }], 1);
    expect(table.passes(0, new ScreenedKill(kill, KILL_TIME_MS + 61 * 60_000))).toBe(false);
    expect(table.passes(0, new ScreenedKill(kill, KILL_TIME_MS + 60 * 60_000))).toBe(true);
    expect(table.passes(0, new ScreenedKill(kill, undefined))).toBe(true);
  });
});

describe('compiled tracker: screen and remaining tests', () => {
  function compile(clauses: Record<string, unknown>) {
    const validation = validateTracker({ version: 1, name: 'screen', clauses }, { universe: miniUniverse });
    if (!validation.ok) throw new Error(`fixture tracker invalid: ${JSON.stringify(validation.problems)}`);
    return compileTracker(validation.tracker, { universe: miniUniverse });
  }

  it('GIVEN a victim alliance with screened conditions WHEN compiled THEN nothing is left to test after the index, yet the full test checks the alliance', () => {
    const compiled = compile({
      require_victim_alliances: [IDS.victimAlliance],
      exclude_npc_kills: true,
      require_min_value: 5_000_000,
    });
    expect(compiled.anchor).toEqual({ kind: 'ids', fact: 'victim_alliance', ids: [IDS.victimAlliance] });
    expect(compiled.unscreened).toBeNull();
    expect(compiled.screen).toMatchObject({ minValue: 5_000_000 });
    expect(compiled.matches(killmail())).toBe(true);
    expect(compiled.matches(killmail({ victim: { alliance_id: IDS.otherAlliance } }))).toBe(false);
    expect(compiled.matches(killmail({ zkb: { npc: true } }))).toBe(false);
    expect(compiled.matches(killmail({ unpriced: true }))).toBe(false);
  });

  it('GIVEN no indexable clause WHEN compiled THEN its remaining tests are all its unscreened clauses', () => {
    const compiled = compile({ exclude_attacker_alliances: [IDS.otherAlliance], exclude_npc_kills: true });
    expect(compiled.anchor).toBeUndefined();
    const kill = killmail({ attackers: [attacker(), attacker({ alliance: IDS.otherAlliance })] });
    const scope = createMatchScope(kill, miniUniverse);
    expect(compiled.unscreened?.(kill, scope)).toBe(false);
    expect(compiled.matches(kill)).toBe(false);
    expect(compiled.matches(killmail({ attackers: [attacker(), attacker()] }))).toBe(true);
  });

  it('GIVEN a minimum attacker count and no place, entity or value WHEN compiled THEN it is indexed by that minimum', () => {
    const compiled = compile({ exclude_attacker_alliances: [IDS.otherAlliance], require_min_attackers: 2 });
    expect(compiled.anchor).toEqual({ kind: 'min_attackers', minAttackers: 2 });
    const kill = killmail({ attackers: [attacker(), attacker({ alliance: IDS.otherAlliance })] });
    const scope = createMatchScope(kill, miniUniverse);
    expect(compiled.unscreened?.(kill, scope)).toBe(false);
    expect(compiled.matches(killmail({ attackers: [attacker(), attacker()] }))).toBe(true);
  });
});
