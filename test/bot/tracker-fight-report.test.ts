// The fight report setting from Discord: /tracker set fight-report and the alert settings' button save it,
// the editor shows it, and the tracker JSON keeps it only when on.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { editorCustomId } from '../../src/commands/tracker/editor/custom-ids.ts';
import { validateTracker } from '../../src/engine/tracker/validate.ts';
import { type BotHarness, option, startBotHarness } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { addTracker, contentOf, embedOf } from './tracker-support.ts';

describeEachDatabase('fight report setting', (getDb) => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness(getDb().handle);
  });
  afterAll(async () => harness?.stop());

  const stored = async (id: number) => harness.ctx.trackers.get(id, harness.guildId);

  it('GIVEN /tracker set fight-report true, then false THEN the tracker saves it, the editor shows it, and off removes the key', async () => {
    const row = await addTracker(harness, 'Brawls');
    const on = await harness.tracker('set fight-report', [
      option.string('tracker', String(row.id)),
      option.boolean('enabled', true),
    ]);
    expect((await stored(row.id))?.definition.fight_report).toBe(true);
    expect(contentOf(on)).toContain('Fight reports on');
    expect(embedOf(on).fields?.find((field) => field.name === 'Fight report')?.value).toContain('On');

    const off = await harness.tracker('set fight-report', [
      option.string('tracker', String(row.id)),
      option.boolean('enabled', false),
    ]);
    expect((await stored(row.id))?.definition).not.toHaveProperty('fight_report');
    expect(embedOf(off).fields?.some((field) => field.name === 'Fight report')).toBe(false);
  });

  it('GIVEN the alert settings THEN the Fight report button switches it and redraws the settings', async () => {
    const row = await addTracker(harness, 'Button brawls');
    const settings = await harness.button(editorCustomId('pings', row.id));
    expect(JSON.stringify(settings.data?.components)).toContain('"label":"Fight report: off"');
    const pressed = await harness.button(editorCustomId('fight', row.id));
    expect((await stored(row.id))?.definition.fight_report).toBe(true);
    expect(JSON.stringify(pressed.data?.components)).toContain('"label":"Fight report: on"');
    await harness.button(editorCustomId('fight', row.id));
    expect((await stored(row.id))?.definition.fight_report).toBeUndefined();
  });
});

it('GIVEN tracker JSON with fight_report THEN validation keeps true, drops false and refuses anything else', () => {
  const base = { version: 1, name: 'Brawls', ping: { everyone: false, here: false, roles: [] }, clauses: {} };
  const on = validateTracker({ ...base, fight_report: true });
  expect(on.ok && on.tracker.fight_report).toBe(true);
  const off = validateTracker({ ...base, fight_report: false });
  expect(off.ok && 'fight_report' in off.tracker).toBe(false);
  const wrong = validateTracker({ ...base, fight_report: 'yes' });
  expect(wrong.ok ? [] : wrong.problems).toEqual([
    { key: 'fight_report', message: 'must be true or false, got "yes"' },
  ]);
});
