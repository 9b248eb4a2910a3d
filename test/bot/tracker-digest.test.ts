// /tracker digest on demand: the tracker's matches among the stored killmails of the last day (or week),
// shown with its chart only to the member who asked; nothing is posted in the channel or scheduled.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { NO_PERMISSION_MESSAGE } from '../../src/commands/messages.ts';
import { digestRuns } from '../../src/db/schema.ts';
import { DIGEST_CHART_FILE } from '../../src/engine/index.ts';
import { type BotHarness, option, startBotHarness } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { AMARR, addTracker, contentOf, deferredAnswer, JITA, storeKillmail } from './tracker-support.ts';

const HOUR_MINUTES = 60;

describeEachDatabase('/tracker digest', (getDb) => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startBotHarness(getDb().handle);
  });
  afterAll(async () => harness?.stop());

  /** A Jita tracker, and kills: two in Jita today, one in Jita three days ago, one in Amarr today. */
  async function jitaTrackerWithKills() {
    const row = await addTracker(harness, 'Jita watch', { clauses: { require_solar_systems: [JITA] } });
    await storeKillmail(harness, 7001, JITA, 2 * HOUR_MINUTES);
    await storeKillmail(harness, 7002, JITA, 5 * HOUR_MINUTES);
    await storeKillmail(harness, 7003, JITA, 3 * 24 * HOUR_MINUTES);
    await storeKillmail(harness, 7004, AMARR, HOUR_MINUTES);
    return row;
  }

  it('GIVEN kills in and out of the tracker and the day WHEN an admin asks for its digest THEN they alone see the last 24 hours: two matches, with the chart', async () => {
    const row = await jitaTrackerWithKills();
    const before = harness.fake.messagesIn(harness.channels.alerts).length;
    const callback = await harness.tracker('digest', [option.string('tracker', String(row.id))]);
    expect(callback.data?.flags).toBe(64);
    const answer = await deferredAnswer(harness, callback);
    const [embed] = answer.embeds;
    expect(embed?.title).toBe('Daily digest: Jita watch');
    expect(embed?.description).toContain('· 2 matches');
    expect(embed?.fields?.find((field) => field.name === 'Kills')?.value).toBe('2');
    expect(embed?.fields?.find((field) => field.name === 'Top systems')?.value).toContain('Jita');
    expect(embed?.image?.url).toBe(`attachment://${DIGEST_CHART_FILE}`);
    expect(answer.attachments.map((file) => file.filename)).toEqual([DIGEST_CHART_FILE]);
    // Shown to the one who asked: nothing posted in the tracker's channel, no digest run recorded.
    expect(harness.fake.messagesIn(harness.channels.alerts)).toHaveLength(before);
    expect(await getDb().db.select().from(digestRuns)).toEqual([]);
  });

  it('GIVEN the weekly period THEN the kill of three days ago counts too', async () => {
    const row = await jitaTrackerWithKills();
    const callback = await harness.tracker('digest', [
      option.string('tracker', String(row.id)),
      option.string('period', 'weekly'),
    ]);
    const [embed] = (await deferredAnswer(harness, callback)).embeds;
    expect(embed?.title).toBe('Weekly digest: Jita watch');
    expect(embed?.fields?.find((field) => field.name === 'Kills')?.value).toBe('3');
  });

  it('GIVEN a member without the manager right THEN the digest is refused and nothing is built', async () => {
    const row = await jitaTrackerWithKills();
    const callback = await harness.tracker('digest', [option.string('tracker', String(row.id))], 'member');
    expect(contentOf(callback)).toBe(NO_PERMISSION_MESSAGE);
    expect(callback.data?.embeds ?? []).toEqual([]);
  });

  it("GIVEN another server's tracker THEN it is not found there", async () => {
    const row = await addTracker(
      harness,
      'Elsewhere',
      {},
      {
        guildId: harness.otherGuildId,
        channelId: harness.channels.otherGuild,
      },
    );
    const callback = await harness.tracker('digest', [option.string('tracker', String(row.id))]);
    const text =
      callback.data?.content === undefined
        ? (await deferredAnswer(harness, callback)).content
        : contentOf(callback);
    expect(text).toContain('No tracker');
  });
});
