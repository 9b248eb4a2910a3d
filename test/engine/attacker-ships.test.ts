// The attacker ship types a match reports: first seen first, each once, the same whether the attackers'
// ships index is shared through a match scope or built afresh.
import { describe, expect, it } from 'vitest';
import type { Killmail } from '../../src/engine/killmail/types.ts';
import { createMatcher } from '../../src/engine/matcher.ts';
import { attackerShipsOf, reportedShipTypes, shipListOf } from '../../src/engine/tracker/attacker-ships.ts';
import { createMatchScope } from '../../src/engine/tracker/match-scope.ts';
import { attacker, killmail, miniUniverse, npcAttacker } from '../fixtures/killmails/builder.ts';
import { GROUPS, TYPES } from '../fixtures/killmails/mini-catalog.ts';

const fight = killmail({
  attackers: [
    attacker({ ship: TYPES.hurricane }),
    attacker({ ship: TYPES.naglfar }),
    attacker({ ship: undefined }),
    npcAttacker(TYPES.stabber),
    attacker({ ship: TYPES.sabre }),
    attacker({ ship: TYPES.drake }),
    attacker({ ship: TYPES.naglfar }),
    attacker({ ship: TYPES.vexor }),
  ],
});

function reported(types: number[], groups: number[], kill: Killmail = fight): number[][] {
  const list = shipListOf(types, groups);
  const scope = createMatchScope(kill, miniUniverse);
  // Twice through the same scope: the second read comes from the index the first one built.
  return [
    reportedShipTypes(attackerShipsOf(kill), list),
    reportedShipTypes(scope.shared(attackerShipsOf), list),
    reportedShipTypes(scope.shared(attackerShipsOf), list),
  ];
}

describe('attacker ship reports', () => {
  it('GIVEN listed types and groups WHEN attackers fly them THEN each satisfying type is listed once, first seen first', () => {
    for (const answer of reported(
      [TYPES.vexor, TYPES.sabre],
      [GROUPS.combatBattlecruiser, GROUPS.dreadnought],
    )) {
      expect(answer).toEqual([TYPES.hurricane, TYPES.naglfar, TYPES.sabre, TYPES.drake, TYPES.vexor]);
    }
  });

  it('GIVEN a type listed both by itself and through its group WHEN reported THEN it appears once', () => {
    for (const answer of reported([TYPES.drake], [GROUPS.combatBattlecruiser])) {
      expect(answer).toEqual([TYPES.hurricane, TYPES.drake]);
    }
  });

  it('GIVEN ships nobody flew WHEN reported THEN nothing is listed', () => {
    for (const answer of reported([TYPES.nyx], [GROUPS.carrier])) expect(answer).toEqual([]);
  });

  it('GIVEN trackers with and without ship clauses WHEN matched together THEN each reports its own ships', () => {
    const matcher = createMatcher({ universe: miniUniverse });
    const base = {
      version: 1 as const,
      enabled: true,
      ping: { everyone: false, here: false, roles: [] },
      ppk: false,
    };
    matcher.set('groups', {
      ...base,
      name: 'groups',
      clauses: { require_attackers_ship_groups: [GROUPS.dreadnought] },
    });
    matcher.set('none', { ...base, name: 'none', clauses: {} });
    matcher.set('types', {
      ...base,
      name: 'types',
      clauses: { require_attackers_ship_types: [TYPES.vexor, TYPES.sabre] },
    });
    expect(matcher.match(fight).map((match) => [match.trackerKey, match.matchedShipTypeIds])).toEqual([
      ['groups', [TYPES.naglfar]],
      ['none', []],
      ['types', [TYPES.sabre, TYPES.vexor]],
    ]);
  });
});
