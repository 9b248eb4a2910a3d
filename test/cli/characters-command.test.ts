import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCliCapture } from '../helpers/cli.ts';
import { useMigratedDataDir } from '../helpers/data-dir.ts';

const GUILD = '123456789012345678';
const ALICE = '400000000000000001';
const BOB = '400000000000000002';

describe('killtracker characters import | export', () => {
  const dataDir = useMigratedDataDir('kt-characters-');
  let env: NodeJS.ProcessEnv;
  const file = (name: string, value: unknown) => {
    const path = join(dataDir(), name);
    writeFileSync(path, JSON.stringify(value));
    return path;
  };
  beforeEach(() => {
    env = { DATA_DIR: dataDir() };
  });

  it('GIVEN a links file WHEN imported for a guild and exported THEN the export prints exactly that shape, one array; a new import moves a character to the member it lists', async () => {
    const links = [
      { discord_user_id: ALICE, character_id: 2112000001, verified: false },
      { discord_user_id: ALICE, character_id: 2112000002, verified: true },
      { discord_user_id: BOB, character_id: 2112000003, verified: false },
    ];
    const imported = await runCliCapture(
      ['characters', 'import', file('links.json', links), '--guild', GUILD],
      env,
    );
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out[0]!)).toEqual({ guild: GUILD, characters: 3 });
    const exported = await runCliCapture(['characters', 'export', '--guild', GUILD], env);
    expect(exported.code).toBe(0);
    const printed = JSON.parse(exported.out.join('\n')) as unknown[];
    expect(printed).toEqual(links);
    for (const entry of printed)
      expect(Object.keys(entry as object)).toEqual(['discord_user_id', 'character_id', 'verified']);

    // A second import moves a character to the member it lists.
    const moved = await runCliCapture(
      [
        'characters',
        'import',
        file('move.json', [{ discord_user_id: BOB, character_id: 2112000001, verified: false }]),
        '--guild',
        GUILD,
      ],
      env,
    );
    expect(moved.code).toBe(0);
    const after = JSON.parse(
      (await runCliCapture(['characters', 'export', '--guild', GUILD], env)).out.join('\n'),
    );
    expect(after).toContainEqual({ discord_user_id: BOB, character_id: 2112000001, verified: false });
    expect(after).toHaveLength(3);
  });

  it('GIVEN a bad file THEN exits 2 listing every problem, and imports nothing', async () => {
    const bad = await runCliCapture(
      [
        'characters',
        'import',
        file('bad.json', [
          { discord_user_id: Number(ALICE), character_id: 2112000001, verified: false },
          { discord_user_id: ALICE, character_id: 'Alice Main', verified: false },
          { discord_user_id: ALICE, character_id: 2112000003, verified: 'yes' },
          { discord_user_id: ALICE, character_id: 2112000004 },
          { discord_user_id: BOB, character_id: 2112000004, verified: false },
          'nope',
        ]),
        '--guild',
        GUILD,
      ],
      env,
    );
    expect(bad.code).toBe(2);
    const text = bad.err.join('\n');
    expect(text).toContain('has 5 problem(s)');
    expect(text).toContain('[0].discord_user_id must be a Discord user id written as a string of digits');
    expect(text).toContain('[1].character_id must be an EVE character id');
    expect(text).toContain('[2].verified must be true or false');
    expect(text).toContain('[4].character_id 2112000004 is already listed at [3]');
    expect(text).toContain('[5] must be an object');
    expect(
      JSON.parse((await runCliCapture(['characters', 'export', '--guild', GUILD], env)).out.join('\n')),
    ).toEqual([]);

    const notArray = await runCliCapture(
      ['characters', 'import', file('object.json', { a: 1 }), '--guild', GUILD],
      env,
    );
    expect(notArray.code).toBe(2);
    expect(notArray.err.join('\n')).toContain('must be a JSON array of links');
    expect((await runCliCapture(['characters', 'export'], env)).code).toBe(2);
    expect((await runCliCapture(['links', 'export', '--guild', GUILD], env)).code).toBe(2);
  });
});
