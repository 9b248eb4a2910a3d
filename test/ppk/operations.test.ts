// The PPK ledger on a real database: kills entering the program, claims, admin corrections and their
// audit, money under the guild's rules, payouts and late claims, and the export rows.
import { expect, it } from 'vitest';
import { createCharacterRepository } from '../../src/db/character-repository.ts';
import type { Transaction } from '../../src/db/client.ts';
import { silentLogger } from '../../src/log.ts';
import type { TrackerMatch } from '../../src/engine/index.ts';
import { createPpkAlertEntry } from '../../src/ppk/alert-entry.ts';
import { createPpkOperations, type PpkOperations } from '../../src/ppk/operations.ts';
import { UserError } from '../../src/user-error.ts';
import { attacker, killmailDocument, npcAttacker } from '../fixtures/killmails/builder.ts';
import { describeEachDatabase } from '../helpers/database.ts';

const GUILD = '123456789012345678';
const OTHER_GUILD = '223456789012345678';
const CHANNEL = '323456789012345678';
const ALICE = '400000000000000001';
const BOB = '400000000000000002';
const ADMIN = '400000000000000003';

const ALICE_MAIN = 2112000201;
const ALICE_ALT = 2112000211;
const BOB_MAIN = 2112000202;
const BOB_ALT = 2112000212;
const CAROL = 2112000203;
const CORP = 98000201;

const KILL = 130000001;
const KILL_TIME = '2026-11-21T08:00:00Z';
const NAMES = new Map<number, string>([
  [ALICE_MAIN, 'Alice Main'],
  [ALICE_ALT, 'Alice Alt'],
  [BOB_MAIN, 'Bob <Main>'],
  [BOB_ALT, 'Bob Alt'],
  [CAROL, 'Carol'],
  [CORP, 'Attacker Corp'],
]);

/**
 * Alice (final blow, 500 damage), Bob (700, top damage) and Carol (700, unlinked, listed after Bob)
 * with an NPC doing 2000; worth 1,234,567,890.55 ISK.
 */
function theKill(spec: Parameters<typeof killmailDocument>[0] = {}) {
  return killmailDocument({
    id: KILL,
    time: KILL_TIME,
    attackers: [
      npcAttacker(),
      attacker({ character: ALICE_MAIN, corporation: CORP, damage: 500, finalBlow: true }),
      attacker({ character: BOB_MAIN, corporation: CORP, damage: 700 }),
      attacker({ character: CAROL, corporation: CORP, damage: 700 }),
    ],
    zkb: { totalValue: 1_234_567_890.55 },
    ...spec,
  });
}

async function refusal(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).message;
}

