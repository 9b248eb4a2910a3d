// One guild cannot degrade the bot for all: trackers per guild, entries per list and per guild, previews one
// at a time with a pause, out-of-range ids and unreadable names all get an answer saying what to do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTracker } from '../../src/tracker-ops/save.ts';
import { type BotHarness, option, startBotHarness } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { addTracker, contentOf, deferredAnswer, definition, JITA, storeKillmail } from './tracker-support.ts';

const GENERIC_ERROR = 'Something went wrong';

describeEachDatabase('/tracker limits and bad input', (getDb) => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness(getDb().handle, {
      limits: { trackersPerGuild: 3, listEntriesPerClause: 5, listEntriesPerGuild: 8 },
      historyScanCooldownMs: 60_000,
    });
  });
  afterAll(async () => harness?.stop());

  const names = async () => (await harness.ctx.trackers.list(harness.guildId)).map((row) => row.name);
  const create = (name: string) =>
    harness.tracker('create', [
      option.string('name', name),
      option.channel('channel', harness.channels.alerts),
    ]);
  const addClause = (tracker: number, clause: string, value: string) =>
    harness.tracker('add-clause', [
      option.string('tracker', String(tracker)),
      option.string('clause', clause),
      option.string('value', value),
    ]);
  async function importFile(content: string): Promise<string> {
    const attachment = harness.fake.hostAttachment('trackers.json', content);
    const callback = await harness.tracker('import', [
      option.attachment('file', attachment.id),
      option.channel('channel', harness.channels.intel),
    ]);
    return (await deferredAnswer(harness, callback)).content;
  }

  describe('numeric lookups', () => {
    it.each(['9999999999', '2147483648'])(
      'GIVEN /tracker show %s (beyond any tracker id) THEN it is "no such tracker", not an error on our side',
      async (typed) => {
        await addTracker(harness, 'Real one');
        const answer = contentOf(await harness.tracker('show', [option.string('tracker', typed)]));
        expect(answer).toContain(`No tracker "${typed}" in this server`);
        expect(answer).not.toContain(GENERIC_ERROR);
      },
    );
  });

  describe('tracker names', () => {
    it.each([
      ['only zero-width spaces', '\u200b\u200b\u200b', 'is made only of invisible characters'],
      ['only Hangul fillers', '\u3164\u3164', 'is made only of invisible characters'],
      [
        'the blank Braille pattern and a direction mark',
        '\u2800\u200e',
        'is made only of invisible characters',
      ],
      ['a line break', 'Caps\nnear home', 'must fit on one line'],
      ['a line separator', 'Caps\u2028near home', 'must fit on one line'],
    ])(
      'GIVEN a name with %s WHEN creating THEN it is refused and nothing is created',
      async (_, name, problem) => {
        const answer = contentOf(await create(name));
        expect(answer).toContain(problem);
        expect(answer).not.toContain(GENERIC_ERROR);
        expect(await names()).toEqual([]);
      },
    );

    it('GIVEN an existing tracker WHEN renamed or cloned to an unreadable name THEN it is refused; a normal name is fine', async () => {
      const row = await addTracker(harness, 'Home');
      const renamed = await harness.tracker('rename', [
        option.string('tracker', String(row.id)),
        option.string('name', 'Home\r\ndefence'),
      ]);
      expect(contentOf(renamed)).toContain('must fit on one line');
      const cloned = await harness.tracker('clone', [
        option.string('tracker', String(row.id)),
        option.string('name', '\u200b'),
      ]);
      expect(contentOf(cloned)).toContain('is made only of invisible characters');
      expect(await names()).toEqual(['Home']);
      await harness.tracker('rename', [
        option.string('tracker', String(row.id)),
        option.string('name', 'Home 2'),
      ]);
      expect(await names()).toEqual(['Home 2']);
    });

    it('GIVEN an import file with an invisible name and a name with a line break THEN both are listed and nothing is imported', async () => {
      const answer = await importFile(
        JSON.stringify([
          { version: 1, name: '\u200b\u200c' },
          { version: 1, name: 'Two\nlines' },
          { version: 1, name: 'Fine' },
        ]),
      );
      expect(answer).toContain('has 2 problems; nothing was imported');
      expect(answer).toContain('• \\#1 `name`: is made only of invisible characters');
      expect(answer).toContain('• \\#2 `name`: must fit on one line');
      expect(await names()).toEqual([]);
    });
  });

  describe('trackers per guild', () => {
    it('GIVEN a server at its 3 trackers WHEN one more is created, cloned or imported THEN each is refused naming the limit and the setting', async () => {
      for (const name of ['One', 'Two', 'Three']) await create(name);
      expect(await names()).toEqual(['One', 'Two', 'Three']);
      const created = contentOf(await create('Four'));
      expect(created).toContain('This server has 3 trackers, and the limit is 3 trackers per server.');
      expect(created).toContain('Delete trackers you no longer need');
      expect(created).toContain('MAX_TRACKERS_PER_GUILD');
      const [first] = await harness.ctx.trackers.list(harness.guildId);
      const cloned = await harness.tracker('clone', [
        option.string('tracker', String(first!.id)),
        option.string('name', 'Copy'),
      ]);
      expect(contentOf(cloned)).toContain('MAX_TRACKERS_PER_GUILD');
      const imported = await importFile(JSON.stringify({ version: 1, name: 'Imported' }));
      expect(imported).toContain('MAX_TRACKERS_PER_GUILD');
      expect(await names()).toEqual(['One', 'Two', 'Three']);
      // Other servers have their own count.
      await addTracker(harness, 'Elsewhere', {}, { guildId: harness.otherGuildId });
      expect(await harness.ctx.trackers.list(harness.otherGuildId)).toHaveLength(1);
    });

    it('GIVEN five creates at once against a limit of 3 THEN exactly three trackers exist: the check runs inside each write', async () => {
      const results = await Promise.allSettled(
        ['A', 'B', 'C', 'D', 'E'].map((name) =>
          createTracker(harness.ctx, {
            guildId: harness.guildId,
            channelId: harness.channels.alerts,
            definition: definition(name),
          }),
        ),
      );
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
      for (const result of results.filter((entry) => entry.status === 'rejected'))
        expect(String((result as PromiseRejectedResult).reason)).toContain('MAX_TRACKERS_PER_GUILD');
      expect(await harness.ctx.trackers.list(harness.guildId)).toHaveLength(3);
    });

    it('GIVEN room for one WHEN a file of two is imported THEN none is imported and the answer says how much room is left', async () => {
      await create('One');
      await create('Two');
      const answer = await importFile(
        JSON.stringify([
          { version: 1, name: 'A' },
          { version: 1, name: 'B' },
        ]),
      );
      expect(answer).toContain('(room for 1 more, not 2)');
      expect(await names()).toEqual(['One', 'Two']);
    });
  });

  describe('list entries', () => {
    it('GIVEN a limit of 5 per list WHEN 6 pilots are added THEN it is refused naming the setting; 5 are fine', async () => {
      const row = await addTracker(harness, 'Pilots');
      const refused = contentOf(await addClause(row.id, 'require_attacker_characters', '1, 2, 3, 4, 5, 6'));
      expect(refused).toContain('lists at most 5 ids, got 6');
      expect(refused).toContain('MAX_LIST_ENTRIES_PER_CLAUSE');
      expect((await harness.ctx.trackers.get(row.id, harness.guildId))?.definition.clauses).toEqual({});
      await addClause(row.id, 'require_attacker_characters', '1, 2, 3, 4, 5');
      expect(
        (await harness.ctx.trackers.get(row.id, harness.guildId))?.definition.clauses
          .require_attacker_characters,
      ).toHaveLength(5);
    });

    it('GIVEN 8 entries per server WHEN a second tracker would bring the total to 9 THEN it is refused; 8 is fine', async () => {
      const first = await addTracker(harness, 'First', {
        clauses: { require_attacker_characters: [1, 2, 3, 4, 5] },
      });
      const second = await addTracker(harness, 'Second');
      const refused = contentOf(await addClause(second.id, 'require_victim_characters', '11, 12, 13, 14'));
      expect(refused).toContain("That would make this server's trackers list 9 names and ids in all");
      expect(refused).toContain('the limit is 8 per server');
      expect(refused).toContain('MAX_LIST_ENTRIES_PER_GUILD');
      await addClause(second.id, 'require_victim_characters', '11, 12, 13');
      expect(
        (await harness.ctx.trackers.get(second.id, harness.guildId))?.definition.clauses
          .require_victim_characters,
      ).toEqual([11, 12, 13]);
      // A clone would double the lists: refused too.
      const cloned = await harness.tracker('clone', [
        option.string('tracker', String(first.id)),
        option.string('name', 'First again'),
      ]);
      expect(contentOf(cloned)).toContain('MAX_LIST_ENTRIES_PER_GUILD');
    });

    it('GIVEN a server already over a lowered limit WHEN it shrinks a list or changes something else THEN that is allowed', async () => {
      const row = await addTracker(harness, 'Big', {
        clauses: {
          require_attacker_characters: [1, 2, 3, 4, 5],
          require_victim_characters: [6, 7, 8, 9, 10],
        },
      });
      const removed = await harness.tracker('remove-clause', [
        option.string('tracker', String(row.id)),
        option.string('clause', 'require_victim_characters'),
      ]);
      expect(contentOf(removed)).toContain('removed');
      const enabled = await harness.tracker('enable', [option.string('tracker', String(row.id))]);
      expect(contentOf(enabled)).toContain('Enabled');
    });
  });

  describe('previews', () => {
    it('GIVEN a preview just ran WHEN the server previews again or posts a test THEN it is asked to wait; another server is not', async () => {
      const row = await addTracker(harness, 'Jita', { clauses: { require_solar_systems: [JITA] } });
      await storeKillmail(harness, 160000001, JITA, 10);
      const first = await deferredAnswer(
        harness,
        await harness.tracker('preview', [option.string('tracker', String(row.id))]),
      );
      expect(first.content).toContain('would have posted **1 alert**');
      const again = await deferredAnswer(
        harness,
        await harness.tracker('preview', [option.string('tracker', String(row.id))]),
      );
      expect(again.content).toMatch(/with a pause of 60 seconds after each: try again in \d+ seconds/);
      expect(again.content).toContain('PREVIEW_COOLDOWN_SECONDS');
      const test = await deferredAnswer(
        harness,
        await harness.tracker('test', [option.string('tracker', String(row.id))]),
      );
      expect(test.content).toContain('try again in');
      expect(harness.fake.messagesIn(harness.channels.alerts)).toHaveLength(0);

      const theirs = await addTracker(harness, 'Theirs', {}, { guildId: harness.otherGuildId });
      const other = await deferredAnswer(
        harness,
        await harness.tracker(
          'preview',
          [option.string('tracker', String(theirs.id))],
          'admin',
          harness.otherGuildId,
        ),
      );
      expect(other.content).toContain('would have posted');
    });
  });
});
