import { type APIMessage, InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NO_PERMISSION_MESSAGE } from '../../src/commands/messages.ts';
import type { TrackerRow } from '../../src/db/tracker-repository.ts';
import type { RecordedInteractionCallback } from '../fakes/discord/index.ts';
import { type BotHarness, option, startBotHarness } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { addTracker, contentOf } from './tracker-support.ts';

describeEachDatabase('/tracker set ping-rules, ping-cooldown and digest, and the editor form', (getDb) => {
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

  /** The alert settings as the editor's "Pings & title…" button opens them (the form's button sits on them). */
  async function openAlertSettings(row: TrackerRow): Promise<APIMessage> {
    const opened = await harness.button(`trk1:pings:${row.id}`);
    return harness.fake.waitForOriginal(opened.token);
  }
  /** The text inputs of a modal answer, by custom_id: their prefilled values. */
  const formValues = (callback: RecordedInteractionCallback) =>
    Object.fromEntries(
      (callback.data?.components as Array<{ component: { custom_id: string; value?: string } }>).map(
        ({ component }) => [component.custom_id, component.value],
      ),
    );
  const stored = async (row: TrackerRow) =>
    (await harness.ctx.trackers.get(row.id, harness.guildId))?.definition;

  it('GIVEN the alert settings WHEN an admin fills the ping rules form THEN the settings redraw saying so, the tracker holds them, and the form shows them next time', async () => {
    const row = await addTracker(harness, 'Form tiers');
    const settings = await openAlertSettings(row);
    const empty = await harness.button(`trk1:tiers:${row.id}`, 'admin', settings);
    expect(empty.type).toBe(InteractionResponseType.Modal);
    expect(empty.data?.custom_id).toBe(`trk1:tiersok:${row.id}`);
    expect(formValues(empty)).toEqual({ rules: undefined, cooldown: undefined, digest: undefined });

    const fc = harness.roles.fc;
    const saved = await harness.modal(
      `trk1:tiersok:${row.id}`,
      [
        { customId: 'rules', value: `isk 10b -> @here; attackers 30 -> <@&${fc}>` },
        { customId: 'cooldown', value: '15' },
        { customId: 'digest', value: 'weekly 6' },
      ],
      'admin',
      settings,
    );
    expect(saved.type).toBe(InteractionResponseType.UpdateMessage);
    const shown = contentOf(saved);
    expect(shown).toContain('ping by rule, the first that matches');
    expect(shown).toContain('at most once every 15 minutes');
    expect(shown).toContain('posts a digest weekly on Mondays at 06:00 UTC');
    expect(await stored(row)).toMatchObject({
      ping_rules: [
        { min_value: 10_000_000_000, ping: { everyone: false, here: true, roles: [] } },
        { min_attackers: 30, ping: { everyone: false, here: false, roles: [fc] } },
      ],
      ping_cooldown_minutes: 15,
      digest: 'weekly',
      digest_hour: 6,
    });

    const again = await harness.button(`trk1:tiers:${row.id}`, 'admin', settings);
    const values = formValues(again);
    expect(values.cooldown).toBe('15');
    expect(values.digest).toBe('weekly 6');
    expect(values.rules).toContain('->');

    // Submitting it unchanged changes nothing; emptying the boxes removes all three.
    const unchanged = await harness.modal(
      `trk1:tiersok:${row.id}`,
      [
        { customId: 'rules', value: values.rules! },
        { customId: 'cooldown', value: '15' },
        { customId: 'digest', value: 'weekly 6' },
      ],
      'admin',
      settings,
    );
    expect(contentOf(unchanged)).toContain('Nothing changed for **Form tiers**');
    const cleared = await harness.modal(
      `trk1:tiersok:${row.id}`,
      [
        { customId: 'rules', value: '' },
        { customId: 'cooldown', value: '' },
        { customId: 'digest', value: '' },
      ],
      'admin',
      settings,
    );
    expect(contentOf(cleared)).toContain('Removed the ping rules');
    const definition = await stored(row);
    expect(definition).not.toHaveProperty('ping_rules');
    expect(definition).not.toHaveProperty('ping_cooldown_minutes');
    expect(definition).not.toHaveProperty('digest');
  });

  it('GIVEN a bad digest in the form THEN the admin is told how to write it and nothing is saved', async () => {
    const row = await addTracker(harness, 'Form typo');
    const settings = await openAlertSettings(row);
    const refused = await harness.modal(
      `trk1:tiersok:${row.id}`,
      [
        { customId: 'rules', value: 'isk 1b -> @here' },
        { customId: 'cooldown', value: '5' },
        { customId: 'digest', value: 'hourly' },
      ],
      'admin',
      settings,
    );
    expect(contentOf(refused)).toContain('Write the digest as "daily 18" or "weekly 0"');
    const definition = await stored(row);
    expect(definition).not.toHaveProperty('ping_rules');
    expect(definition).not.toHaveProperty('ping_cooldown_minutes');
  });

  it('GIVEN a member without the manager right THEN the form neither opens nor saves', async () => {
    const row = await addTracker(harness, 'Form locked');
    const settings = await openAlertSettings(row);
    const opened = await harness.button(`trk1:tiers:${row.id}`, 'member', settings);
    expect(contentOf(opened)).toBe(NO_PERMISSION_MESSAGE);
    const submitted = await harness.modal(
      `trk1:tiersok:${row.id}`,
      [
        { customId: 'rules', value: 'isk 1b -> @here' },
        { customId: 'cooldown', value: '5' },
        { customId: 'digest', value: 'daily 18' },
      ],
      'member',
      settings,
    );
    expect(contentOf(submitted)).toBe(NO_PERMISSION_MESSAGE);
    const definition = await stored(row);
    expect(definition).not.toHaveProperty('ping_rules');
    expect(definition).not.toHaveProperty('ping_cooldown_minutes');
    expect(definition).not.toHaveProperty('digest');
  });
});
