import { describe, expect, it } from 'vitest';
import { findMainGroup, findMainShipGroup, mainThreshold } from '../../src/engine/fleet.ts';
import { attacker, IDS, killmail, npcAttacker } from '../fixtures/killmails/builder.ts';
import { GROUPS, TYPES } from '../fixtures/killmails/mini-catalog.ts';

const pilots = (count: number, spec: Parameters<typeof attacker>[0]) =>
  Array.from({ length: count }, (_, index) => attacker({ character: 2112100000 + index, ...spec }));

describe('main group and main ship class', () => {
  it('GIVEN attacker counts WHEN the threshold is computed THEN it is max(2, 25% of attackers)', () => {
    expect(mainThreshold(1)).toBe(2);
    expect(mainThreshold(8)).toBe(2);
    expect(mainThreshold(20)).toBe(5);
  });

  it('GIVEN 6 of 10 attackers in one alliance WHEN detected THEN that alliance is the main group', () => {
    const kill = killmail({
      attackers: [
        ...pilots(6, {}),
        ...pilots(4, { alliance: IDS.otherAlliance, corporation: IDS.otherCorporation }),
      ],
    });
    expect(findMainGroup(kill)).toEqual({ kind: 'alliance', id: IDS.attackerAlliance, count: 6 });
  });

  it('GIVEN a one-corporation alliance WHEN alliance and corporation tie THEN the alliance wins', () => {
    const kill = killmail({ attackers: pilots(3, {}) });
    expect(findMainGroup(kill)).toEqual({ kind: 'alliance', id: IDS.attackerAlliance, count: 3 });
  });

  it('GIVEN a corporation without alliance bigger than any alliance WHEN detected THEN the corporation wins', () => {
    const kill = killmail({
      attackers: [...pilots(5, { alliance: undefined, corporation: IDS.otherCorporation }), ...pilots(3, {})],
    });
    expect(findMainGroup(kill)).toEqual({ kind: 'corporation', id: IDS.otherCorporation, count: 5 });
  });

  it('GIVEN no group reaching 25% WHEN detected THEN there is no main group', () => {
    const attackers = Array.from({ length: 12 }, (_, index) =>
      attacker({
        character: 2112200000 + index,
        corporation: 98100000 + (index % 6),
        alliance: 99100000 + (index % 6),
      }),
    );
    expect(findMainGroup(killmail({ attackers }))).toBeNull();
  });

  it('GIVEN a solo kill WHEN detected THEN one attacker is never a main group or ship class', () => {
    const kill = killmail({ attackers: [attacker()] });
    expect(findMainGroup(kill)).toBeNull();
    expect(findMainShipGroup(kill)).toBeNull();
  });

  it('GIVEN 5 of 8 attackers in battlecruisers WHEN detected THEN that is the main ship class', () => {
    const kill = killmail({
      attackers: [
        ...pilots(3, { ship: TYPES.hurricane }),
        ...pilots(2, { ship: TYPES.drake }),
        ...pilots(2, { ship: TYPES.sabre }),
        npcAttacker(),
      ],
    });
    expect(findMainShipGroup(kill)).toEqual({ groupId: GROUPS.combatBattlecruiser, count: 5 });
  });

  it('GIVEN no ship class reaching the threshold WHEN detected THEN there is no main ship class', () => {
    const kill = killmail({
      attackers: [
        attacker({ ship: TYPES.hurricane }),
        attacker({ ship: TYPES.sabre }),
        attacker({ ship: TYPES.rifter }),
        attacker({ ship: TYPES.stabber }),
      ],
    });
    expect(findMainShipGroup(kill)).toBeNull();
  });
});
