import { describe, expect, it } from 'vitest';
import { CLAUSE_KEYS, validateTracker } from '../../src/engine/index.ts';
import { didYouMean, nearestKeys } from '../../src/engine/tracker/nearest-keys.ts';

describe('nearest clause keys for a mistyped one', () => {
  it.each([
    ['require_min_valu', ['require_min_value']],
    ['requir_min_value', ['require_min_value']],
    ['require_minimum_value', ['require_min_value']],
    ['exclude_highsec', ['exclude_high_sec']],
    ['require_attacker_alliance', ['require_attacker_alliances']],
    ['max_jump', ['require_max_jumps']],
    ['value', ['require_max_value', 'require_min_value']],
  ])('GIVEN %j THEN it suggests %j', (typed, expected) => {
    expect(nearestKeys(typed, CLAUSE_KEYS)).toEqual(expected);
  });

  it.each(['no_such_clause', 'npc', 'x', ''])(
    'GIVEN %j, close to nothing THEN it suggests nothing',
    (typed) => {
      expect(nearestKeys(typed, CLAUSE_KEYS)).toEqual([]);
    },
  );

  it('GIVEN several near keys THEN the hint names them all, nearest first', () => {
    expect(didYouMean('solo', CLAUSE_KEYS)).toBe('did you mean `exclude_solo` or `require_solo`?');
    expect(didYouMean('zzzz', CLAUSE_KEYS)).toBeUndefined();
  });

  it('GIVEN a tracker with a mistyped clause and top-level key WHEN validated THEN each problem suggests the key', () => {
    const result = validateTracker({
      version: 1,
      name: 'Typos',
      colour: '#ff5500',
      clauses: { require_min_valu: 1_000_000 },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((problem) => `${problem.key}: ${problem.message}`)).toEqual([
      expect.stringMatching(/^colour: unknown key; a tracker has .*; did you mean `color`\?$/),
      'clauses.require_min_valu: unknown clause; did you mean `require_min_value`?',
    ]);
  });
});
