import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCliCapture } from '../helpers/cli.ts';
import { useMigratedDataDir } from '../helpers/data-dir.ts';

const GUILD = '123456789012345678';
const CHANNEL = '223456789012345678';

const caps = {
  version: 1,
  name: 'Caps near home',
  clauses: { require_min_attackers: 20, require_min_value: 1_000_000_000 },
};

describe('killtracker trackers import | export | list', () => {
  const dataDir = useMigratedDataDir('kt-trackers-');
  let env: NodeJS.ProcessEnv;
  const file = (name: string, value: unknown) => {
    const path = join(dataDir(), name);
    writeFileSync(path, JSON.stringify(value));
    return path;
  };
  beforeEach(() => {
    env = { DATA_DIR: dataDir() };
  });

  it('imports a file, lists it and exports the same definitions back', async () => {
    const imported = await runCliCapture(
      [
        'trackers',
        'import',
        file('t.json', [caps, { version: 1, name: 'Solo', clauses: { require_solo: true } }]),
        '--guild',
        GUILD,
        '--channel',
        CHANNEL,
      ],
      env,
    );
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out[0]!)).toMatchObject({ imported: 2 });

    const listed = await runCliCapture(['trackers', 'list', '--guild', GUILD], env);
    expect(listed.out.map((line) => JSON.parse(line))).toMatchObject([
      { name: 'Caps near home', channel: CHANNEL, enabled: true, clauses: 2 },
      { name: 'Solo', enabled: true, clauses: 1 },
    ]);

    const exported = await runCliCapture(['trackers', 'export', '--guild', GUILD], env);
    const definitions = JSON.parse(exported.out.join('\n'));
    expect(definitions.map((d: { name: string }) => d.name)).toEqual(['Caps near home', 'Solo']);
    expect(definitions[0].clauses).toEqual(caps.clauses);

    const roundTrip = await runCliCapture(
      [
        'trackers',
        'import',
        file('back.json', definitions),
        '--guild',
        '323456789012345678',
        '--channel',
        CHANNEL,
      ],
      env,
    );
    expect(JSON.parse(roundTrip.out[0]!)).toMatchObject({ imported: 2 });
  });

  it('GIVEN a tracker stored as jsonb WHEN exported THEN its keys, pings and clauses read in the documented order', async () => {
    // Written in an order jsonb does not keep (it stores shorter keys first).
    const tracker = {
      clauses: { require_min_value: 1_000_000_000, require_max_jumps: 10, require_solo: true },
      fight_report: true,
      ppk: false,
      digest_hour: 18,
      digest: 'daily',
      ping_cooldown_minutes: 10,
      ping_rules: [
        { ping: { roles: ['1234567890'], here: false, everyone: true }, min_attackers: 30, min_value: 2e10 },
      ],
      ping: { roles: [], here: true, everyone: false },
      title: '{ship} down in {system}',
      color: '#ff5500',
      max_age_minutes: 60,
      origin_solar_system_id: 30003067,
      enabled: true,
      description: 'Caps near home, for the FCs',
      name: 'Ordered',
      version: 1,
    };
    const imported = await runCliCapture(
      ['trackers', 'import', file('o.json', tracker), '--guild', GUILD, '--channel', CHANNEL],
      env,
    );
    expect(imported.code).toBe(0);

    const exported = await runCliCapture(['trackers', 'export', '--guild', GUILD], env);
    const [definition] = JSON.parse(exported.out.join('\n'));
    expect(Object.keys(definition)).toEqual([
      'version',
      'name',
      'description',
      'enabled',
      'origin_solar_system_id',
      'max_age_minutes',
      'color',
      'title',
      'ping',
      'ping_rules',
      'ping_cooldown_minutes',
      'ppk',
      'digest',
      'digest_hour',
      'fight_report',
      'clauses',
    ]);
    expect(Object.keys(definition.ping)).toEqual(['everyone', 'here', 'roles']);
    expect(Object.keys(definition.ping_rules[0])).toEqual(['min_value', 'min_attackers', 'ping']);
    expect(Object.keys(definition.ping_rules[0].ping)).toEqual(['everyone', 'here', 'roles']);
    // The clause registry's order: location, then value, then kind.
    expect(Object.keys(definition.clauses)).toEqual([
      'require_max_jumps',
      'require_min_value',
      'require_solo',
    ]);
  });

  it('rejects an invalid file with exit code 2, listing every problem, and imports nothing', async () => {
    const bad = [
      { version: 1, name: 'Bad', clauses: { require_min_attackers: -1, no_such_clause: true } },
      { version: 2, name: 'Worse' },
    ];
    const result = await runCliCapture(
      ['trackers', 'import', file('bad.json', bad), '--guild', GUILD, '--channel', CHANNEL],
      env,
    );
    expect(result.code).toBe(2);
    const text = result.err.join('\n');
    expect(text).toContain('require_min_attackers');
    expect(text).toContain('no_such_clause');
    expect(text).toContain('version');
    // Trackers counted from 1, each named once in front of its problem.
    expect(result.err).toContain(
      '  tracker 1 (Bad): clauses.require_min_attackers: must be a whole number >= 0, got -1',
    );
    expect(result.err).toContain(
      '  tracker 2 (Worse): version: must be 1 (the only tracker format so far), got 2',
    );
    const listed = await runCliCapture(['trackers', 'list'], env);
    expect(listed.out).toEqual([]);
  });

  it('GIVEN a mistyped clause in the second tracker WHEN imported THEN the line numbers it from 1 and suggests the key', async () => {
    const path = file('typo.json', [caps, { version: 1, name: 'Typo', clauses: { require_min_valu: 5 } }]);
    const result = await runCliCapture(
      ['trackers', 'import', path, '--guild', GUILD, '--channel', CHANNEL],
      env,
    );
    expect(result).toEqual({
      code: 2,
      out: [],
      err: [
        'Note: no EVE static data imported yet, so system ids are not checked.',
        `${path} has 1 problem(s); nothing was imported:`,
        '  tracker 2 (Typo): clauses.require_min_valu: unknown clause; did you mean `require_min_value`?',
      ],
    });
  });

  it('GIVEN no trackers WHEN listing THEN stdout stays empty, stderr says so and how to add one, and it exits 0', async () => {
    const all = await runCliCapture(['trackers', 'list'], env);
    expect(all).toEqual({
      code: 0,
      out: [],
      err: [
        'No trackers yet. Create one in Discord with /tracker create, or import a file: ' +
          'killtracker trackers import FILE --guild ID --channel ID',
      ],
    });
    const inGuild = await runCliCapture(['trackers', 'list', '--guild', GUILD], env);
    expect(inGuild.code).toBe(0);
    expect(inGuild.err.join('\n')).toContain(`No trackers in guild ${GUILD}.`);
  });

  it('refuses to overwrite a tracker of the same name unless --replace is given', async () => {
    const path = file('t.json', caps);
    await runCliCapture(['trackers', 'import', path, '--guild', GUILD, '--channel', CHANNEL], env);
    const again = await runCliCapture(
      ['trackers', 'import', path, '--guild', GUILD, '--channel', CHANNEL],
      env,
    );
    expect(again.code).toBe(1);
    expect(again.err.join('\n')).toContain('--replace');
    const replaced = await runCliCapture(
      ['trackers', 'import', path, '--guild', GUILD, '--channel', '999999999999999999', '--replace'],
      env,
    );
    expect(replaced.code).toBe(0);
    const listed = await runCliCapture(['trackers', 'list'], env);
    expect(listed.out.map((line) => JSON.parse(line).channel)).toEqual(['999999999999999999']);
  });

  it('explains a missing or malformed --guild and an unreadable file', async () => {
    expect((await runCliCapture(['trackers', 'export'], env)).err.join('')).toContain('--guild is required');
    expect((await runCliCapture(['trackers', 'export', '--guild', 'abc'], env)).code).toBe(2);
    const missing = await runCliCapture(
      ['trackers', 'import', join(dataDir(), 'nope.json'), '--guild', GUILD, '--channel', CHANNEL],
      env,
    );
    expect(missing.code).toBe(2);
    expect(missing.err.join('')).toContain('Cannot read');
  });

  it("GIVEN the bot's per-guild limits THEN an import past them, or with an unreadable name, is refused whole with exit code 2", async () => {
    const limited = { ...env, MAX_TRACKERS_PER_GUILD: '2', MAX_LIST_ENTRIES_PER_CLAUSE: '3' };
    const three = [1, 2, 3].map((index) => ({ version: 1, name: `Tracker ${index}` }));
    const tooMany = await runCliCapture(
      ['trackers', 'import', file('three.json', three), '--guild', GUILD, '--channel', CHANNEL],
      limited,
    );
    expect(tooMany.code).toBe(2);
    expect(tooMany.err.join('\n')).toContain('(room for 2 more, not 3)');
    expect(tooMany.err.join('\n')).toContain('MAX_TRACKERS_PER_GUILD');

    const longList = { version: 1, name: 'Long', clauses: { require_attacker_characters: [1, 2, 3, 4] } };
    const tooLong = await runCliCapture(
      ['trackers', 'import', file('long.json', longList), '--guild', GUILD, '--channel', CHANNEL],
      limited,
    );
    expect(tooLong.code).toBe(2);
    expect(tooLong.err.join('\n')).toContain('lists at most 3 ids, got 4');

    const invisible = await runCliCapture(
      [
        'trackers',
        'import',
        file('blank.json', { version: 1, name: '\u200b\u200b' }),
        '--guild',
        GUILD,
        '--channel',
        CHANNEL,
      ],
      limited,
    );
    expect(invisible.code).toBe(2);
    expect(invisible.err.join('\n')).toContain('is made only of invisible characters');
    expect((await runCliCapture(['trackers', 'list'], limited)).out).toEqual([]);

    const replaced = await runCliCapture(
      ['trackers', 'import', file('two.json', three.slice(0, 2)), '--guild', GUILD, '--channel', CHANNEL],
      limited,
    );
    expect(replaced.code).toBe(0);
    // Replacing what exists adds no tracker: still within the limit.
    const again = await runCliCapture(
      [
        'trackers',
        'import',
        file('two.json', three.slice(0, 2)),
        '--guild',
        GUILD,
        '--channel',
        CHANNEL,
        '--replace',
      ],
      limited,
    );
    expect(again.code).toBe(0);
  });
});
