// The alert title and the description from Discord: /tracker set title (placeholders, 256 characters,
// escaped, previewed on the newest stored kill), /tracker set description (shown by /tracker show) and the
// same two in the editor's form. Export and import keep both (tracker-transfer.test.ts).
import { type APIEmbed, type APIMessage, InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorCustomId } from '../../src/commands/tracker/editor/custom-ids.ts';
import { type BotHarness, option, startBotHarness } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import {
  addTracker,
  contentOf,
  deferredAnswer,
  embedOf,
  embedsOf,
  JITA,
  storeKillmail,
} from './tracker-support.ts';

const VICTIM = 2112000001;

describeEachDatabase('alert titles and descriptions', (getDb) => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness(getDb().handle);
    harness.esi.addNames([{ id: VICTIM, name: 'Victim Pilot', category: 'character' }]);
  });
  afterAll(async () => harness?.stop());

  const stored = async (id: number) => (await harness.ctx.trackers.get(id, harness.guildId))?.definition;
  const fieldOf = (embeds: APIEmbed[] | undefined, name: string) =>
    embeds?.[0]?.fields?.find((entry) => entry.name === name)?.value;
  /** `/tracker set title`, answered once the deferred reply is filled in. */
  async function setTitle(tracker: number, title: string): Promise<APIMessage> {
    const callback = await harness.tracker('set title', [
      option.string('tracker', String(tracker)),
      option.string('title', title),
    ]);
    return deferredAnswer(harness, callback);
  }

  describe('/tracker set title', () => {
    it('GIVEN a title with placeholders THEN it is saved, shown in the editor and previewed on the newest stored kill', async () => {
      await storeKillmail(harness, 170000001, JITA, 5);
      const row = await addTracker(harness, 'Titled');
      const answer = await setTitle(row.id, '{ship} of {victim} down in {system} ({value})');
      expect((await stored(row.id))?.title).toBe('{ship} of {victim} down in {system} ({value})');
      expect(answer.content).toContain(
        'Alerts of **Titled** are now titled “{ship} of {victim} down in {system} \\({value}\\)”.',
      );
      expect(answer.content).toContain(
        'The newest stored kill would read:\n> Rifter of Victim Pilot down in Jita \\(1m\\)',
      );
      expect(fieldOf(answer.embeds, 'Alert title')).toBe('{ship} of {victim} down in {system} \\({value}\\)');
    });

    it('GIVEN a word in braces that is not a placeholder THEN it is kept as typed and the answer says so', async () => {
      const row = await addTracker(harness, 'Braces');
      const answer = await setTitle(row.id, '{pilot} died in {system}');
      expect((await stored(row.id))?.title).toBe('{pilot} died in {system}');
      expect(answer.content).toContain(
        '{pilot} is not a placeholder and shows as typed. Placeholders: {victim}, {ship}, {system}, {value}.',
      );
    });

    it('GIVEN "none" THEN the default title is back; a title over 256 characters is refused and nothing changes', async () => {
      const row = await addTracker(harness, 'Cleared', { title: 'Old title' });
      const cleared = await setTitle(row.id, 'none');
      expect(cleared.content).toContain('Alerts of **Cleared** have the default title again.');
      expect(await stored(row.id)).not.toHaveProperty('title');
      const long = await setTitle(row.id, 'x'.repeat(257));
      expect(long.content).toContain(
        '`title`: is 257 characters long; shorten it to 256 characters or fewer',
      );
      expect(await stored(row.id)).not.toHaveProperty('title');
    });

    it('GIVEN a title with markdown and mentions WHEN a test alert is posted THEN it shows as typed with its placeholders filled, pinging nobody', async () => {
      await storeKillmail(harness, 170000002, JITA, 5);
      const row = await addTracker(harness, 'Loud title', { clauses: { require_solar_systems: [JITA] } });
      await setTitle(row.id, '**{ship}** @everyone <@&123> in {system}');
      const test = await harness.tracker('test', [option.string('tracker', String(row.id))]);
      await deferredAnswer(harness, test);
      const [posted] = harness.fake.messagesIn(harness.channels.alerts);
      expect(posted?.message.embeds[0]?.title).toBe(
        '[TEST] \\*\\*Rifter\\*\\* @\u200beveryone \\<@\u200b&123\\> in Jita',
      );
      expect(posted?.body.allowed_mentions).toEqual({ parse: [], roles: [] });
    });
  });

  describe('/tracker set description', () => {
    it('GIVEN a description THEN /tracker show shows it, escaped; "none" removes it', async () => {
      const row = await addTracker(harness, 'Described');
      const set = await harness.tracker('set description', [
        option.string('tracker', String(row.id)),
        option.string('description', 'Caps near *home*: ping FCs'),
      ]);
      expect(contentOf(set)).toContain('Described **Described**.');
      expect((await stored(row.id))?.description).toBe('Caps near *home*: ping FCs');
      const shown = await harness.tracker('show', [option.string('tracker', String(row.id))]);
      expect(fieldOf(embedsOf(shown), 'Description')).toBe('Caps near \\*home\\*\\: ping FCs');
      await harness.tracker('set description', [
        option.string('tracker', String(row.id)),
        option.string('description', 'none'),
      ]);
      expect(await stored(row.id)).not.toHaveProperty('description');
      const again = await harness.tracker('show', [option.string('tracker', String(row.id))]);
      expect(fieldOf(embedsOf(again), 'Description')).toBeUndefined();
    });
  });

  describe('in the editor', () => {
    it('GIVEN the "Pings & title…" settings THEN "Title & description…" opens a prefilled form whose submit saves both and previews the title', async () => {
      await storeKillmail(harness, 170000003, JITA, 5);
      const row = await addTracker(harness, 'Form', { title: 'Old', description: 'Old words' });
      const settings = await harness.button(editorCustomId('pings', row.id));
      expect(JSON.stringify(settings.data?.components)).toContain(editorCustomId('title', row.id));
      expect(contentOf(settings)).toContain('Their title is “Old”.');

      const form = await harness.button(editorCustomId('title', row.id));
      expect(form.type).toBe(InteractionResponseType.Modal);
      expect(form.data?.custom_id).toBe(editorCustomId('titleok', row.id));
      const inputs = (form.data?.components as Array<{ component: Record<string, unknown> }>).map(
        (label) => label.component,
      );
      expect(inputs).toMatchObject([
        { custom_id: 'title', value: 'Old', max_length: 256, required: false },
        { custom_id: 'description', value: 'Old words', max_length: 1000, required: false },
      ]);

      const settingsMessage = await harness.fake.waitForOriginal(settings.token);
      const saved = await harness.modal(
        editorCustomId('titleok', row.id),
        [
          { customId: 'title', value: '{victim} lost a {ship}' },
          { customId: 'description', value: 'Watch the home systems' },
        ],
        'admin',
        settingsMessage,
      );
      expect(saved.type).toBe(InteractionResponseType.DeferredMessageUpdate);
      const redrawn = await harness.fake.waitForOriginal(saved.token, (message) =>
        message.content.includes('would read'),
      );
      expect(redrawn.content).toContain('Described **Form**.');
      expect(redrawn.content).toContain('> Victim Pilot lost a Rifter');
      expect(await stored(row.id)).toMatchObject({
        title: '{victim} lost a {ship}',
        description: 'Watch the home systems',
      });

      // Emptied boxes bring the default title back and remove the description.
      const emptiedAnswer = await harness.modal(
        editorCustomId('titleok', row.id),
        [
          { customId: 'title', value: '' },
          { customId: 'description', value: '' },
        ],
        'admin',
        settingsMessage,
      );
      await harness.fake.waitForOriginal(emptiedAnswer.token, (message) =>
        message.content.includes('have the default title again'),
      );
      const emptied = await stored(row.id);
      expect(emptied).not.toHaveProperty('title');
      expect(emptied).not.toHaveProperty('description');
    });

    it('GIVEN the victim menu THEN "Only awox kills" is offered and switched on at once', async () => {
      const row = await addTracker(harness, 'Awox');
      const saved = await harness.select(editorCustomId('add', row.id, 'victim'), ['require_awox']);
      expect(contentOf(saved)).toContain('**Only awox kills** is on.');
      expect((await stored(row.id))?.clauses).toEqual({ require_awox: true });
      expect(embedOf(saved).description).toContain('awox (by their own corporation or alliance)');
    });
  });
});
