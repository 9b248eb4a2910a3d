import { afterAll, beforeAll, expect, it } from 'vitest';
import { EXPORT_FILE_NAME } from '../../src/commands/tracker/subcommands/export.ts';
import { MAX_IMPORT_BYTES } from '../../src/commands/tracker/subcommands/import.ts';
import type { TrackerDefinition } from '../../src/engine/tracker/types.ts';
import type { RecordedInteractionCallback } from '../fakes/discord/index.ts';
import { type BotHarness, option, startBotHarness } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { addTracker, deferredAnswer, JITA } from './tracker-support.ts';

describeEachDatabase('/tracker export and import', (getDb) => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness(getDb().handle);
  });
  afterAll(async () => harness?.stop());

  function exportedFile(callback: RecordedInteractionCallback): unknown {
    expect(callback.files).toHaveLength(1);
    expect(callback.files[0]?.filename).toBe(EXPORT_FILE_NAME);
    return JSON.parse(callback.files[0]?.data.toString('utf8') ?? '');
  }

  async function importFile(content: string, filename = 'trackers.json'): Promise<string> {
    const attachment = harness.fake.hostAttachment(filename, content);
    const callback = await harness.tracker('import', [
      option.attachment('file', attachment.id),
      option.channel('channel', harness.channels.intel),
    ]);
    return (await deferredAnswer(harness, callback)).content;
  }

  const names = async () => (await harness.ctx.trackers.list(harness.guildId)).map((row) => row.name);

  it('GIVEN two trackers WHEN exported, deleted and imported THEN the same definitions come back, enabled as before', async () => {
    await addTracker(harness, 'Jita watch', {
      enabled: true,
      origin_solar_system_id: JITA,
      color: '#ff5500',
      ping: { everyone: false, here: true, roles: [] },
      clauses: { require_max_jumps: 3, require_min_value: 1_000_000_000 },
    });
    await addTracker(harness, 'Draft');
    await addTracker(harness, 'Not ours', {}, { guildId: harness.otherGuildId });
    const exported = exportedFile(await harness.tracker('export')) as TrackerDefinition[];
    expect(exported.map((tracker) => tracker.name)).toEqual(['Jita watch', 'Draft']);
    const before = (await harness.ctx.trackers.list(harness.guildId)).map((row) => row.definition);
    for (const row of await harness.ctx.trackers.list(harness.guildId))
      await harness.ctx.trackers.remove(row.id, harness.guildId);

    const answer = await importFile(JSON.stringify(exported));
    expect(answer).toContain(`Imported 2 trackers posting in <#${harness.channels.intel}>`);
    expect(answer).toContain('**Draft** (disabled)');
    const after = await harness.ctx.trackers.list(harness.guildId);
    expect(after.map((row) => row.definition)).toEqual(before);
    expect(after.every((row) => row.channelId === harness.channels.intel)).toBe(true);
  });

  it('GIVEN a tracker with an alert title and a description WHEN exported and imported THEN both come back', async () => {
    await addTracker(harness, 'Round trip', { title: '{ship} down in {system}', description: 'For the FCs' });
    const exported = exportedFile(
      await harness.tracker('export', [option.string('tracker', 'Round trip')]),
    ) as TrackerDefinition;
    expect(exported).toMatchObject({ title: '{ship} down in {system}', description: 'For the FCs' });
    for (const row of await harness.ctx.trackers.list(harness.guildId))
      await harness.ctx.trackers.remove(row.id, harness.guildId);
    expect(await importFile(JSON.stringify(exported))).toContain('Imported one tracker');
    const [imported] = await harness.ctx.trackers.list(harness.guildId);
    expect(imported?.definition).toMatchObject({
      title: '{ship} down in {system}',
      description: 'For the FCs',
    });
  });

  it('GIVEN one tracker named THEN the file holds that single object', async () => {
    const row = await addTracker(harness, 'Solo', { clauses: { require_solo: true } });
    await addTracker(harness, 'Other');
    const exported = exportedFile(
      await harness.tracker('export', [option.string('tracker', String(row.id))]),
    );
    expect(exported).toEqual(row.definition);
    // In the documented order, not the database's (jsonb stores shorter keys first).
    expect(Object.keys(exported as object)).toEqual(['version', 'name', 'enabled', 'ping', 'ppk', 'clauses']);
    expect(Object.keys((exported as TrackerDefinition).ping)).toEqual(['everyone', 'here', 'roles']);
  });

  it('GIVEN no trackers THEN export says there is nothing to export', async () => {
    const callback = await harness.tracker('export');
    expect(String(callback.data?.content)).toContain('no trackers to export');
    expect(callback.files).toEqual([]);
  });

  it('GIVEN a file with several problems THEN every one is listed and nothing is imported', async () => {
    await addTracker(harness, 'Existing');
    const file = [
      { version: 1, name: 'Existing', clauses: {} },
      { version: 1, name: 'Typo', clauses: { require_max_jump: 5 } },
      { version: 1, name: 'Twice' },
      { version: 1, name: 'twice' },
      { version: 2, name: 'Future', origin_solar_system_id: 30999999 },
    ];
    const answer = await importFile(JSON.stringify(file));
    // Discord hides markdown escapes; compare the text as the admin reads it.
    const shown = answer.replace(/\\(.)/g, '$1');
    expect(shown).toContain('has 5 problems; nothing was imported');
    expect(shown).toContain('#1 "Existing" `name`: is already used by a tracker of this server');
    expect(shown).toContain('#2 "Typo" `clauses.require_max_jump`: unknown clause');
    expect(shown).toContain('#4 "twice" `name`: is also the name of tracker #3');
    expect(shown).toContain('#5 "Future" `version`');
    expect(shown).toContain('#5 "Future" `origin_solar_system_id`');
    expect(answer.length).toBeLessThanOrEqual(2000);
    expect(await names()).toEqual(['Existing']);
  });

  it('GIVEN hundreds of problems THEN the list is cut to fit one message', async () => {
    const file = Array.from({ length: 300 }, (_, index) => ({ version: 1, name: `T${index}`, ping: 'loud' }));
    const answer = await importFile(JSON.stringify(file));
    expect(answer.length).toBeLessThanOrEqual(2000);
    expect(answer).toMatch(/\+\d+ more$/);
    expect(await names()).toEqual([]);
  });

  it('GIVEN a file that is not JSON, or too large THEN it explains and imports nothing', async () => {
    expect(await importFile('{"version": 1,', 'broken.json')).toContain('broken.json is not valid JSON');
    expect(await importFile(' '.repeat(MAX_IMPORT_BYTES + 1))).toContain('larger than 1 MB');
    expect(await names()).toEqual([]);
  });
});