describeEachDatabase('PPK operations', (getDb) => {
  let clock = Date.parse('2026-11-22T10:00:00Z');
  const changed: string[] = [];

  function operations(): PpkOperations {
    return createPpkOperations({
      db: getDb().db,
      log: silentLogger,
      now: () => clock,
      names: {
        resolve: async (ids) =>
          new Map(
            [...ids]
              .filter((id) => NAMES.has(id))
              .map((id) => [id, { name: NAMES.get(id)!, category: 'character' as const }]),
          ),
      },
      corporationsOf: async (ids) => new Map(ids.map((id) => [id, CORP])),
      onKillChanged: async (tx: Transaction, guildId, killmailId) => {
        // Runs inside the change's transaction: it sees the change.
        expect(tx).toBeDefined();
        changed.push(`${guildId}:${killmailId}`);
      },
    });
  }

  async function linkAll(guildId = GUILD): Promise<void> {
    const characters = createCharacterRepository({ db: getDb().db });
    await characters.importLinks(guildId, [
      { userId: ALICE, characterId: ALICE_MAIN, verified: false },
      { userId: ALICE, characterId: ALICE_ALT, verified: false },
      { userId: BOB, characterId: BOB_MAIN, verified: false },
      { userId: BOB, characterId: BOB_ALT, verified: false },
    ]);
  }

  async function enter(ops: PpkOperations, document = theKill(), guildId = GUILD) {
    return ops.enterKill({
      guildId,
      killmailId: document.killmail_id,
      channelId: CHANNEL,
      messageId: '9001',
      killmail: document,
    });
  }

  const resetClock = () => {
    clock = Date.parse('2026-11-22T10:00:00Z');
    changed.length = 0;
  };

  it('GIVEN linked Alice and Bob and unlinked Carol WHEN the kill enters THEN derived events are recorded and Carol is listed as not linked', async () => {
    resetClock();
    await linkAll();
    const ops = operations();
    const { created, view } = await enter(ops);
    expect(created).toBe(true);
    expect(changed).toEqual([`${GUILD}:${KILL}`]);
    expect(view.roster.participant.map((entry) => entry.characterId)).toEqual([ALICE_MAIN, BOB_MAIN]);
    expect(view.roster.final_blow).toEqual([
      { characterId: ALICE_MAIN, characterName: 'Alice Main', userId: ALICE, source: 'derived' },
    ]);
    expect(view.roster.top_damage.map((entry) => entry.characterId)).toEqual([BOB_MAIN]);
    expect(view.roster.tackle).toEqual([]);
    expect(view.unlinkedCharacterIds).toEqual([CAROL]);
    expect(view).toMatchObject({
      value: 1_234_567_890.55,
      poolIsk: 123_456_789,
      claimWindowOpen: true,
      messageId: '9001',
    });
    expect(view.claimWindowClosesAt.toISOString()).toBe('2026-11-28T08:00:00.000Z');

    // Entering it again records nothing more.
    const again = await enter(ops);
    expect(again.created).toBe(false);
    expect(again.view.roster.participant).toHaveLength(2);
  });

  it('refuses a kill that is neither stored nor given', async () => {
    resetClock();
    const ops = createPpkOperations({
      db: getDb().db,
      log: silentLogger,
      killmails: { get: async () => undefined },
    });
    expect(await refusal(ops.enterKill({ guildId: GUILD, killmailId: 5, channelId: CHANNEL }))).toMatch(
      /not stored/,
    );
  });

  it('reads the killmail from the store when none is given', async () => {
    resetClock();
    await linkAll();
    const document = theKill();
    const ops = createPpkOperations({
      db: getDb().db,
      log: silentLogger,
      now: () => clock,
      killmails: { get: async (id) => (id === KILL ? document : undefined) },
    });
    const { view } = await ops.enterKill({ guildId: GUILD, killmailId: KILL, channelId: CHANNEL });
    expect(view.roster.participant).toHaveLength(2);
    expect(view.messageId).toBeNull();
  });

  it('GIVEN a member WHEN they claim twice THEN the claim toggles, and the claimable characters list those on the killmail first', async () => {
    resetClock();
    await linkAll();
    const ops = operations();
    await enter(ops);
    expect(await ops.claimableCharacters(GUILD, BOB, KILL)).toEqual([
      { characterId: BOB_MAIN, characterName: 'Bob <Main>', onKillmail: true },
      { characterId: BOB_ALT, characterName: 'Bob Alt', onKillmail: false },
    ]);
    changed.length = 0;
    const first = await ops.toggleClaim({
      guildId: GUILD,
      killmailId: KILL,
      userId: BOB,
      characterId: BOB_ALT,
      type: 'fc',
    });
    expect(first.added).toBe(true);
    expect(first.view.roster.fc).toEqual([
      { characterId: BOB_ALT, characterName: 'Bob Alt', userId: BOB, source: 'claim' },
    ]);
    const second = await ops.toggleClaim({
      guildId: GUILD,
      killmailId: KILL,
      userId: BOB,
      characterId: BOB_ALT,
      type: 'fc',
    });
    expect(second.added).toBe(false);
    expect(second.view.roster.fc).toEqual([]);
    expect(changed).toEqual([`${GUILD}:${KILL}`, `${GUILD}:${KILL}`]);
  });

  it('refuses claims for others, without a link, after the window, on excluded kills, of derived types and in another guild', async () => {
    resetClock();
    await linkAll();
    const ops = operations();
    await enter(ops);
    const claim = (input: Partial<Parameters<PpkOperations['toggleClaim']>[0]>) =>
      ops.toggleClaim({
        guildId: GUILD,
        killmailId: KILL,
        userId: ALICE,
        characterId: ALICE_MAIN,
        type: 'tackle',
        ...input,
      });

    expect(await refusal(claim({ characterId: BOB_MAIN }))).toMatch(/linked to another member/);
    expect(await refusal(claim({ characterId: CAROL }))).toMatch(/not linked in this server/);
    expect(await refusal(claim({ userId: '400000000000000099', characterId: CAROL }))).toMatch(
      /\/character link/,
    );
    expect(await refusal(claim({ type: 'final_blow' }))).toMatch(/cannot be claimed/);
    // Another guild's kill: not in this guild's program, even with the character linked there.
    await linkAll(OTHER_GUILD);
    expect(await refusal(claim({ guildId: OTHER_GUILD }))).toMatch(
      /not in this server's pay-per-kill program/,
    );

    await ops.exclude({ guildId: GUILD, killmailId: KILL, actorUserId: ADMIN, reason: 'blue kill' });
    expect(await refusal(claim({}))).toMatch(/excluded.*blue kill/);
    await ops.include({ guildId: GUILD, killmailId: KILL, actorUserId: ADMIN });

    clock = Date.parse('2026-11-28T08:00:00Z');
    expect(await refusal(claim({}))).toMatch(/closed on 2026-11-28 08:00 UTC \(7 days/);
    await ops.setSettings(GUILD, { claimWindowDays: 10 }, ADMIN);
    expect((await claim({})).added).toBe(true);
    const view = await ops.killView(GUILD, KILL);
    expect(view?.roster.tackle.map((entry) => entry.characterId)).toEqual([ALICE_MAIN]);
    expect(await ops.killView(OTHER_GUILD, KILL)).toBeUndefined();
  });

  it('GIVEN claims and the default rules THEN export rows carry each event’s ISK computed by hand', async () => {
    resetClock();
    await linkAll();
    const ops = operations();
    await enter(ops);
    await ops.toggleClaim({
      guildId: GUILD,
      killmailId: KILL,
      userId: ALICE,
      characterId: ALICE_MAIN,
      type: 'tackle',
    });
    await ops.toggleClaim({
      guildId: GUILD,
      killmailId: KILL,
      userId: BOB,
      characterId: BOB_ALT,
      type: 'fc',
    });
    // Shares: participant 1+1, final_blow 1, top_damage 1, tackle 1, fc 2 = 7. Pool 123,456,789.055 ISK:
    // 17,636,684.15 per share; fc 35,273,368.30.
    const rows = await ops.exportRows(GUILD, '2026-11-21', '2026-11-21');
    expect(rows.map((row) => [row.characterId, row.event, row.shares, row.isk, row.status])).toEqual([
      [ALICE_MAIN, 'participant', 1, 17_636_684, 'unpaid'],
      [BOB_MAIN, 'participant', 1, 17_636_684, 'unpaid'],
      [ALICE_MAIN, 'final_blow', 1, 17_636_684, 'unpaid'],
      [BOB_MAIN, 'top_damage', 1, 17_636_684, 'unpaid'],
      [ALICE_MAIN, 'tackle', 1, 17_636_684, 'unpaid'],
      [BOB_ALT, 'fc', 2, 35_273_368, 'unpaid'],
    ]);
    expect(rows[0]).toMatchObject({
      killmailId: KILL,
      corporationId: CORP,
      discordUserId: ALICE,
      characterName: 'Alice Main',
    });
    expect(rows[0]!.killmailTime.toISOString()).toBe('2026-11-21T08:00:00.000Z');
    expect(await ops.exportRows(GUILD, '2026-11-22', '2026-11-30')).toEqual([]);
    expect(await ops.exportRows(OTHER_GUILD, '2026-11-01', '2026-11-30')).toEqual([]);

    // A cap of 100m: 14,285,714.29 per share, fc 28,571,428.57.
    await ops.setSettings(GUILD, { pool: { kind: 'percent', percent: 10, capIsk: 100_000_000 } }, ADMIN);
    const capped = await ops.exportRows(GUILD, '2026-11-01', '2026-11-30');
    expect(capped.map((row) => row.isk)).toEqual([
      14_285_714, 14_285_714, 14_285_714, 14_285_714, 14_285_714, 28_571_429,
    ]);

    // 5m per share, dictor worth 3 shares now: fc still 2 shares.
    await ops.setSettings(
      GUILD,
      { pool: { kind: 'fixed', iskPerShare: 5_000_000 }, shares: { fc: 3 } },
      ADMIN,
    );
    const fixed = await ops.exportRows(GUILD, '2026-11-01', '2026-11-30');
    expect(fixed.map((row) => row.isk)).toEqual([
      5_000_000, 5_000_000, 5_000_000, 5_000_000, 5_000_000, 15_000_000,
    ]);
    expect((await ops.killView(GUILD, KILL))?.poolIsk).toBe(40_000_000);
  });

  it('GIVEN an override THEN the pool follows it; excluded, NPC, awox and unpriced kills pay nothing', async () => {
    resetClock();
    await linkAll();
    const ops = operations();
    await enter(ops);
    // 10% of 400m = 40m over 4 shares (2 participants, final blow, top damage): 10m each.
    let view = await ops.overrideValue({
      guildId: GUILD,
      killmailId: KILL,
      actorUserId: ADMIN,
      value: 400_000_000,
      reason: 'zkb mispriced',
    });
    expect(view).toMatchObject({
      value: 400_000_000,
      valueOverride: 400_000_000,
      zkbValue: 1_234_567_890.55,
      poolIsk: 40_000_000,
    });
    expect((await ops.exportRows(GUILD, '2026-11-21', '2026-11-21')).map((row) => row.isk)).toEqual([
      10_000_000, 10_000_000, 10_000_000, 10_000_000,
    ]);

    view = await ops.exclude({
      guildId: GUILD,
      killmailId: KILL,
      actorUserId: ADMIN,
      reason: 'awox in disguise',
    });
    expect(view).toMatchObject({
      noPayReason: 'excluded',
      poolIsk: 0,
      excluded: { reason: 'awox in disguise', byUserId: ADMIN },
    });
    expect(
      (await ops.exportRows(GUILD, '2026-11-21', '2026-11-21')).map((row) => [row.isk, row.status]),
    ).toEqual(Array(4).fill([0, 'excluded']));

    const npc = await enter(ops, theKill({ id: KILL + 1, zkb: { totalValue: 1_000_000, npc: true } }));
    expect(npc.view).toMatchObject({ noPayReason: 'npc', poolIsk: 0 });
    const awox = await enter(ops, theKill({ id: KILL + 2, zkb: { totalValue: 1_000_000, awox: true } }));
    expect(awox.view).toMatchObject({ noPayReason: 'awox', poolIsk: 0 });
    const unpriced = await enter(ops, theKill({ id: KILL + 3, unpriced: true }));
    expect(unpriced.view).toMatchObject({ noPayReason: 'no_value', value: undefined, poolIsk: 0 });
    const priced = await ops.overrideValue({
      guildId: GUILD,
      killmailId: KILL + 3,
      actorUserId: ADMIN,
      value: 20_000_000,
    });
    expect(priced).toMatchObject({ noPayReason: undefined, poolIsk: 2_000_000 });

    const summary = await ops.summary(GUILD, '2026-11', 'pilot');
    // Only the priced kill pays: 2m over 4 shares, Alice and Bob 1m each (participant + final blow / top damage).
    expect(summary.rows.map((row) => [row.id, row.userId, row.events, row.isk])).toEqual([
      [ALICE_MAIN, ALICE, 2, 1_000_000],
      [BOB_MAIN, BOB, 2, 1_000_000],
    ]);
    expect(summary.totals).toEqual({ kills: 1, events: 4, isk: 2_000_000, paidIsk: 0, unpaidIsk: 2_000_000 });
  });

  it('admins add and remove events for any character, and every change is in the audit log', async () => {
    resetClock();
    await linkAll();
    const ops = operations();
    await enter(ops);
    let view = await ops.addEvent({
      guildId: GUILD,
      killmailId: KILL,
      characterId: CAROL,
      type: 'logi',
      actorUserId: ADMIN,
      reason: 'reps',
    });
    expect(view.roster.logi).toEqual([
      { characterId: CAROL, characterName: 'Carol', userId: null, source: 'admin' },
    ]);
    expect(
      await refusal(
        ops.addEvent({
          guildId: GUILD,
          killmailId: KILL,
          characterId: CAROL,
          type: 'logi',
          actorUserId: ADMIN,
        }),
      ),
    ).toMatch(/already recorded/);
    view = await ops.removeEvent({
      guildId: GUILD,
      killmailId: KILL,
      characterId: ALICE_MAIN,
      type: 'final_blow',
      actorUserId: ADMIN,
      reason: 'wrong pilot',
    });
    expect(view.roster.final_blow).toEqual([]);
    expect(
      await refusal(
        ops.removeEvent({
          guildId: GUILD,
          killmailId: KILL,
          characterId: ALICE_MAIN,
          type: 'final_blow',
          actorUserId: ADMIN,
        }),
      ),
    ).toMatch(/No Final blow/);
    expect(
      await refusal(
        ops.addEvent({
          guildId: OTHER_GUILD,
          killmailId: KILL,
          characterId: CAROL,
          type: 'logi',
          actorUserId: ADMIN,
        }),
      ),
    ).toMatch(/not in this server/);

    const entries = await ops.audit(GUILD, KILL);
    expect(entries.map((entry) => [entry.action, entry.actorUserId, entry.reason])).toEqual([
      ['remove_event', ADMIN, 'wrong pilot'],
      ['add_event', ADMIN, 'reps'],
    ]);
    expect(entries[1]!.detail).toMatchObject({ characterId: CAROL, type: 'logi' });
    await ops.setSettings(GUILD, { managerRoleId: '523456789012345678' }, ADMIN);
    expect((await ops.audit(GUILD)).map((entry) => entry.action)).toEqual([
      'settings',
      'remove_event',
      'add_event',
    ]);
    expect(await ops.audit(OTHER_GUILD)).toEqual([]);
    expect((await ops.getSettings(GUILD)).managerRoleId).toBe('523456789012345678');
  });

  it('GIVEN November marked paid THEN its events freeze, a late claim goes to December, and summaries show paid and unpaid', async () => {
    resetClock();
    await linkAll();
    const ops = operations();
    await enter(ops);
    await ops.toggleClaim({
      guildId: GUILD,
      killmailId: KILL,
      userId: ALICE,
      characterId: ALICE_MAIN,
      type: 'tackle',
    });
    clock = Date.parse('2026-11-25T12:00:00Z');
    // 5 shares of 123,456,789.055: 24,691,357.81 each.
    const outcome = await ops.markPaid(GUILD, '2026-11', ADMIN);
    expect(outcome).toMatchObject({ period: '2026-11', events: 5, isk: 5 * 24_691_358 });
    expect(await refusal(ops.markPaid(GUILD, '2026-11', ADMIN))).toMatch(/already marked paid/);
    expect(await refusal(ops.markPaid(GUILD, '2026-12', ADMIN))).toMatch(/not started yet/);

    // Paid events can no longer change, by claim or by admin.
    expect(
      await refusal(
        ops.toggleClaim({
          guildId: GUILD,
          killmailId: KILL,
          userId: ALICE,
          characterId: ALICE_MAIN,
          type: 'tackle',
        }),
      ),
    ).toMatch(/already marked paid/);
    expect(
      await refusal(
        ops.removeEvent({
          guildId: GUILD,
          killmailId: KILL,
          characterId: BOB_MAIN,
          type: 'top_damage',
          actorUserId: ADMIN,
        }),
      ),
    ).toMatch(/already marked paid/);

    // A late claim (within the claim window) counts in December; it takes its share of the whole kill's
    // 7 shares (17,636,684.15 per share; fc 2 shares) while the paid events keep what they were paid.
    const late = await ops.toggleClaim({
      guildId: GUILD,
      killmailId: KILL,
      userId: BOB,
      characterId: BOB_ALT,
      type: 'fc',
    });
    expect(late.added).toBe(true);
    await ops.setSettings(GUILD, { shares: { participant: 5 } }, ADMIN);
    const november = await ops.summary(GUILD, '2026-11', 'pilot');
    expect(november.payout).toMatchObject({ byUserId: ADMIN });
    expect(november.rows.map((row) => [row.id, row.isk, row.paidIsk, row.unpaidIsk])).toEqual([
      [ALICE_MAIN, 3 * 24_691_358, 3 * 24_691_358, 0],
      [BOB_MAIN, 2 * 24_691_358, 2 * 24_691_358, 0],
    ]);
    // Participant now 5 shares, but paid events keep 1: total = 5 paid + 2 (fc) = 7.
    const december = await ops.summary(GUILD, '2026-12', 'corporation');
    expect(december.rows).toEqual([
      {
        id: CORP,
        name: 'Attacker Corp',
        userId: null,
        events: 1,
        shares: 2,
        isk: 35_273_368,
        paidIsk: 0,
        unpaidIsk: 35_273_368,
      },
    ]);
    expect(december.payout).toBeUndefined();
    const statuses = (await ops.exportRows(GUILD, '2026-11-21', '2026-11-21')).map((row) => [
      row.event,
      row.shares,
      row.status,
    ]);
    expect(statuses).toEqual([
      ['participant', 1, 'paid'],
      ['participant', 1, 'paid'],
      ['final_blow', 1, 'paid'],
      ['top_damage', 1, 'paid'],
      ['tackle', 1, 'paid'],
      ['fc', 2, 'unpaid'],
    ]);

    const aliceNovember = await ops.me(GUILD, ALICE, '2026-11');
    expect(aliceNovember.totals).toEqual({
      events: 3,
      isk: 3 * 24_691_358,
      paidIsk: 3 * 24_691_358,
      unpaidIsk: 0,
    });
    expect((await ops.me(GUILD, ALICE, '2026-12')).totals.events).toBe(0);
    expect((await ops.me(GUILD, BOB, '2026-W49')).totals).toMatchObject({ events: 1, isk: 35_273_368 });
    expect((await ops.audit(GUILD)).map((entry) => entry.action)).toEqual(['settings', 'mark_paid']);
  });

  it('GIVEN a kill entered after its period was paid THEN its derived events go to the next unpaid period', async () => {
    resetClock();
    await linkAll();
    const ops = operations();
    clock = Date.parse('2026-11-30T01:00:00Z');
    await ops.markPaid(GUILD, '2026-W47', ADMIN);
    await ops.markPaid(GUILD, '2026-W48', ADMIN);
    await enter(ops);
    const w49 = await ops.summary(GUILD, '2026-W49', 'pilot');
    expect(w49.totals.events).toBe(4);
    expect((await ops.summary(GUILD, '2026-W47', 'pilot')).totals.events).toBe(0);
    // W49 starts on Monday 30 November: still in the month of November.
    expect((await ops.summary(GUILD, '2026-11', 'pilot')).totals.events).toBe(4);
    expect(await refusal(ops.summary(GUILD, 'last month', 'pilot'))).toMatch(/2026-11/);
  });

  it('GIVEN an alert posted for a PPK tracker THEN its kill enters the program at once and the alert is kept edited; other alerts change nothing', async () => {
    resetClock();
    await linkAll();
    const ops = operations();
    const kept: string[] = [];
    const enterAlert = createPpkAlertEntry({
      ppk: ops,
      keepEdited: async (message) => {
        kept.push(`${message.channelId}/${message.messageId}`);
      },
      log: silentLogger,
    });
    const match = (ppk: boolean) => ({ tracker: { ppk } }) as unknown as TrackerMatch;
    const alert = { guildId: GUILD, channelId: CHANNEL, killmailId: KILL, document: theKill() };
    await enterAlert({ ...alert, messageId: '7001', matches: [match(false)] });
    expect(await ops.killView(GUILD, KILL)).toBeUndefined();
    await enterAlert({ ...alert, messageId: '7002', matches: [match(false), match(true)] });
    const view = await ops.killView(GUILD, KILL);
    expect(view).toMatchObject({ channelId: CHANNEL, messageId: '7002' });
    expect(view?.roster.participant).toHaveLength(2);
    expect(kept).toEqual([`${CHANNEL}/7002`]);
    // A failure is logged, never thrown: the alert stays posted.
    const failing = createPpkAlertEntry({
      ppk: { enterKill: async () => Promise.reject(new Error('database down')) },
      keepEdited: async () => undefined,
      log: silentLogger,
    });
    await expect(failing({ ...alert, messageId: '7003', matches: [match(true)] })).resolves.toBeUndefined();
  });

  it('GIVEN the same kill entered and claimed at once from several places THEN it enters once and every claim is kept', async () => {
    resetClock();
    await linkAll();
    const ops = operations();
    const entered = await Promise.all([enter(ops), enter(ops), enter(ops)]);
    expect(entered.filter((outcome) => outcome.created)).toHaveLength(1);
    const claims = await Promise.all([
      ops.toggleClaim({
        guildId: GUILD,
        killmailId: KILL,
        userId: ALICE,
        characterId: ALICE_MAIN,
        type: 'tackle',
      }),
      ops.toggleClaim({
        guildId: GUILD,
        killmailId: KILL,
        userId: ALICE,
        characterId: ALICE_ALT,
        type: 'scout',
      }),
      ops.toggleClaim({
        guildId: GUILD,
        killmailId: KILL,
        userId: BOB,
        characterId: BOB_MAIN,
        type: 'dictor',
      }),
      ops.toggleClaim({ guildId: GUILD, killmailId: KILL, userId: BOB, characterId: BOB_ALT, type: 'logi' }),
    ]);
    expect(claims.every((claim) => claim.added)).toBe(true);
    const view = await ops.killView(GUILD, KILL);
    expect(
      [view?.roster.tackle, view?.roster.scout, view?.roster.dictor, view?.roster.logi].map(
        (list) => list?.length,
      ),
    ).toEqual([1, 1, 1, 1]);
    expect(view?.roster.participant).toHaveLength(2);
  });
});
