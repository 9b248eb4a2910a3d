import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorCustomId } from '../../src/commands/tracker/editor/custom-ids.ts';
import { NO_KILLMAILS_MESSAGE } from '../../src/tracker-ops/test-post.ts';
import { type BotHarness, option, startBotHarness } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { AMARR, addTracker, deferredAnswer, JITA, storeKillmail } from './tracker-support.ts';

describeEachDatabase('/tracker preview and test post', (getDb) => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness(getDb().handle);
  });
  afterAll(async () => harness?.stop());

  /** Four kills in Jita and two in Amarr over the last five hours, and a Jita kill from two days ago. */
  async function seedKillmails(): Promise<void> {
    await storeKillmail(harness, 150000000, JITA, 2 * 24 * 60);
    await storeKillmail(harness, 150000001, JITA, 30);
    await storeKillmail(harness, 150000002, AMARR, 60);
    await storeKillmail(harness, 150000003, JITA, 90);
    await storeKillmail(harness, 150000004, JITA, 180);
    await storeKillmail(harness, 150000005, AMARR, 240);
    await storeKillmail(harness, 150000006, JITA, 300);
  }

  const jitaWatch = (extra = {}) =>
    addTracker(harness, 'Jita watch', {
      clauses: { require_solar_systems: [JITA] },
      max_age_minutes: 5,
      ...extra,
    });

  describe('preview', () => {
    it('GIVEN stored killmails WHEN a disabled tracker with a 5 minute max age is previewed THEN it counts every match and renders the three newest', async () => {
      await seedKillmails();
      const row = await jitaWatch();
      const callback = await harness.tracker('preview', [option.string('tracker', String(row.id))]);
      expect(callback.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
      const answer = await deferredAnswer(harness, callback);
      expect((answer.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
      expect(answer.content).toContain(
        '**Jita watch** would have posted **4 alerts** in the last 24 hours (6 killmails checked).',
      );
      expect(answer.embeds).toHaveLength(3);
      const links = answer.embeds.map((embed) => embed.url ?? JSON.stringify(embed));
      expect(links[0]).toContain('150000001');
      expect(links[1]).toContain('150000003');
      expect(links[2]).toContain('150000004');
    });

    it('GIVEN fewer hours THEN only the killmails received in that window are checked', async () => {
      await seedKillmails();
      const row = await jitaWatch({ ping: { everyone: false, here: true, roles: [] } });
      const callback = await harness.tracker('preview', [
        option.string('tracker', String(row.id)),
        option.integer('hours', 1),
      ]);
      const answer = await deferredAnswer(harness, callback);
      expect(answer.content).toContain('**1 alert** in the last 1 hour (2 killmails checked)');
      expect(answer.content).toContain('Each would ping @here.');
      expect(answer.mention_everyone).toBe(false);
    });

    it('GIVEN a tracker that matches nothing THEN it says so and suggests what to do', async () => {
      await seedKillmails();
      const row = await addTracker(harness, 'Thera only', { clauses: { require_solar_systems: [31000005] } });
      const answer = await deferredAnswer(
        harness,
        await harness.tracker('preview', [option.string('tracker', String(row.id))]),
      );
      expect(answer.content).toContain('would have posted **0 alerts**');
      expect(answer.content).toContain('Loosen a condition');
      expect(answer.embeds).toEqual([]);
    });

    it('GIVEN no stored killmails THEN the preview explains there is nothing to look at yet', async () => {
      const row = await jitaWatch();
      const answer = await deferredAnswer(
        harness,
        await harness.tracker('preview', [option.string('tracker', String(row.id))]),
      );
      expect(answer.content).toContain('No killmails were received in the last 24 hours');
    });

    it('GIVEN the editor Preview button THEN the preview arrives in a new ephemeral message', async () => {
      await seedKillmails();
      const row = await jitaWatch();
      const callback = await harness.button(editorCustomId('preview', row.id));
      expect(callback.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
      const answer = await deferredAnswer(harness, callback);
      expect(answer.content).toContain('would have posted **4 alerts**');
    });
  });

  describe('test post', () => {
    it('GIVEN a tracker pinging @here and a role THEN the newest matching killmail lands in its channel, marked TEST, with real pings', async () => {
      await seedKillmails();
      const row = await jitaWatch({ ping: { everyone: false, here: true, roles: [harness.roles.fc] } });
      const before = harness.fake.messagesIn(harness.channels.alerts).length;
      const callback = await harness.tracker('test', [option.string('tracker', String(row.id))]);
      const answer = await deferredAnswer(harness, callback);
      expect(answer.content).toContain(`Posted a test alert in <#${harness.channels.alerts}>`);
      expect(answer.content).toContain('killmail 150000001, the newest it matched');
      const posted = harness.fake.messagesIn(harness.channels.alerts).slice(before);
      expect(posted).toHaveLength(1);
      const [alert] = posted;
      expect(alert?.body.allowed_mentions).toEqual({ parse: ['everyone'], roles: [harness.roles.fc] });
      expect(alert?.message.mention_everyone).toBe(true);
      expect(alert?.message.mention_roles).toEqual([harness.roles.fc]);
      expect(alert?.message.content).toMatch(/^\*\*Test alert\*\*/);
      expect(alert?.message.content).toContain(`@here <@&${harness.roles.fc}>`);
      expect(alert?.message.embeds[0]?.title).toMatch(/^\[TEST\]/);
      expect(JSON.stringify(alert?.message.embeds)).toContain('150000001');
    });

    it('GIVEN nothing matched in the last day THEN the newest killmail is posted and the notice says so', async () => {
      await seedKillmails();
      const row = await addTracker(harness, 'Thera only', { clauses: { require_solar_systems: [31000005] } });
      const before = harness.fake.messagesIn(harness.channels.alerts).length;
      const answer = await deferredAnswer(
        harness,
        await harness.tracker('test', [option.string('tracker', String(row.id))]),
      );
      expect(answer.content).toContain(
        'killmail 150000001, the newest stored: none of the last 24 hours matched',
      );
      expect(harness.fake.messagesIn(harness.channels.alerts).length).toBe(before + 1);
    });

    it('GIVEN no stored killmails THEN nothing is posted and the admin learns why', async () => {
      const row = await jitaWatch();
      const before = harness.fake.messagesIn(harness.channels.alerts).length;
      const answer = await deferredAnswer(
        harness,
        await harness.tracker('test', [option.string('tracker', String(row.id))]),
      );
      expect(answer.content).toBe(NO_KILLMAILS_MESSAGE);
      expect(harness.fake.messagesIn(harness.channels.alerts).length).toBe(before);
    });

    it('GIVEN Discord refuses the channel (Missing Permissions) THEN the answer is advice on the permission', async () => {
      await seedKillmails();
      const row = await jitaWatch();
      harness.fake.failChannel(harness.channels.alerts, { kind: 'missing-permissions' });
      const answer = await deferredAnswer(
        harness,
        await harness.tracker('test', [option.string('tracker', String(row.id))]),
      );
      expect(answer.content).toContain(`The bot could not post in <#${harness.channels.alerts}>`);
      expect(answer.content).toContain('give the bot Send Messages and Embed Links');
    });

    it('GIVEN the editor Test post button fails (no killmails yet) THEN the advice is an ephemeral follow-up and the editor stays', async () => {
      const row = await jitaWatch();
      const shown = await harness.tracker('show', [option.string('tracker', String(row.id))]);
      const editor = await harness.fake.waitForOriginal(shown.token);
      const callback = await harness.button(editorCustomId('test', row.id), 'admin', editor);
      expect(callback.type).toBe(InteractionResponseType.DeferredMessageUpdate);
      const [advice] = await harness.fake.waitFor(() => harness.fake.followUps.get(callback.token));
      expect(advice?.content).toBe(NO_KILLMAILS_MESSAGE);
      expect((advice?.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
      const after = harness.fake.originals.get(callback.token);
      expect(after?.embeds).toEqual(editor.embeds);
      expect(after?.components).toEqual(editor.components);
    });

    it('GIVEN the editor Test post button THEN the alert is posted and the editor shows the notice in place', async () => {
      await seedKillmails();
      const row = await jitaWatch();
      const before = harness.fake.messagesIn(harness.channels.alerts).length;
      const callback = await harness.button(editorCustomId('test', row.id));
      expect(callback.type).toBe(InteractionResponseType.DeferredMessageUpdate);
      const editor = await harness.fake.waitForOriginal(callback.token, (message) =>
        message.content.includes('Posted a test alert'),
      );
      expect(editor.embeds.length).toBeGreaterThan(0);
      expect(harness.fake.messagesIn(harness.channels.alerts).length).toBe(before + 1);
    });
  });
});
