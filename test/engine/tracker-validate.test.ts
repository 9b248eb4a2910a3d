import { describe, expect, it } from 'vitest';
import { validateTracker, validateTrackers } from '../../src/engine/tracker/validate.ts';
import { miniUniverse } from '../fixtures/killmails/builder.ts';
import { SYSTEMS } from '../fixtures/killmails/mini-universe.ts';

const ROLE = '111111111111111111';

/** The problems of a tracker built from a valid base plus `fields`, as "key: message" lines. */
function problemsOf(fields: Record<string, unknown>, universe = miniUniverse): string[] {
  const result = validateTracker({ version: 1, name: 'Test', ...fields }, { universe });
  return result.ok ? [] : result.problems.map((problem) => `${problem.key}: ${problem.message}`);
}

function problemKeys(fields: Record<string, unknown>): string[] {
  const result = validateTracker({ version: 1, name: 'Test', ...fields }, { universe: miniUniverse });
  return result.ok ? [] : result.problems.map((problem) => problem.key);
}

describe('validateTracker: accepted trackers', () => {
  it('GIVEN the example from the tracker format WHEN validated THEN it is accepted as written', () => {
    const example = {
      version: 1,
      name: 'Caps near home',
      description: 'optional text',
      enabled: true,
      origin_solar_system_id: SYSTEMS.huola,
      max_age_minutes: 60,
      color: '#ff5500',
      title: 'optional: replaces the alert title',
      ping: { everyone: false, here: true, roles: ['1234567890'] },
      ppk: false,
      clauses: { require_max_jumps: 10, require_min_attackers: 20 },
    };
    expect(validateTracker(example, { universe: miniUniverse })).toEqual({ ok: true, tracker: example });
  });

  it('GIVEN only version and name WHEN validated THEN defaults fill the rest', () => {
    expect(validateTracker({ version: 1, name: '  Everything  ' })).toEqual({
      ok: true,
      tracker: {
        version: 1,
        name: 'Everything',
        enabled: true,
        ping: { everyone: false, here: false, roles: [] },
        ppk: false,
        clauses: {},
      },
    });
  });

  it('GIVEN repeated ids WHEN validated THEN each id is kept once, in order', () => {
    const result = validateTracker({
      version: 1,
      name: 'Dupes',
      ping: { roles: [ROLE, ROLE] },
      clauses: { require_regions: [10000038, 10000002, 10000038] },
    });
    expect(result.ok && result.tracker.clauses.require_regions).toEqual([10000038, 10000002]);
    expect(result.ok && result.tracker.ping.roles).toEqual([ROLE]);
  });

  it('GIVEN an origin of null WHEN validated THEN it is kept as "no origin"', () => {
    const result = validateTracker({ version: 1, name: 'No origin', origin_solar_system_id: null });
    expect(result.ok && result.tracker.origin_solar_system_id).toBeNull();
  });
});

