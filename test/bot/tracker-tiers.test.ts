import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BotHarness, option, startBotHarness } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { addTracker, contentOf } from './tracker-support.ts';

describeEachDatabase('/tracker set ping-rules, ping-cooldown and digest', (getDb) => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness(getDb().handle);
  });
  afterAll(async () => harness?.stop());

  it('GIVEN typed rules, a cooldown and a digest THEN the tracker JSON holds them and "none"/0/off remove them', async () => {
    const row = await addTracker(harness, 'Tiers');
    const fc = harness.roles.fc;
    const rules = await harness.tracker('set ping-rules', [
      option.string('tracker', String(row.id)),
      option.string('rules', `isk 20b -> @everyone; isk 1b -> <@&${fc}>`),
    ]);
    expect(contentOf(rules)).toContain('ping by rule');
    await harness.tracker('set ping-cooldown', [
      option.string('tracker', String(row.id)),
      option.integer('minutes', 10),
    ]);
    const digest = await harness.tracker('set digest', [
      option.string('tracker', String(row.id)),
      option.string('period', 'daily'),
      option.integer('hour', 18),
    ]);
    expect(contentOf(digest)).toContain('daily at 18:00 UTC');
    const saved = await harness.ctx.trackers.get(row.id, harness.guildId);
    expect(saved?.definition).toMatchObject({
      ping_rules: [
        { min_value: 20_000_000_000, ping: { everyone: true, here: false, roles: [] } },
        { min_value: 1_000_000_000, ping: { everyone: false, here: false, roles: [fc] } },
      ],
      ping_cooldown_minutes: 10,
      digest: 'daily',
      digest_hour: 18,
    });

    await harness.tracker('set ping-rules', [
      option.string('tracker', String(row.id)),
      option.string('rules', 'none'),
    ]);
    await harness.tracker('set ping-cooldown', [
      option.string('tracker', String(row.id)),
      option.integer('minutes', 0),
    ]);
    await harness.tracker('set digest', [
      option.string('tracker', String(row.id)),
      option.string('period', 'off'),
    ]);
    const cleared = await harness.ctx.trackers.get(row.id, harness.guildId);
    expect(cleared?.definition).not.toHaveProperty('ping_rules');
    expect(cleared?.definition).not.toHaveProperty('ping_cooldown_minutes');
    expect(cleared?.definition).not.toHaveProperty('digest');
  });

  it('GIVEN a rule without an arrow THEN the answer says how to write rules and nothing changes', async () => {
    const row = await addTracker(harness, 'Bad rules');
    const callback = await harness.tracker('set ping-rules', [
      option.string('tracker', String(row.id)),
      option.string('rules', 'isk 1b @here'),
    ]);
    expect(contentOf(callback)).toContain('has no `->`');
    expect((await harness.ctx.trackers.get(row.id, harness.guildId))?.definition).not.toHaveProperty(
      'ping_rules',
    );
  });
});
