import { afterAll, beforeAll, expect, it } from 'vitest';
import { editorCustomId } from '../../src/commands/tracker/editor/custom-ids.ts';
import { type BotHarness, option, startBotHarness } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { addTracker, componentsOf, contentOf, embedOf } from './tracker-support.ts';

describeEachDatabase('PPK claim buttons on a tracker', (getDb) => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness(getDb().handle);
  }, 60_000);
  afterAll(async () => harness?.stop());

  const ppkOf = async (name: string) =>
    (await harness.ctx.trackers.findByName(harness.guildId, name))?.definition.ppk;

  it('GIVEN a tracker WHEN an admin runs /tracker set ppk enabled:true then false THEN its alerts carry the claim buttons, then no more', async () => {
    const row = await addTracker(harness, 'Paid kills');
    const on = await harness.tracker('set ppk', [
      option.string('tracker', String(row.id)),
      option.boolean('enabled', true),
    ]);
    expect(contentOf(on)).toContain('now carry the pay-per-kill claim buttons');
    expect(embedOf(on).fields).toContainEqual({
      name: 'Pay-per-kill',
      value: 'Alerts carry the claim buttons',
      inline: true,
    });
    expect(await ppkOf('Paid kills')).toBe(true);

    const off = await harness.tracker('set ppk', [
      option.string('tracker', String(row.id)),
      option.boolean('enabled', false),
    ]);
    expect(contentOf(off)).toContain('no longer carry claim buttons');
    expect(await ppkOf('Paid kills')).toBe(false);
  });

  it('GIVEN the alert settings of the editor WHEN the PPK claim buttons button is pressed THEN it switches and says so', async () => {
    const row = await addTracker(harness, 'Editor kills');
    const settings = await harness.button(editorCustomId('pings', row.id));
    expect(JSON.stringify(componentsOf(settings))).toContain('PPK claim buttons: off');
    const pressed = await harness.button(editorCustomId('ppk', row.id));
    expect(JSON.stringify(componentsOf(pressed))).toContain('PPK claim buttons: on');
    expect(contentOf(pressed)).toContain('They carry the pay-per-kill claim buttons.');
    expect(await ppkOf('Editor kills')).toBe(true);
    const member = await harness.button(editorCustomId('ppk', row.id), 'member');
    expect(contentOf(member)).toContain('Manage Server');
    expect(await ppkOf('Editor kills')).toBe(true);
  });
});
