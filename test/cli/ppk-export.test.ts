// `killtracker ppk export`: the CSV contract (exact header, one row per event, whole ISK, statuses,
// inclusive UTC days, quoting) on a data folder seeded through the PPK operations.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCharacterRepository } from '../../src/db/character-repository.ts';
import type { DatabaseHandle } from '../../src/db/client.ts';
import { createNameRepository } from '../../src/db/name-repository.ts';
import { silentLogger } from '../../src/log.ts';
import { createPpkOperations } from '../../src/ppk/operations.ts';
import { attacker, killmailDocument } from '../fixtures/killmails/builder.ts';
import { runCliCapture } from '../helpers/cli.ts';
import { migratedDataDir, withDataDirDatabase } from '../helpers/data-dir.ts';

const GUILD = '123456789012345678';
const OTHER_GUILD = '223456789012345678';
const CHANNEL = '323456789012345678';
const ALICE = '400000000000000001';
const BOB = '400000000000000002';
const ADMIN = '400000000000000003';
const ALICE_MAIN = 2112000201;
const BOB_MAIN = 2112000202;
const CAROL = 2112000203;
const CORP = 98000201;
const HEADER =
  'killmail_id,killmail_time,character_id,character_name,corporation_id,discord_user_id,event,shares,isk,status';

