// The PPK admin subcommands that change a kill or a period, through Discord: /ppk remove, /ppk override
// with reset, /ppk repost and /ppk paid. Each answer is checked with what the program then holds, and a
// member without the PPK admin right is refused without any change.
import { type APIMessage, InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { messageUrl } from '../../src/commands/ppk/post-message.ts';
import { NO_PPK_PERMISSION_MESSAGE } from '../../src/commands/messages.ts';
import { createCharacterRepository } from '../../src/db/character-repository.ts';
import { formatIsk } from '../../src/engine/index.ts';
import { attacker, killmailDocument } from '../fixtures/killmails/builder.ts';
import type { PostedMessage, RecordedInteractionCallback } from '../fakes/discord/index.ts';
import { type BotHarness, option, startBotHarness } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';

const JITA = 30000142;
const KILL = 131000101;
const MEMBER_MAIN = 2112000601;
const MANAGER_MAIN = 2112000602;
const CORP = 98000601;

const NAMES = [
  { id: MEMBER_MAIN, name: 'Line Member', category: 'character' as const },
  { id: MANAGER_MAIN, name: 'Fleet Lead', category: 'character' as const },
  { id: CORP, name: 'PPK Corp', category: 'corporation' as const },
];

/** Two hours ago (so inside this hour's month or the last one), worth 2b: both linked mains on it. */
const KILL_TIME = new Date(Date.now() - 2 * 3_600_000);

function theKill() {
  return killmailDocument({
    id: KILL,
    time: KILL_TIME.toISOString(),
    system: JITA,
    attackers: [
      attacker({ character: MEMBER_MAIN, corporation: CORP, damage: 300, finalBlow: true }),
      attacker({ character: MANAGER_MAIN, corporation: CORP, damage: 900 }),
    ],
    zkb: { totalValue: 2_000_000_000 },
  });
}

const fieldOf = (message: APIMessage, prefix: string) =>
  message.embeds[0]?.fields?.find((entry) => entry.name.startsWith(prefix));

describeEachDatabase('/ppk remove, override reset, repost and paid in Discord', (getDb) => {
  let harness: BotHarness;
  let ppkMessage: PostedMessage;

  beforeAll(async () => {
    harness = await startBotHarness(getDb().handle);
    harness.esi.addNames(NAMES);
  }, 60_000);
  afterAll(async () => harness?.stop());

  // Every test starts from an empty database: the kill stored, both mains linked, its PPK message posted.
  beforeEach(async () => {
    const document = theKill();
    await harness.ctx.killmails.commitKillmail({
      sequence: 1,
      document,
      killTime: KILL_TIME,
      solarSystemId: JITA,
      deliveries: [],
      matchedTrackerIds: [],
    });
    const characters = createCharacterRepository({ db: getDb().db });
    await characters.claim({
      guildId: harness.guildId,
      characterId: MEMBER_MAIN,
      userId: harness.users.member.id,
      verified: false,
      linkedBy: null,
    });
    await characters.claim({
      guildId: harness.guildId,
      characterId: MANAGER_MAIN,
      userId: harness.users.manager.id,
      verified: false,
      linkedBy: null,
    });
    const posted = await finalAnswer(
      await harness.command('ppk', 'post', [option.string('killmail', String(KILL))], 'member'),
    );
    expect(posted.content).toContain(`Posted the PPK message for killmail ${KILL}`);
    ppkMessage = harness.fake.messagesIn(harness.channels.alerts).at(-1)!;
  });

  /** The answer of a command, once filled in when it deferred. */
  async function finalAnswer(callback: RecordedInteractionCallback): Promise<APIMessage> {
    if (callback.type !== InteractionResponseType.DeferredChannelMessageWithSource)
      return callback.data as unknown as APIMessage;
    return harness.fake.waitForOriginal(callback.token, (message) => message.edited_timestamp !== null);
  }

  /** `message` as Discord shows it once `check` holds (edits arrive through the outbox). */
  function shownWhen(message: PostedMessage, check: (shown: APIMessage) => boolean): Promise<APIMessage> {
    return harness.fake.waitFor(() => (check(message.message) ? message.message : undefined), {
      description: 'the PPK message to show the change',
      timeoutMs: 15_000,
    });
  }

  const view = async () => (await harness.ppk.ppk.killView(harness.guildId, KILL))!;
  const auditActions = async () =>
    (await harness.ppk.ppk.audit(harness.guildId, KILL)).map((entry) => entry.action);
  /** The kill's month: the period its events are booked in. */
  const period = KILL_TIME.toISOString().slice(0, 7);

  describe('/ppk remove', () => {
    it('GIVEN a derived Participant event WHEN an admin removes it with a reason THEN the answer names it, the roster loses it and the audit log keeps it', async () => {
      expect((await view()).roster.participant.map((entry) => entry.characterId)).toEqual([
        MEMBER_MAIN,
        MANAGER_MAIN,
      ]);
      const removed = await finalAnswer(
        await harness.command('ppk', 'remove', [
          option.string('killmail', String(KILL)),
          option.string('event', 'participant'),
          option.string('character', String(MANAGER_MAIN)),
          option.string('reason', 'left before the fight'),
        ]),
      );
      expect(removed.content).toBe(
        `Removed **Participant** for **Fleet Lead (${MANAGER_MAIN})** on killmail ${KILL}. The audit log keeps it (/ppk audit).`,
      );
      expect((await view()).roster.participant.map((entry) => entry.characterId)).toEqual([MEMBER_MAIN]);
      const [entry] = await harness.ppk.ppk.audit(harness.guildId, KILL);
      expect(entry).toMatchObject({
        action: 'remove_event',
        actorUserId: harness.users.admin.id,
        reason: 'left before the fight',
        detail: { characterId: MANAGER_MAIN, type: 'participant', source: 'derived' },
      });
      await shownWhen(ppkMessage, (shown) => fieldOf(shown, 'Participant (1)')?.value === 'Line Member');
    });

    it('GIVEN no such event WHEN an admin removes it THEN they are told nothing is recorded', async () => {
      const refused = await finalAnswer(
        await harness.command('ppk', 'remove', [
          option.string('killmail', String(KILL)),
          option.string('event', 'logi'),
          option.string('character', String(MEMBER_MAIN)),
        ]),
      );
      expect(refused.content).toContain('No Logi is recorded for that character on this kill.');
      expect(await auditActions()).toEqual([]);
    });

    it('GIVEN a plain member WHEN they run /ppk remove THEN it is refused and the event stays', async () => {
      const refused = await harness.command(
        'ppk',
        'remove',
        [
          option.string('killmail', String(KILL)),
          option.string('event', 'participant'),
          option.string('character', String(MANAGER_MAIN)),
        ],
        'member',
      );
      expect(refused.data?.content).toBe(NO_PPK_PERMISSION_MESSAGE);
      expect((await view()).roster.participant).toHaveLength(2);
      expect(await auditActions()).toEqual([]);
    });
  });

  describe('/ppk override reset', () => {
    it("GIVEN an overridden value WHEN an admin resets it THEN the kill is worth zKillboard's value again, said in the answer, the roster and the audit log", async () => {
      await harness.command('ppk', 'override', [
        option.string('killmail', String(KILL)),
        option.number('value', 3_000_000_000),
      ]);
      expect((await view()).valueOverride).toBe(3_000_000_000);
      await shownWhen(ppkMessage, (shown) =>
        (fieldOf(shown, 'Value')?.value ?? '').includes('set by an admin'),
      );

      const reset = await harness.command('ppk', 'override', [
        option.string('killmail', String(KILL)),
        option.boolean('reset', true),
        option.string('reason', 'zKillboard had it right'),
      ]);
      const after = await view();
      expect(reset.data?.content).toBe(
        `Killmail ${KILL} uses zKillboard's value again (2b); its pool is ${formatIsk(after.poolIsk)}.`,
      );
      expect(after.valueOverride).toBeUndefined();
      expect(after.value).toBe(2_000_000_000);
      const [entry] = await harness.ppk.ppk.audit(harness.guildId, KILL);
      expect(entry).toMatchObject({
        action: 'override_value',
        reason: 'zKillboard had it right',
        detail: { from: 3_000_000_000, to: null },
      });
      await shownWhen(ppkMessage, (shown) => {
        const value = fieldOf(shown, 'Value')?.value ?? '';
        return value.includes('2b') && !value.includes('set by an admin');
      });
    });

    it('GIVEN neither a value nor reset THEN the admin is told how to write it and nothing changes', async () => {
      const refused = await harness.command('ppk', 'override', [option.string('killmail', String(KILL))]);
      expect(refused.data?.content).toContain('or reset:true');
      expect((await view()).valueOverride).toBeUndefined();
      expect(await auditActions()).toEqual([]);
    });

    it('GIVEN a plain member WHEN they reset the value THEN it is refused and the override stays', async () => {
      await harness.ppk.ppk.overrideValue({
        guildId: harness.guildId,
        killmailId: KILL,
        actorUserId: harness.users.admin.id,
        value: 3_000_000_000,
      });
      const refused = await harness.command(
        'ppk',
        'override',
        [option.string('killmail', String(KILL)), option.boolean('reset', true)],
        'member',
      );
      expect(refused.data?.content).toBe(NO_PPK_PERMISSION_MESSAGE);
      expect((await view()).valueOverride).toBe(3_000_000_000);
    });
  });

  describe('/ppk repost', () => {
    it('GIVEN a claimed kill WHEN an admin reposts it in another channel THEN the answer links the new message, which shows the claims and is the one kept edited', async () => {
      await harness.button(`ppk1:claim:${KILL}:tackle`, 'manager', ppkMessage.message);
      const before = harness.fake.messagesIn(harness.channels.intel).length;
      const reposted = await finalAnswer(
        await harness.command('ppk', 'repost', [
          option.string('killmail', String(KILL)),
          option.channel('channel', harness.channels.intel),
        ]),
      );
      const inIntel = harness.fake.messagesIn(harness.channels.intel);
      expect(inIntel).toHaveLength(before + 1);
      const repost = inIntel.at(-1)!;
      expect(reposted.content).toBe(
        `Posted the PPK message for killmail ${KILL}: ${messageUrl(harness.guildId, harness.channels.intel, repost.message.id)}. The kill was already in the program: its claims stay, and this message now shows them.`,
      );
      expect(fieldOf(repost.message, 'Tackle (1)')?.value).toBe('Fleet Lead');
      const stored = await view();
      expect(stored.channelId).toBe(harness.channels.intel);
      expect(stored.messageId).toBe(repost.message.id);
      expect(stored.roster.tackle.map((entry) => entry.characterId)).toEqual([MANAGER_MAIN]);

      // A claim pressed on the new message shows there.
      await harness.button(`ppk1:claim:${KILL}:logi`, 'member', repost.message);
      await shownWhen(repost, (shown) => fieldOf(shown, 'Logi (1)')?.value === 'Line Member');
    });

    it('GIVEN a plain member WHEN they run /ppk repost THEN it is refused and nothing is posted', async () => {
      const before = harness.fake.messagesIn(harness.channels.intel).length;
      const refused = await harness.command(
        'ppk',
        'repost',
        [option.string('killmail', String(KILL)), option.channel('channel', harness.channels.intel)],
        'member',
      );
      expect(refused.data?.content).toBe(NO_PPK_PERMISSION_MESSAGE);
      expect(harness.fake.messagesIn(harness.channels.intel)).toHaveLength(before);
      expect((await view()).messageId).toBe(ppkMessage.message.id);
    });
  });

  describe('/ppk paid', () => {
    it("GIVEN the kill's events WHEN an admin marks its month paid THEN the answer counts them, the summary shows it paid, and a second time is refused", async () => {
      const unpaid = await harness.ppk.ppk.summary(harness.guildId, period, 'pilot');
      expect(unpaid.totals.events).toBe(4);
      expect(unpaid.payout).toBeUndefined();

      const paid = await harness.command('ppk', 'paid', [option.string('period', period)]);
      expect(paid.data?.content).toBe(
        `Marked ${period} paid: 4 events, ${formatIsk(unpaid.totals.isk)} in all. Its events are frozen; later claims count in the next unpaid period.`,
      );
      const summary = await harness.ppk.ppk.summary(harness.guildId, period, 'pilot');
      expect(summary.payout?.byUserId).toBe(harness.users.admin.id);
      expect(summary.totals).toMatchObject({ paidIsk: unpaid.totals.isk, unpaidIsk: 0 });
      expect(await harness.ppk.ppk.audit(harness.guildId)).toMatchObject([
        { action: 'mark_paid', detail: { period, events: 4 } },
      ]);

      // Frozen: an admin can no longer remove a paid event.
      const frozen = await finalAnswer(
        await harness.command('ppk', 'remove', [
          option.string('killmail', String(KILL)),
          option.string('event', 'participant'),
          option.string('character', String(MEMBER_MAIN)),
        ]),
      );
      expect(frozen.content).toContain('already marked paid');

      const again = await harness.command('ppk', 'paid', [option.string('period', period)]);
      expect(again.data?.content).toContain(`${period} is already marked paid.`);
    });

    it('GIVEN a plain member WHEN they run /ppk paid THEN it is refused and the period stays unpaid', async () => {
      const refused = await harness.command('ppk', 'paid', [option.string('period', period)], 'member');
      expect(refused.data?.content).toBe(NO_PPK_PERMISSION_MESSAGE);
      const summary = await harness.ppk.ppk.summary(harness.guildId, period, 'pilot');
      expect(summary.payout).toBeUndefined();
      expect(summary.totals.paidIsk).toBe(0);
      expect(await harness.ppk.ppk.audit(harness.guildId)).toEqual([]);
    });
  });
});
