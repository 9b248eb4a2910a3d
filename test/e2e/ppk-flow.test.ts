// Pay-per-kill through Discord's front door: /ppk post and "Add PPK buttons" post a kill's PPK message,
// pilots claim with the buttons (one character at once, several through the menu, a second press takes it
// back), the roster is edited in place through the live-message outbox, and refusals change nothing. The
// real discord.js client, the real database and the fake Discord and ESI.
import {
  type APIEmbed,
  type APIMessage,
  ComponentType,
  InteractionResponseType,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NO_LINK_MESSAGE } from '../../src/commands/ppk/add-buttons.ts';
import { normalizeKillmail } from '../../src/engine/index.ts';
import { renderAlert } from '../../src/engine/render/index.ts';
import { NO_CHARACTER_MESSAGE } from '../../src/commands/ppk/claim.ts';
import { notStoredMessage } from '../../src/commands/ppk/killmail-source.ts';
import { createCharacterRepository } from '../../src/db/character-repository.ts';
import { attacker, IDS, killmailDocument } from '../fixtures/killmails/builder.ts';
import {
  buttonInteraction,
  chatInputInteraction,
  type PostedMessage,
  type RecordedInteractionCallback,
} from '../fakes/discord/index.ts';
import { type BotHarness, option, startBotHarness } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';

const JITA = 30000142;
const KILL = 131000001;
const ESI_KILL = 131000002;
const UNSTORED_KILL = 131000003;
const ESI_HASH = 'abcdef0123456789abcdef0123456789abcdef01';

const MEMBER_MAIN = 2112000501;
const MEMBER_ALT = 2112000502;
const MANAGER_MAIN = 2112000503;
const STRANGER = 2112000504;
const CORP = 98000501;

const NAMES = [
  { id: MEMBER_MAIN, name: 'Line Member', category: 'character' as const },
  { id: MEMBER_ALT, name: 'Member Alt', category: 'character' as const },
  { id: MANAGER_MAIN, name: 'FC *Lead*', category: 'character' as const },
  { id: STRANGER, name: '@everyone Stranger', category: 'character' as const },
  { id: CORP, name: 'PPK Corp', category: 'corporation' as const },
  { id: IDS.victimCharacter, name: 'Unlucky Victim', category: 'character' as const },
  { id: IDS.victimCorporation, name: 'Victim Corp', category: 'corporation' as const },
  { id: IDS.victimAlliance, name: 'Victim Alliance', category: 'alliance' as const },
  { id: IDS.attackerAlliance, name: 'PPK Alliance', category: 'alliance' as const },
];

/** A fresh kill in Jita: the member's main lands the final blow, the manager's main does the most damage. */
function theKill(id: number) {
  return killmailDocument({
    id,
    time: new Date(Date.now() - 3_600_000).toISOString(),
    system: JITA,
    attackers: [
      attacker({ character: MEMBER_MAIN, corporation: CORP, damage: 300, finalBlow: true }),
      attacker({ character: MANAGER_MAIN, corporation: CORP, damage: 900 }),
      attacker({ character: STRANGER, corporation: CORP, damage: 100 }),
    ],
    zkb: { totalValue: 2_000_000_000 },
  });
}

const rosterOf = (message: APIMessage): APIEmbed => message.embeds[0]!;
const field = (message: APIMessage, prefix: string) =>
  rosterOf(message).fields?.find((entry) => entry.name.startsWith(prefix));
const buttonsOf = (message: APIMessage) =>
  (message.components ?? []).flatMap((row) =>
    row.type === ComponentType.ActionRow ? (row.components as unknown as Array<Record<string, unknown>>) : [],
  );
const customIds = (message: APIMessage) => buttonsOf(message).map((button) => button.custom_id);
const buttonLabels = (message: APIMessage) =>
  message.components?.flatMap((row) =>
    row.type === ComponentType.ActionRow
      ? row.components.map((component) => ('label' in component ? component.label : undefined))
      : [],
  );

