// The whole product through its front door: an admin builds a tracker in Discord (command, editor
// select + modal, enable), a killmail arrives on the fake R2Z2 feed, and the alert lands in the channel
// with the configured pings — the real discord.js client, the real database and the real pipeline.
import { type APIMessage, InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { createMetrics } from '../../src/metrics.ts';
import { type RunningPipeline, startPipeline } from '../../src/pipeline/run-pipeline.ts';
import { fixedWorld } from '../../src/pipeline/world.ts';
import { type FakeR2z2, startFakeR2z2 } from '../fakes/r2z2.ts';
import { type BotHarness, miniWorld, option, seedMiniSde, startBotHarness } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { freshKill, killIdOf, testPipelineSettings } from '../helpers/live-feed.ts';

const JITA = 30000142;
const AMARR = 30002187;

describeEachDatabase('from /tracker create to an alert in the channel', (getDb) => {
  let harness: BotHarness;
  let feed: FakeR2z2;
  let pipeline: RunningPipeline;

  beforeAll(async () => {
    await seedMiniSde(getDb().handle);
    harness = await startBotHarness(getDb().handle);
    feed = await startFakeR2z2({ documents: [freshKill(1, { systemId: AMARR })], firstSequence: 7000 });
    pipeline = await startPipeline({
      database: getDb().handle,
      settings: testPipelineSettings(feed.url),
      world: fixedWorld(await miniWorld()),
      sender: harness.ctx.sender,
      names: harness.ctx.nameResolver,
      log: silentLogger,
      metrics: createMetrics(),
      trackerRefreshMs: 200,
    });
  }, 60_000);

  afterAll(async () => {
    await pipeline?.stop();
    await feed?.close();
    await harness?.stop();
  });

  it('GIVEN a tracker built with commands and the editor WHEN a matching kill arrives THEN it is posted once with its pings', async () => {
    const created = await harness.tracker('create', [
      option.string('name', 'Jita gangs'),
      option.channel('channel', harness.channels.intel),
      option.string('origin', 'Jita'),
      option.string('ping', 'here'),
    ]);
    expect(created.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const row = await harness.ctx.trackers.findByName(harness.guildId, 'Jita gangs');
    expect(row?.definition.enabled).toBe(false);
    const trackerId = String(row!.id);

    const byCommand = await harness.tracker('add-clause', [
      option.string('tracker', trackerId),
      option.string('clause', 'require_min_attackers'),
      option.string('value', '3'),
    ]);
    expect(JSON.stringify(byCommand.data)).toContain('Min attackers');

    const editor: APIMessage = await harness.fake.waitForOriginal(created.token);
    const modal = await harness.select(
      `trk1:add:${trackerId}:location`,
      ['require_max_jumps'],
      'admin',
      editor,
    );
    expect(modal.type).toBe(InteractionResponseType.Modal);
    const saved = await harness.modal(
      `trk1:val:${trackerId}:require_max_jumps`,
      [{ customId: 'value', value: '1' }],
      'admin',
      editor,
    );
    expect(saved.type).toBe(InteractionResponseType.UpdateMessage);

    await harness.tracker('ping', [
      option.string('tracker', trackerId),
      option.string('mode', 'here'),
      option.role('role', harness.roles.fc),
    ]);
    const enabled = await harness.tracker('enable', [option.string('tracker', trackerId)]);
    expect(JSON.stringify(enabled.data)).toMatch(/enabled/i);
    const stored = await harness.ctx.trackers.get(row!.id, harness.guildId);
    expect(stored?.definition).toMatchObject({
      enabled: true,
      origin_solar_system_id: JITA,
      ping: { here: true, everyone: false, roles: [harness.roles.fc] },
      clauses: { require_min_attackers: 3, require_max_jumps: 1 },
    });

    // The matcher picks the change up by itself; then: too few attackers, too far, and a match.
    await new Promise((done) => setTimeout(done, 1000));
    feed.publish(
      freshKill(10, { systemId: JITA, attackers: 1 }),
      freshKill(11, { systemId: AMARR, attackers: 5 }),
      freshKill(12, { systemId: JITA, attackers: 5 }),
    );
    const [alert] = await harness.fake.waitForMessages(harness.channels.intel, 1, { timeoutMs: 30_000 });
    expect(killIdOf(alert!)).toBe(12);
    expect(String(alert!.body.content)).toContain('@here');
    expect(String(alert!.body.content)).toContain(`<@&${harness.roles.fc}>`);
    expect(String(alert!.body.content)).toContain('Jita gangs');
    expect(alert!.body.allowed_mentions).toEqual({ parse: ['everyone'], roles: [harness.roles.fc] });

    await new Promise((done) => setTimeout(done, 1500));
    expect(harness.fake.messagesIn(harness.channels.intel).map(killIdOf)).toEqual([12]);
    expect(harness.fake.messagesIn(harness.channels.alerts)).toEqual([]);
  }, 90_000);
});
