import type { RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { expect, it } from 'vitest';
import { createDigestRunStore } from '../../src/db/digest-run-store.ts';
import { createKillmailHistory } from '../../src/db/killmail-history.ts';
import { createKillmailStore } from '../../src/db/killmail-store.ts';
import { createTrackerRepository } from '../../src/db/tracker-repository.ts';
import type { AlertSender, MessageFile, SendResult } from '../../src/delivery/discord-sender.ts';
import type { TrackerDefinition } from '../../src/engine/tracker/types.ts';
import type { NameResolver } from '../../src/ingest/esi/name-resolver.ts';
import { silentLogger } from '../../src/log.ts';
import { createDigestScheduler } from '../../src/pipeline/digest-scheduler.ts';
import { killmailDocument, miniCatalog, miniUniverse } from '../fixtures/killmails/builder.ts';
import { describeEachDatabase } from '../helpers/database.ts';

const HOUR = 3_600_000;
const DIGEST_END = Date.parse('2026-11-21T18:00:00Z');

const definition: TrackerDefinition = {
  version: 1,
  name: 'Daily',
  enabled: true,
  ping: { everyone: false, here: false, roles: [] },
  ppk: false,
  digest: 'daily',
  digest_hour: 18,
  clauses: {},
};

interface Posted {
  channelId: string;
  body: RESTPostAPIChannelMessageJSONBody;
  nonce: string;
  files: readonly MessageFile[];
}

function recordingSender(answers: SendResult[] = []): AlertSender & { posted: Posted[] } {
  const posted: Posted[] = [];
  return {
    posted,
    async send(channelId, body, nonce, files = []) {
      posted.push({ channelId, body, nonce, files });
      return answers.shift() ?? { ok: true, messageId: `m${posted.length}` };
    },
    async edit(_channelId, messageId) {
      return { ok: true, messageId };
    },
  };
}

const names: NameResolver = { resolve: async () => new Map() } as unknown as NameResolver;

describeEachDatabase('scheduled digests', (getDb) => {
  async function setup(now: () => number, sender: AlertSender) {
    const db = getDb().db;
    const trackers = createTrackerRepository({ db });
    const row = await trackers.create({ guildId: 'g1', channelId: 'c1', definition });
    const store = createKillmailStore({ db });
    // Two kills inside the day before 18:00 and one after it.
    for (const [index, time] of [DIGEST_END - 2 * HOUR, DIGEST_END - HOUR, DIGEST_END + HOUR].entries()) {
      const document = killmailDocument({ id: 100 + index, time: new Date(time).toISOString() });
      await store.commitKillmail({
        sequence: index + 1,
        document,
        killTime: new Date(time),
        solarSystemId: document.esi.solar_system_id,
        deliveries: [],
        matchedTrackerIds: [],
      });
    }
    const runs = createDigestRunStore({ db });
    const scheduler = () =>
      createDigestScheduler({
        trackers,
        runs,
        sender,
        killmailHistory: createKillmailHistory({ db }),
        world: () => ({ universe: miniUniverse, catalog: miniCatalog }),
        nameResolver: names,
        log: silentLogger,
        now,
      });
    return { row, runs, scheduler };
  }

  it('GIVEN a daily digest at 18:00 WHEN two processes tick after 18:00, again and again THEN it posts once, with the day before and its chart', async () => {
    const sender = recordingSender();
    let now = DIGEST_END - 1;
    const { runs, scheduler } = await setup(() => now, sender);
    const first = scheduler();
    const second = scheduler();
    await first.runOnce();
    expect(sender.posted).toHaveLength(0);
    now = DIGEST_END;
    await Promise.all([first.runOnce(), second.runOnce()]);
    await first.runOnce();
    // A restarted process sees the digest already posted.
    await scheduler().runOnce();
    expect(sender.posted).toHaveLength(1);
    const post = sender.posted[0]!;
    expect(post.channelId).toBe('c1');
    expect(post.files.map((file) => file.name)).toEqual(['digest-chart.png']);
    expect(post.body.embeds?.[0]?.fields?.find((field) => field.name === 'Kills')?.value).toBe('2');
    const [run] = await runs.list();
    expect(run).toMatchObject({ status: 'sent', messageId: 'm1', periodEnd: new Date(DIGEST_END) });
  });

  it('GIVEN Discord fails with a retryable error THEN the digest is retried later with the same nonce and posted once', async () => {
    const sender = recordingSender([{ ok: false, failure: { kind: 'retry', reason: '503' } }]);
    const { runs, scheduler } = await setup(() => DIGEST_END + HOUR, sender);
    await scheduler().runOnce();
    const [pending] = await runs.list();
    expect(pending).toMatchObject({ status: 'pending', lastError: '503' });
    // Make it due now rather than waiting out the backoff.
    await getDb().db.execute(`update digest_runs set next_attempt_at = now() - interval '1 second'`);
    await scheduler().runOnce();
    expect(sender.posted.map((post) => post.nonce)).toEqual([`dg${pending!.id}`, `dg${pending!.id}`]);
    expect((await runs.list())[0]).toMatchObject({ status: 'sent' });
  });

  it('GIVEN the bot was down for more than 6 hours after the digest hour THEN that digest is skipped', async () => {
    const sender = recordingSender();
    const { runs, scheduler } = await setup(() => DIGEST_END + 7 * HOUR, sender);
    await scheduler().runOnce();
    expect(sender.posted).toHaveLength(0);
    expect(await runs.list()).toEqual([]);
  });
});