describeEachDatabase('pay-per-kill in Discord', (getDb) => {
  let harness: BotHarness;
  let ppkMessage: PostedMessage;

  beforeAll(async () => {
    harness = await startBotHarness(getDb().handle);
    harness.esi.addNames(NAMES);
    harness.esi.addKillmails([{ hash: ESI_HASH, esi: theKill(ESI_KILL).esi }]);
  }, 60_000);

  // Every test starts from an empty database: the kill stored as the feed brought it, three characters linked.
  beforeEach(async () => {
    const document = theKill(KILL);
    await harness.ctx.killmails.commitKillmail({
      sequence: 1,
      document,
      killTime: new Date(document.esi.killmail_time),
      solarSystemId: JITA,
      deliveries: [],
      matchedTrackerIds: [],
    });
    const characters = createCharacterRepository({ db: getDb().db });
    const link = (characterId: number, userId: string) =>
      characters.claim({ guildId: harness.guildId, characterId, userId, verified: false, linkedBy: null });
    await link(MEMBER_MAIN, harness.users.member.id);
    await link(MEMBER_ALT, harness.users.member.id);
    await link(MANAGER_MAIN, harness.users.manager.id);
  });

  /** /ppk post of the stored kill by a member: its PPK message in #alerts. */
  async function postKill(): Promise<PostedMessage> {
    const before = harness.fake.messagesIn(harness.channels.alerts).length;
    const callback = await harness.command(
      'ppk',
      'post',
      [option.string('killmail', `https://zkillboard.com/kill/${KILL}/`)],
      'member',
    );
    const answer = await finalAnswer(callback);
    expect(answer.content).toContain(`Posted the PPK message for killmail ${KILL}`);
    const posted = harness.fake.messagesIn(harness.channels.alerts);
    expect(posted).toHaveLength(before + 1);
    ppkMessage = posted.at(-1)!;
    return ppkMessage;
  }

  afterAll(async () => harness?.stop());

  /** The deferred answer of a command, once filled in. */
  async function finalAnswer(callback: RecordedInteractionCallback): Promise<APIMessage> {
    if (callback.type !== InteractionResponseType.DeferredChannelMessageWithSource)
      return callback.data as unknown as APIMessage;
    return harness.fake.waitForOriginal(callback.token, (message) => message.edited_timestamp !== null);
  }

  /** The PPK message as Discord shows it once `check` holds (edits arrive through the outbox). */
  function ppkMessageWhen(check: (message: APIMessage) => boolean): Promise<APIMessage> {
    return harness.fake.waitFor(() => (check(ppkMessage.message) ? ppkMessage.message : undefined), {
      description: 'the PPK message to show the change',
    });
  }

  const ppkRows = async () => (await harness.ppk.ppk.killView(harness.guildId, KILL))!.roster;

  it('GIVEN a stored kill WHEN a member runs /ppk post with its zKillboard link THEN the channel gets its summary, roster and claim buttons, pinging nobody', async () => {
    await postKill();
    const message = ppkMessage.message;
    expect(ppkMessage.body.allowed_mentions).toEqual({ parse: [] });
    expect(buttonLabels(message)).toEqual(['Participant', 'Tackle', 'Dictor', 'Logi', 'Scout', 'FC']);
    expect(customIds(message)).toEqual(
      ['participant', 'tackle', 'dictor', 'logi', 'scout', 'fc'].map((type) => `ppk1:claim:${KILL}:${type}`),
    );
    expect(field(message, 'Participant (2)')?.value).toBe('Line Member, FC \\*Lead\\*');
    expect(field(message, 'Final blow (1)')?.value).toBe('Line Member');
    expect(field(message, 'Top damage (1)')?.value).toBe('FC \\*Lead\\*');
    // The unlinked pilot is named, escaped so "@everyone" cannot ping.
    expect(field(message, 'Not linked (1)')?.value).toContain('@\u200beveryone Stranger');
    expect(field(message, 'Value')?.value).toContain('2b');
  });

  it('GIVEN a member with one linked character WHEN they press Tackle twice THEN the claim is recorded then taken back, and the roster follows', async () => {
    await postKill();
    const first = await harness.button(`ppk1:claim:${KILL}:tackle`, 'manager', ppkMessage.message);
    expect(first.data?.flags).toBe(64);
    expect(first.data?.content).toContain('Claimed **Tackle** for **FC \\*Lead\\***');
    expect((await ppkRows()).tackle.map((entry) => entry.characterId)).toEqual([MANAGER_MAIN]);
    await ppkMessageWhen((message) => field(message, 'Tackle (1)')?.value === 'FC \\*Lead\\*');

    const second = await harness.button(`ppk1:claim:${KILL}:tackle`, 'manager', ppkMessage.message);
    expect(second.data?.content).toContain('Took back the **Tackle** claim');
    expect((await ppkRows()).tackle).toEqual([]);
    await ppkMessageWhen((message) => field(message, 'Tackle (0)') !== undefined);
  });

  it('GIVEN a member with two linked characters WHEN they press FC THEN a menu offers both (the one on the kill first) and the pick is claimed', async () => {
    await postKill();
    const menu = await harness.button(`ppk1:claim:${KILL}:fc`, 'member', ppkMessage.message);
    const select = (menu.data?.components as Array<{ components: Array<Record<string, unknown>> }>)[0]!
      .components[0]!;
    expect(select.custom_id).toBe(`ppk1:pick:${KILL}:fc`);
    expect(select.options).toEqual([
      { label: 'Line Member', value: String(MEMBER_MAIN), description: 'On the killmail' },
      { label: 'Member Alt', value: String(MEMBER_ALT) },
    ]);
    expect((await ppkRows()).fc).toEqual([]);

    const picked = await harness.select(`ppk1:pick:${KILL}:fc`, [String(MEMBER_ALT)], 'member');
    expect(picked.type).toBe(InteractionResponseType.UpdateMessage);
    expect(picked.data?.content).toContain('Claimed **FC** for **Member Alt**');
    expect((await ppkRows()).fc.map((entry) => entry.characterId)).toEqual([MEMBER_ALT]);
    await ppkMessageWhen((message) => field(message, 'FC (1)')?.value === 'Member Alt');
  });

  it('GIVEN a member picking a character linked to someone else THEN it is refused and nothing changes', async () => {
    await postKill();
    const before = await ppkRows();
    const refused = await harness.select(`ppk1:pick:${KILL}:logi`, [String(MANAGER_MAIN)], 'member');
    expect(refused.data?.content).toContain('not linked to you');
    expect(await ppkRows()).toEqual(before);
  });

  it('GIVEN a member with no linked character WHEN they press a claim button THEN they are told to /character link and nothing is recorded', async () => {
    await postKill();
    const before = await ppkRows();
    const answer = await harness.button(`ppk1:claim:${KILL}:scout`, 'admin', ppkMessage.message);
    expect(answer.data?.content).toBe(NO_CHARACTER_MESSAGE);
    expect(answer.data?.flags).toBe(64);
    expect(await ppkRows()).toEqual(before);
  });

  it('GIVEN a forged custom id, or a kill pressed from another server THEN the claim is refused and nothing changes', async () => {
    await postKill();
    const before = await ppkRows();
    // A message that does not carry the button: not the bot's PPK message.
    const forged = await harness.button(`ppk1:claim:${UNSTORED_KILL}:tackle`, 'member');
    expect(forged.data?.content).toContain(
      `Killmail ${UNSTORED_KILL} is not in this server's pay-per-kill program`,
    );
    const unknownType = await harness.button(`ppk1:claim:${KILL}:final_blow`, 'member', ppkMessage.message);
    expect(unknownType.data?.content).toContain('no longer valid');
    // The same button pressed in another server (on a message there that does not carry it).
    const elsewhere = await harness.fake.dispatchInteraction(
      buttonInteraction(harness.fake, harness.as('manager', harness.otherGuildId), {
        customId: `ppk1:claim:${KILL}:tackle`,
      }),
    );
    expect(elsewhere.data?.content).toContain(
      `Killmail ${KILL} is not in this server's pay-per-kill program`,
    );
    expect(await harness.ppk.ppk.killView(harness.otherGuildId, KILL)).toBeUndefined();
    expect(await ppkRows()).toEqual(before);
  });

  it('GIVEN an alert of a PPK tracker WHEN a pilot presses Tackle on it THEN the kill enters the program, the claim counts and the alert becomes its PPK message, keeping its content', async () => {
    const { universe, catalog } = harness.ctx.world();
    const alert = renderAlert({
      killmail: normalizeKillmail(theKill(KILL), { universe, catalog }),
      matches: [
        {
          trackerKey: '1',
          tracker: {
            version: 1,
            name: 'Paid kills',
            enabled: true,
            ping: { everyone: false, here: false, roles: [] },
            ppk: true,
            clauses: {},
          },
          jumps: null,
          distanceLy: null,
          mainGroup: null,
          mainShipGroup: null,
          matchedShipTypeIds: [],
        },
      ],
      names: () => undefined,
      universe,
      catalog,
    });
    const sent = await harness.ctx.sender.send(harness.channels.intel, alert, 'alert-ppk');
    expect(sent.ok).toBe(true);
    const [posted] = harness.fake.messagesIn(harness.channels.intel).slice(-1);
    ppkMessage = posted!;
    expect(buttonLabels(posted!.message)).toEqual(['Participant', 'Tackle', 'Dictor', 'Logi', 'Scout', 'FC']);

    const claim = await harness.button(`ppk1:claim:${KILL}:tackle`, 'manager', posted!.message);
    expect(claim.data?.content).toContain('Claimed **Tackle** for **FC \\*Lead\\***');
    const view = await harness.ppk.ppk.killView(harness.guildId, KILL);
    expect(view?.messageId).toBe(posted!.message.id);
    // The derived events were recorded when the kill entered.
    expect(view?.roster.final_blow.map((entry) => entry.characterId)).toEqual([MEMBER_MAIN]);
    const edited = await ppkMessageWhen((message) => field(message, 'Tackle (1)')?.value === 'FC \\*Lead\\*');
    expect(edited.content).toBe('Tracker: **Paid kills**');
  });

  it('GIVEN a message with an ESI killmail link WHEN a member uses Add PPK buttons THEN the kill is fetched from ESI and its PPK message posted', async () => {
    const before = harness.fake.messagesIn(harness.channels.alerts).length;
    const message = harness.memberMessage(
      `nice one https://esi.evetech.net/latest/killmails/${ESI_KILL}/${ESI_HASH}/`,
    );
    const answer = await finalAnswer(await harness.messageCommand('Add PPK buttons', message));
    expect(answer.content).toContain(`Posted the PPK message for killmail ${ESI_KILL}`);
    expect(harness.esi.requestsTo(`/killmails/${ESI_KILL}/${ESI_HASH}/`)).toHaveLength(1);
    const posted = harness.fake.messagesIn(harness.channels.alerts);
    expect(posted).toHaveLength(before + 1);
    const latest = posted.at(-1)!.message;
    expect(buttonLabels(latest)).toEqual(['Participant', 'Tackle', 'Dictor', 'Logi', 'Scout', 'FC']);
    // ESI has no zKillboard value: the kill pays nothing until an admin sets one.
    expect(field(latest, 'Value')?.value).toContain('/ppk override');
  });

  it('GIVEN a message without a kill link, or a zKillboard link of a kill the bot never stored THEN the member gets a clear error and nothing is posted', async () => {
    const before = harness.fake.messagesIn(harness.channels.alerts).length;
    const noLink = await harness.messageCommand('Add PPK buttons', harness.memberMessage('gf everyone'));
    expect(noLink.data?.content).toBe(NO_LINK_MESSAGE);
    expect(noLink.data?.flags).toBe(64);
    const unstored = await finalAnswer(
      await harness.command('ppk', 'post', [option.string('killmail', String(UNSTORED_KILL))], 'member'),
    );
    expect(unstored.content).toBe(notStoredMessage(UNSTORED_KILL));
    expect(harness.fake.messagesIn(harness.channels.alerts)).toHaveLength(before);
  });

  describe('admins', () => {
    it('GIVEN a plain member THEN admin subcommands are refused', async () => {
      const refused = await harness.command('ppk', 'summary', [], 'member');
      expect(refused.data?.content).toContain('Only pay-per-kill admins');
      const paid = await harness.command('ppk', 'paid', [option.string('period', '2026-11')], 'member');
      expect(paid.data?.content).toContain('Only pay-per-kill admins');
    });

    it('GIVEN an admin WHEN they add an event, override the value and read the audit log THEN the roster and the log show it', async () => {
      await postKill();
      const added = await finalAnswer(
        await harness.command('ppk', 'add', [
          option.string('killmail', String(KILL)),
          option.string('event', 'logi'),
          option.string('character', String(STRANGER)),
          option.string('reason', 'flew logi, forgot to link'),
        ]),
      );
      expect(added.content).toContain('Added **Logi**');
      await ppkMessageWhen((message) => field(message, 'Logi (1)')?.value === '@\u200beveryone Stranger');

      const override = await harness.command('ppk', 'override', [
        option.string('killmail', String(KILL)),
        option.number('value', 3_000_000_000),
      ]);
      expect(override.data?.content).toContain('now worth 3b');
      await ppkMessageWhen((message) =>
        (field(message, 'Value')?.value ?? '').includes('3b (set by an admin)'),
      );

      const audit = await harness.command('ppk', 'audit', [option.string('killmail', String(KILL))]);
      const lines = (audit.data?.embeds as APIEmbed[])[0]!.description!;
      expect(lines).toContain('add event');
      expect(lines).toContain('flew logi, forgot to link');
      expect(lines).toContain('override value');
      expect(lines).toContain(`<@${harness.users.admin.id}>`);
    });

    it('GIVEN claims this month WHEN an admin asks for the summary THEN an embed with the earners comes with the full table as CSV, and /ppk me shows the member their own', async () => {
      await postKill();
      await harness.select(`ppk1:pick:${KILL}:fc`, [String(MEMBER_ALT)], 'member');
      const period = new Date().toISOString().slice(0, 7);
      const summary = await harness.command('ppk', 'summary', [option.string('period', period)]);
      const answer = await finalAnswer(summary);
      expect(answer.embeds[0]!.title).toBe(`Pay-per-kill ${period} by pilot`);
      expect(answer.embeds[0]!.description).toContain('Line Member');
      const csv = answer.attachments[0]!;
      expect(csv.filename).toBe(`ppk-${period}-pilot.csv`);
      const upload = harness.fake.requests.find(
        (call) => call.path.includes(summary.token) && call.files.length > 0,
      );
      const text = upload!.files[0]!.data.toString('utf8');
      expect(text.split('\n')[0]).toBe(
        'character_id,character_name,discord_user_id,events,shares,isk,paid_isk,unpaid_isk',
      );
      // One row per character: the alt's FC claim (2 shares), for the member who claimed it.
      expect(text).toMatch(new RegExp(`^${MEMBER_ALT},[^,]*,${harness.users.member.id},1,2,`, 'm'));

      const me = await harness.command('ppk', 'me', [option.string('period', period)], 'member');
      const mine = (me.data?.embeds as APIEmbed[])[0]!;
      expect(mine.description).toContain('Line Member');
      // The alt is off the killmail: named when ESI answered in time, else by its id.
      expect(mine.description).toMatch(new RegExp(`Member Alt|Character ${MEMBER_ALT}`));
      expect(mine.description).not.toContain('Lead');
      // The victim is shown by name.
      expect(field(ppkMessage.message, 'Victim')?.value).toContain('Unlucky Victim');
    });

    it('GIVEN the PPK manager role WHEN its holder runs an admin subcommand THEN it is allowed; only Manage Server sets the role', async () => {
      const refused = await harness.command(
        'ppk',
        'settings manager-role',
        [option.role('role', harness.roles.fc)],
        'manager',
      );
      expect(refused.data?.content).toContain('Only members with the Manage Server permission');
      const set = await harness.command('ppk', 'settings manager-role', [
        option.role('role', harness.roles.pilots),
      ]);
      expect(set.data?.content).toContain(`<@&${harness.roles.pilots}>`);
      const member = harness.as('member');
      const withRole = await harness.fake.dispatchInteraction(
        chatInputInteraction(
          harness.fake,
          { ...member, roles: [harness.roles.pilots] },
          { name: 'ppk', options: [option.subcommand('audit', [])] },
        ),
      );
      expect((withRole.data?.embeds as APIEmbed[] | undefined)?.[0]?.title).toContain('audit log');
    });

    it('GIVEN the settings WHEN an admin changes shares, pool and claim window THEN /ppk settings show says so', async () => {
      await harness.command('ppk', 'settings shares', [
        option.string('event', 'fc'),
        option.integer('shares', 3),
      ]);
      await harness.command('ppk', 'settings pool', [
        option.string('rule', 'percent'),
        option.number('percent', 5),
        option.number('cap', 100_000_000),
      ]);
      await harness.command('ppk', 'settings claim-window', [option.integer('days', 14)]);
      const shown = await harness.command('ppk', 'settings show', []);
      expect(shown.data?.content).toContain("5% of the kill's value, at most 100m per kill");
      expect(shown.data?.content).toContain('FC 3');
      expect(shown.data?.content).toContain('14 days');
    });

    it('GIVEN a kill WHEN an admin excludes it THEN it pays nothing and its buttons close', async () => {
      await postKill();
      const excluded = await harness.command('ppk', 'exclude', [
        option.string('killmail', String(KILL)),
        option.string('reason', 'awox'),
      ]);
      expect(excluded.data?.content).toContain('is excluded');
      const message = await ppkMessageWhen((shown) =>
        (field(shown, 'Value')?.value ?? '').includes('Pays nothing: excluded by an admin \\(awox\\)'),
      );
      expect(buttonsOf(message).map((button) => button.disabled)).toEqual(Array(6).fill(true));
      const late = await harness.button(`ppk1:claim:${KILL}:scout`, 'manager', ppkMessage.message);
      expect(late.data?.content).not.toContain('Claimed');
    });
  });
});