describe('killtracker ppk export', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  const withDatabase = <T>(work: (handle: DatabaseHandle) => Promise<T>) =>
    withDataDirDatabase(dataDir, work);

  beforeAll(async () => {
    dataDir = migratedDataDir('kt-ppk-');
    env = { DATA_DIR: dataDir };
    await withDatabase(async ({ db }) => {
      await createCharacterRepository({ db }).importLinks(GUILD, [
        { userId: ALICE, characterId: ALICE_MAIN, verified: true },
        { userId: BOB, characterId: BOB_MAIN, verified: false },
      ]);
      await createNameRepository({ db }).put([
        { id: ALICE_MAIN, name: 'Alice Main', category: 'character' },
        { id: BOB_MAIN, name: 'Bob "The, Tackler"', category: 'character' },
      ]);
      let clock = Date.parse('2026-11-01T01:00:00Z');
      const ops = createPpkOperations({ db, log: silentLogger, now: () => clock });
      const enter = (id: number, time: string, zkb: { totalValue?: number; npc?: boolean } = {}) =>
        ops.enterKill({
          guildId: GUILD,
          killmailId: id,
          channelId: CHANNEL,
          killmail: killmailDocument({
            id,
            time,
            attackers: [
              attacker({ character: ALICE_MAIN, corporation: CORP, damage: 900, finalBlow: true }),
              attacker({ character: BOB_MAIN, corporation: CORP, damage: 100 }),
              attacker({ character: CAROL, corporation: CORP, damage: 100 }),
            ],
            zkb: { totalValue: 1_000_000_000, ...zkb },
          }),
        });
      // 31 October, 23:59 UTC: outside November.
      await enter(130000001, '2026-10-31T23:59:59Z');
      // 1 November 00:00 UTC, worth 123,456,789.99 ISK, with Bob's tackle claimed.
      await enter(130000002, '2026-11-01T00:00:00Z', { totalValue: 123_456_789.99 });
      await ops.toggleClaim({
        guildId: GUILD,
        killmailId: 130000002,
        userId: BOB,
        characterId: BOB_MAIN,
        type: 'tackle',
      });
      // An NPC kill on the last second of 30 November: its events pay nothing.
      await enter(130000003, '2026-11-30T23:59:59Z', { npc: true });
      // Excluded by an admin.
      await enter(130000004, '2026-11-15T12:00:00Z');
      await ops.exclude({ guildId: GUILD, killmailId: 130000004, actorUserId: ADMIN, reason: 'blue' });
      // Another server's kill.
      await ops.enterKill({
        guildId: OTHER_GUILD,
        killmailId: 130000005,
        channelId: CHANNEL,
        killmail: killmailDocument({ id: 130000005, time: '2026-11-10T00:00:00Z' }),
      });
      // October is paid: its kill's events show as paid.
      clock = Date.parse('2026-11-02T00:00:00Z');
      await ops.markPaid(GUILD, '2026-10', ADMIN);
    });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('GIVEN November WHEN exported THEN one row per event with whole ISK, statuses and quoted names, kills of the inclusive days only', async () => {
    const run = await runCliCapture(
      ['ppk', 'export', '--guild', GUILD, '--from', '2026-11-01', '--to', '2026-11-30'],
      env,
    );
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    // Kill 2: 10% of 123,456,789.99 = 12,345,678.999 ISK over 5 shares (2 participants, final blow, top
    // damage, tackle) = 2,469,135.7998 per share -> 2,469,136.
    expect(run.out.join('\n').split('\n')).toEqual([
      HEADER,
      `130000002,2026-11-01T00:00:00Z,${ALICE_MAIN},Alice Main,${CORP},${ALICE},participant,1,2469136,unpaid`,
      `130000002,2026-11-01T00:00:00Z,${BOB_MAIN},"Bob ""The, Tackler""",${CORP},${BOB},participant,1,2469136,unpaid`,
      `130000002,2026-11-01T00:00:00Z,${ALICE_MAIN},Alice Main,${CORP},${ALICE},final_blow,1,2469136,unpaid`,
      `130000002,2026-11-01T00:00:00Z,${ALICE_MAIN},Alice Main,${CORP},${ALICE},top_damage,1,2469136,unpaid`,
      `130000002,2026-11-01T00:00:00Z,${BOB_MAIN},"Bob ""The, Tackler""",${CORP},${BOB},tackle,1,2469136,unpaid`,
      `130000004,2026-11-15T12:00:00Z,${ALICE_MAIN},Alice Main,${CORP},${ALICE},participant,1,0,excluded`,
      `130000004,2026-11-15T12:00:00Z,${BOB_MAIN},"Bob ""The, Tackler""",${CORP},${BOB},participant,1,0,excluded`,
      `130000004,2026-11-15T12:00:00Z,${ALICE_MAIN},Alice Main,${CORP},${ALICE},final_blow,1,0,excluded`,
      `130000004,2026-11-15T12:00:00Z,${ALICE_MAIN},Alice Main,${CORP},${ALICE},top_damage,1,0,excluded`,
      `130000003,2026-11-30T23:59:59Z,${ALICE_MAIN},Alice Main,${CORP},${ALICE},participant,1,0,excluded`,
      `130000003,2026-11-30T23:59:59Z,${BOB_MAIN},"Bob ""The, Tackler""",${CORP},${BOB},participant,1,0,excluded`,
      `130000003,2026-11-30T23:59:59Z,${ALICE_MAIN},Alice Main,${CORP},${ALICE},final_blow,1,0,excluded`,
      `130000003,2026-11-30T23:59:59Z,${ALICE_MAIN},Alice Main,${CORP},${ALICE},top_damage,1,0,excluded`,
    ]);
  });

  it('GIVEN a paid October THEN its rows are paid, with 10% of 1b over 4 shares = 25m each', async () => {
    const run = await runCliCapture(
      ['ppk', 'export', '--guild', GUILD, '--from', '2026-10-31', '--to', '2026-10-31'],
      env,
    );
    expect(run.code).toBe(0);
    const lines = run.out.join('\n').split('\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines.slice(1).map((line) => line.split(',').slice(-4).join(','))).toEqual([
      'participant,1,25000000,paid',
      'participant,1,25000000,paid',
      'final_blow,1,25000000,paid',
      'top_damage,1,25000000,paid',
    ]);
  });

  it('GIVEN days without kills THEN prints the header only', async () => {
    const run = await runCliCapture(
      ['ppk', 'export', '--guild', GUILD, '--from', '2027-01-01', '--to', '2027-01-31'],
      env,
    );
    expect(run.code).toBe(0);
    expect(run.out).toEqual([HEADER]);
  });

  it.each([
    [['ppk', 'export', '--from', '2026-11-01', '--to', '2026-11-30'], /--guild is required/],
    [['ppk', 'export', '--guild', GUILD, '--to', '2026-11-30'], /--from is required/],
    [['ppk', 'export', '--guild', GUILD, '--from', '2026-11-31', '--to', '2026-12-01'], /YYYY-MM-DD/],
    [['ppk', 'export', '--guild', GUILD, '--from', '2026-11-30', '--to', '2026-11-01'], /before --from/],
  ])('refuses %j with exit 2 and the usage', async (argv, message) => {
    const run = await runCliCapture(argv, env);
    expect(run.code).toBe(2);
    expect(run.err.join('\n')).toMatch(message);
    expect(run.err.join('\n')).toMatch(/Usage: killtracker ppk export/);
  });

  it('has help with an example', async () => {
    const run = await runCliCapture(['ppk', '--help'], env);
    expect(run.code).toBe(0);
    expect(run.out.join('\n')).toMatch(/killtracker ppk export --guild 123456789012345678 --from 2026-11-01/);
  });
});