describe('validateTracker: every problem at once', () => {
  it('GIVEN something that is not an object WHEN validated THEN one problem says what a tracker is', () => {
    expect(validateTracker([1, 2])).toEqual({
      ok: false,
      problems: [{ key: '', message: 'must be a tracker object ({"version": 1, ...}), got a list' }],
    });
  });

  it('GIVEN many mistakes WHEN validated THEN each is reported with its key', () => {
    const result = validateTracker({
      version: 2,
      color: 'orange',
      colour: '#ff0000',
      ping: { here: 'yes', roles: [12345] },
      clauses: { require_max_jumps: -1, require_min_value: 'lots', bogus: true },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((problem) => problem.key)).toEqual([
      'colour',
      'version',
      'name',
      'color',
      'ping.here',
      'ping.roles[0]',
      'clauses.require_max_jumps',
      'clauses.require_min_value',
      'clauses.bogus',
    ]);
  });

  it.each([
    [{ version: undefined }, 'version: missing: add "version": 1'],
    [{ version: 2 }, 'version: must be 1 (the only tracker format so far), got 2'],
    [{ name: '' }, 'name: must not be empty: write some text or leave the key out'],
    [{ name: 'x'.repeat(101) }, 'name: is 101 characters long; shorten it to 100 characters or fewer'],
    [{ name: 7 }, 'name: must be text, got 7'],
    [{ title: 'x'.repeat(257) }, 'title: is 257 characters long; shorten it to 256 characters or fewer'],
    [{ enabled: 'no' }, 'enabled: must be true or false, got "no"'],
    [{ ppk: 1 }, 'ppk: must be true or false, got 1'],
    [{ color: '#ff55' }, 'color: must be a colour like "#ff5500", got "#ff55"'],
    [
      { max_age_minutes: 0 },
      'max_age_minutes: must be a whole number of minutes from 1 to 10080 (7 days), got 0',
    ],
    [
      { max_age_minutes: 10_081 },
      'max_age_minutes: must be a whole number of minutes from 1 to 10080 (7 days), got 10081',
    ],
    [
      { origin_solar_system_id: 'Huola' },
      'origin_solar_system_id: must be a solar system id like 30003067, got "Huola"',
    ],
    [
      { origin_solar_system_id: 30999999 },
      'origin_solar_system_id: unknown solar system 30999999: pick a system from the loaded SDE (update the SDE if it is new)',
    ],
    [
      { ping: { roles: ['@here'] } },
      'ping.roles[0]: must be a Discord role id written as a string of digits, got "@here"',
    ],
    [{ ping: { channel: '1' } }, 'ping.channel: unknown key; ping has everyone, here, roles'],
    [
      { ping: true },
      'ping: must be an object like {"here": true, "roles": ["123456789012345678"]}, got true',
    ],
    [
      { clauses: [] },
      'clauses: must be an object of clause keys, e.g. {"require_min_attackers": 20}, got a list',
    ],
  ])('GIVEN %j WHEN validated THEN the problem is explained', (fields, expected) => {
    expect(problemsOf(fields)).toEqual([expected]);
  });

  it('GIVEN more than 100 ping roles WHEN validated THEN Discord limit is named', () => {
    const roles = Array.from({ length: 101 }, (_, index) => String(100000000000000000n + BigInt(index)));
    expect(problemsOf({ ping: { roles } })).toEqual([
      "ping.roles: pings at most 100 roles (Discord's limit), got 101: remove 1 of them, or ping a role those members share",
    ]);
  });

  it('GIVEN an unknown top-level key WHEN validated THEN the known keys are listed', () => {
    expect(problemsOf({ colour: '#ffffff' })[0]).toMatch(
      /^colour: unknown key; a tracker has version, name, /,
    );
  });

  it('GIVEN a clause key with a typo WHEN validated THEN a near key is suggested', () => {
    expect(problemsOf({ clauses: { max_jumps: 5 } })[0]).toMatch(
      /^clauses.max_jumps: unknown clause; did you mean `require_max_jumps`\?$/,
    );
  });
});

describe('validateTracker: clause values', () => {
  it.each([
    ['require_max_jumps', 2.5, 'must be a whole number >= 0, got 2.5'],
    ['require_max_jumps', -1, 'must be a whole number >= 0, got -1'],
    ['require_min_attackers', '20', 'must be a whole number >= 0, got "20"'],
    ['require_max_distance', -0.5, 'must be a number >= 0, got -0.5'],
    [
      'require_min_value',
      -5,
      'must be an amount of ISK >= 0 written out in full (1500000000 for 1.5b), got -5',
    ],
    ['exclude_high_sec', 'yes', 'must be true or false, got "yes"'],
    ['require_regions', 10000038, 'must be a list of region ids, e.g. [123], got 10000038'],
    [
      'require_attacker_alliances',
      [99000001, 'Goons'],
      'item 1 must be an alliance id (a whole number > 0), got "Goons"',
    ],
    ['require_victim_ship_types', [0], 'item 0 must be a ship type id (a whole number > 0), got 0'],
    [
      'require_attacker_roles',
      [1234567890],
      'item 0 must be a Discord role id written as a string of digits, e.g. "123456789012345678", got 1234567890',
    ],
    [
      'require_solar_systems',
      [SYSTEMS.sosala, 30999999],
      'unknown solar system id 30999999: pick solar systems from the loaded SDE (update the SDE if it is new)',
    ],
    [
      'exclude_regions',
      [19999998, 19999999],
      'unknown region ids 19999998, 19999999: pick regions from the loaded SDE (update the SDE if they are new)',
    ],
    [
      'require_constellations',
      [29999999],
      'unknown constellation id 29999999: pick constellations from the loaded SDE (update the SDE if it is new)',
    ],
  ])('GIVEN %s = %j WHEN validated THEN it is rejected', (key, value, message) => {
    expect(problemsOf({ origin_solar_system_id: SYSTEMS.huola, clauses: { [key]: value } })).toEqual([
      `clauses.${key}: ${message}`,
    ]);
  });

  it('GIVEN a limit of 1000 entries per list WHEN a list of 1001 ids or roles is validated THEN it is rejected, naming the setting', () => {
    const limited = (clauses: Record<string, unknown>) => {
      const result = validateTracker(
        { version: 1, name: 'Test', clauses },
        { universe: miniUniverse, maxListEntries: 1000 },
      );
      return result.ok ? [] : result.problems.map((problem) => `${problem.key}: ${problem.message}`);
    };
    const ids = Array.from({ length: 1001 }, (_, index) => index + 1);
    expect(limited({ require_attacker_characters: ids })).toEqual([
      "clauses.require_attacker_characters: lists at most 1000 ids, got 1001: split the tracker, or ask the bot's operator to raise MAX_LIST_ENTRIES_PER_CLAUSE",
    ]);
    const roles = ids.map((id) => String(100000000000000000 + id));
    expect(limited({ require_attacker_roles: roles })).toEqual([
      "clauses.require_attacker_roles: lists at most 1000 roles, got 1001: keep only the roles that matter, or ask the bot's operator to raise MAX_LIST_ENTRIES_PER_CLAUSE",
    ]);
    expect(limited({ require_attacker_characters: ids.slice(0, 1000) })).toEqual([]);
  });

  it('GIVEN no limit (a stored tracker loading, a replay) WHEN a long list is validated THEN only the engine ceiling of 100,000 applies', () => {
    const ids = Array.from({ length: 5000 }, (_, index) => index + 1);
    expect(problemsOf({ clauses: { require_attacker_characters: ids } })).toEqual([]);
    const tooMany = Array.from({ length: 100_001 }, (_, index) => index + 1);
    expect(problemsOf({ clauses: { require_attacker_characters: tooMany } })).toEqual([
      'clauses.require_attacker_characters: lists at most 100000 ids, got 100001: split the tracker',
    ]);
  });

  it('GIVEN unknown location ids WHEN validated without a universe THEN they are accepted', () => {
    const result = validateTracker({ version: 1, name: 'x', clauses: { require_solar_systems: [30999999] } });
    expect(result.ok).toBe(true);
  });
});

describe('validateTracker: clauses checked against each other', () => {
  it.each(['require_max_jumps', 'require_max_distance'])(
    'GIVEN %s without origin WHEN validated THEN the origin is asked for',
    (key) => {
      expect(problemsOf({ clauses: { [key]: 5 } })).toEqual([
        `clauses.${key}: needs an origin: set origin_solar_system_id to the system to count from`,
      ]);
    },
  );

  it('GIVEN an invalid origin and max jumps WHEN validated THEN only the origin is blamed', () => {
    expect(problemKeys({ origin_solar_system_id: -3, clauses: { require_max_jumps: 5 } })).toEqual([
      'origin_solar_system_id',
    ]);
  });

  it.each([
    ['require_min_attackers', 'require_max_attackers', 20, 10],
    ['require_min_value', 'require_max_value', 2e9, 1e9],
  ])(
    'GIVEN %s above %s WHEN validated THEN no killmail could match and it says so',
    (min, max, low, high) => {
      expect(problemsOf({ clauses: { [min]: low, [max]: high } })).toEqual([
        `clauses.${min}: is above ${max} (${high}): no killmail can match; lower it or raise the maximum`,
      ]);
    },
  );

  it('GIVEN equal min and max WHEN validated THEN it is accepted', () => {
    expect(problemsOf({ clauses: { require_min_attackers: 5, require_max_attackers: 5 } })).toEqual([]);
  });

  it('GIVEN the same ids required and excluded WHEN validated THEN the shared ids are named', () => {
    expect(
      problemsOf({
        clauses: { require_attacker_alliances: [1, 2, 3], exclude_attacker_alliances: [3, 2, 9] },
      }),
    ).toEqual([
      'clauses.exclude_attacker_alliances: 3, 2 are also in require_attacker_alliances: remove them from one of the two lists',
    ]);
  });

  it('GIVEN the same role required and excluded WHEN validated THEN it is reported', () => {
    expect(problemKeys({ clauses: { require_victim_roles: [ROLE], exclude_victim_roles: [ROLE] } })).toEqual([
      'clauses.exclude_victim_roles',
    ]);
  });

  it.each([
    ['require_npc_kills', 'exclude_npc_kills'],
    ['require_war_kills', 'exclude_war_kills'],
    ['require_solo', 'exclude_solo'],
  ])('GIVEN %s and %s both true WHEN validated THEN the contradiction is reported', (require, exclude) => {
    expect(problemsOf({ clauses: { [require]: true, [exclude]: true } })).toEqual([
      `clauses.${exclude}: contradicts ${require}: no killmail can be both; remove one of them`,
    ]);
  });

  it('GIVEN a require flag true and its exclude twin false WHEN validated THEN it is accepted', () => {
    expect(problemsOf({ clauses: { require_npc_kills: true, exclude_npc_kills: false } })).toEqual([]);
  });

  it('GIVEN every space class excluded WHEN validated THEN it is reported once', () => {
    const clauses = {
      exclude_high_sec: true,
      exclude_low_sec: true,
      exclude_null_sec: true,
      exclude_w_space: true,
      exclude_pochven: true,
      exclude_abyssal: true,
    };
    expect(problemsOf({ clauses })).toEqual([
      'clauses: excludes every space class, so no killmail can match: remove one of the exclude_* space clauses',
    ]);
    expect(problemsOf({ clauses: { ...clauses, exclude_abyssal: false } })).toEqual([]);
  });

  it('GIVEN the final-blow clause without organisations WHEN validated THEN it asks for them', () => {
    expect(problemsOf({ clauses: { require_attacker_organizations_final_blow: true } })).toEqual([
      'clauses.require_attacker_organizations_final_blow: needs require_attacker_alliances or require_attacker_corporations: the final blow is checked against them',
    ]);
  });
});

describe('validateTrackers', () => {
  it('GIVEN an array WHEN some trackers are invalid THEN problems carry the index and name', () => {
    const result = validateTrackers([
      { version: 1, name: 'Fine' },
      { version: 1, name: 'Broken', clauses: { require_max_jumps: 3 } },
      'nonsense',
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          key: '[1].clauses.require_max_jumps',
          message: 'needs an origin: set origin_solar_system_id to the system to count from',
          index: 1,
          name: 'Broken',
        },
        {
          key: '[2]',
          message: 'must be a tracker object ({"version": 1, ...}), got "nonsense"',
          index: 2,
          name: undefined,
        },
      ],
    });
  });

  it('GIVEN an array of valid trackers WHEN validated THEN all come back with defaults', () => {
    const result = validateTrackers([
      { version: 1, name: 'A' },
      { version: 1, name: 'B', enabled: false },
    ]);
    expect(result.ok && result.trackers.map((tracker) => [tracker.name, tracker.enabled])).toEqual([
      ['A', true],
      ['B', false],
    ]);
  });

  it('GIVEN a single object WHEN validated THEN keys are not prefixed', () => {
    const result = validateTrackers({ version: 1, name: 'Solo', color: 'red' });
    expect(result).toEqual({
      ok: false,
      problems: [
        { key: 'color', message: 'must be a colour like "#ff5500", got "red"', index: 0, name: 'Solo' },
      ],
    });
  });

  it('GIVEN a universe WHEN an array item has an unknown origin THEN it is reported', () => {
    const result = validateTrackers([{ version: 1, name: 'Far', origin_solar_system_id: 30999999 }], {
      universe: miniUniverse,
    });
    expect(!result.ok && result.problems[0]?.key).toBe('[0].origin_solar_system_id');
  });
});
