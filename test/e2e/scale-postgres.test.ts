// Two bot processes on one PostgreSQL (here: two pipelines with their own connections): exactly one
// polls R2Z2, both work the shared outbox, and every alert is posted exactly once.
import { createNameResolver } from '../../src/ingest/esi/name-resolver.ts';
import { createNameRepository } from '../../src/db/name-repository.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/db/client.ts';
import { createTrackerRepository } from '../../src/db/tracker-repository.ts';
import { createRestAlertSender } from '../../src/delivery/discord-sender.ts';
import { createEsiClient } from '../../src/ingest/esi/client.ts';
import { silentLogger } from '../../src/log.ts';
import { createMetrics } from '../../src/metrics.ts';
import { type RunningPipeline, startPipeline } from '../../src/pipeline/run-pipeline.ts';
import { fixedWorld } from '../../src/pipeline/world.ts';
import { FakeDiscord } from '../fakes/discord/index.ts';
import { FakeEsi } from '../fakes/esi.ts';
import { type FakeR2z2, startFakeR2z2 } from '../fakes/r2z2.ts';
import { miniWorld } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { trackerDefinition } from '../fixtures/trackers.ts';
import { freshKill, killIdOf, testPipelineSettings } from '../helpers/live-feed.ts';

describeEachDatabase('several processes on one PostgreSQL', (getDb, kind) => {
  let discord: FakeDiscord;
  let esi: FakeEsi;
  let feed: FakeR2z2;
  const handles: DatabaseHandle[] = [];
  const pipelines: RunningPipeline[] = [];

  beforeAll(async () => {
    if (kind !== 'postgres') return;
    discord = await FakeDiscord.start();
    esi = await FakeEsi.start();
    feed = await startFakeR2z2({ documents: [freshKill(1)], firstSequence: 9000 });
  });
  afterAll(async () => {
    for (const pipeline of pipelines) await pipeline.stop();
    for (const handle of handles) await handle.close();
    await feed?.close();
    await esi?.stop();
    await discord?.stop();
  });

  it.runIf(kind === 'postgres')(
    'GIVEN two processes WHEN a burst arrives THEN exactly one polls and the shared outbox posts each alert once, in order',
    async () => {
      const channels = ['1000000000000000001', '1000000000000000002', '1000000000000000003'];
      const trackers = createTrackerRepository({ db: getDb().db });
      for (const channelId of channels) {
        await trackers.create({
          guildId: 'g',
          channelId,
          definition: trackerDefinition(`All ${channelId}`),
        });
      }
      const world = fixedWorld(await miniWorld());
      for (let process = 0; process < 2; process++) {
        const handle = await openDatabase({ url: getDb().url! });
        handles.push(handle);
        pipelines.push(
          await startPipeline({
            database: handle,
            settings: testPipelineSettings(feed.url),
            world,
            sender: createRestAlertSender({ token: discord.token, apiUrl: discord.api, retries: 0 }),
            names: createNameResolver({
              esi: createEsiClient({ baseUrl: esi.url, userAgent: 'tests', log: silentLogger }),
              cache: createNameRepository({ db: handle.db }),
              log: silentLogger,
            }),
            log: silentLogger,
            metrics: createMetrics(),
            trackerRefreshMs: 200,
          }),
        );
      }
      await discord.waitFor(
        () => pipelines.some((pipeline) => pipeline.poller()?.stats().lastSequence === 9000),
        {
          timeoutMs: 20_000,
          description: 'the first killmail polled',
        },
      );
      feed.publish(...Array.from({ length: 15 }, (_, index) => freshKill(100 + index)));
      for (const channelId of channels) await discord.waitForMessages(channelId, 16, { timeoutMs: 60_000 });
      await new Promise((done) => setTimeout(done, 1500));

      const polling = pipelines.filter((pipeline) => pipeline.poller() !== undefined);
      expect(polling).toHaveLength(1);
      for (const channelId of channels) {
        expect(discord.messagesIn(channelId).map(killIdOf)).toEqual([
          1,
          ...Array.from({ length: 15 }, (_, i) => 100 + i),
        ]);
      }
    },
    90_000,
  );
});
