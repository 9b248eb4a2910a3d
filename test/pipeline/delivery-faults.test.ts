// The delivery worker with the real Discord REST client against the fake Discord: 429, 500, 403 and
// 404 answers, ESI down, and (on PostgreSQL) the database dropping every connection mid-run.
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createDeliveryStore } from '../../src/db/delivery-store.ts';
import { createKillmailStore } from '../../src/db/killmail-store.ts';
import { createNameRepository } from '../../src/db/name-repository.ts';
import { createTrackerRepository } from '../../src/db/tracker-repository.ts';
import { createRestAlertSender } from '../../src/delivery/discord-sender.ts';
import { createDeliveryWorker } from '../../src/delivery/worker.ts';
import type { R2z2Document } from '../../src/engine/killmail/types.ts';
import type { TrackerMatch } from '../../src/engine/tracker/types.ts';
import { createEsiClient } from '../../src/ingest/esi/client.ts';
import { createNameResolver } from '../../src/ingest/esi/name-resolver.ts';
import { silentLogger } from '../../src/log.ts';
import { FakeDiscord } from '../fakes/discord/index.ts';
import { FakeEsi } from '../fakes/esi.ts';
import { syntheticR2z2Document } from '../fakes/r2z2.ts';
import { miniWorld } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { trackerDefinition } from '../fixtures/trackers.ts';

const definition = trackerDefinition('All');

describeEachDatabase('delivery against Discord and ESI faults', (getDb, kind) => {
  let discord: FakeDiscord;
  let esi: FakeEsi;
  beforeAll(async () => {
    discord = await FakeDiscord.start();
    esi = await FakeEsi.start({ names: [{ id: 2112000001, name: 'Known Victim', category: 'character' }] });
  });
  afterAll(async () => {
    await discord?.stop();
    await esi?.stop();
  });
  afterEach(async () => {
    discord.clearFailures();
    await esi.setDown(false);
  });

  async function setup(channels: string[]) {
    const { db } = getDb();
    const trackers = createTrackerRepository({ db });
    const killmails = createKillmailStore({ db });
    const deliveries = createDeliveryStore({ db });
    const world = await miniWorld();
    const document = syntheticR2z2Document(4242) as unknown as R2z2Document;
    document.esi.killmail_time = new Date(Date.now() - 60_000).toISOString();
    for (const channelId of channels) {
      await trackers.create({
        guildId: 'g',
        channelId,
        definition: { ...definition, name: `All ${channelId}` },
      });
    }
    const match: TrackerMatch = {
      trackerKey: '1',
      tracker: definition,
      jumps: null,
      distanceLy: null,
      mainGroup: null,
      mainShipGroup: null,
      matchedShipTypeIds: [],
    };
    await killmails.commitKillmail({
      sequence: 1,
      document,
      killTime: new Date(document.esi.killmail_time),
      solarSystemId: document.esi.solar_system_id,
      deliveries: channels.map((channelId) => ({ guildId: 'g', channelId, matches: [match] })),
      matchedTrackerIds: [],
    });
    const worker = createDeliveryWorker({
      deliveries,
      killmails,
      trackers,
      sender: createRestAlertSender({
        token: discord.token,
        apiUrl: discord.api,
        retries: 0,
        timeoutMs: 30_000,
      }),
      names: createNameResolver({
        esi: createEsiClient({ baseUrl: esi.url, userAgent: 'tests', log: silentLogger, timeoutMs: 30_000 }),
        cache: createNameRepository({ db }),
        log: silentLogger,
        deadlineMs: 30_000,
      }),
      world: () => world,
      log: silentLogger,
      defaultMaxAgeMinutes: 60,
    });
    return { trackers, deliveries, worker };
  }

  const channel = (name: string) => `${name}${Math.floor(Math.random() * 1e9)}`;

  it('GIVEN a 429 with retry_after THEN the REST client waits and the alert lands exactly once', async () => {
    const id = channel('9100');
    discord.failChannel(id, { kind: 'rate-limited', retryAfterSeconds: 1 }, 1);
    const { worker, deliveries } = await setup([id]);
    await worker.runOnce();
    expect(discord.messagesIn(id)).toHaveLength(1);
    expect((await deliveries.list({ channelId: id }))[0]?.status).toBe('sent');
  });

  it('GIVEN a 500 THEN the delivery waits for a retry and is posted on the next attempt', async () => {
    const id = channel('9200');
    discord.failChannel(id, { kind: 'server-error', status: 500 }, 1);
    const { worker, deliveries } = await setup([id]);
    await worker.runOnce();
    expect(discord.messagesIn(id)).toHaveLength(0);
    const [pending] = await deliveries.list({ channelId: id });
    expect(pending).toMatchObject({ status: 'pending', attempts: 1 });
    await getDb().db.execute(sql`update deliveries set next_attempt_at = now() - interval '1 second'`);
    await worker.runOnce();
    expect(discord.messagesIn(id)).toHaveLength(1);
  });

  it('GIVEN 403 Missing Permissions and 404 Unknown Channel THEN those trackers stop with advice; others still post', async () => {
    const forbidden = channel('9300');
    const gone = channel('9400');
    const fine = channel('9500');
    discord.breakChannel(forbidden, { kind: 'missing-permissions' });
    discord.breakChannel(gone, { kind: 'unknown-channel' });
    const { worker, trackers, deliveries } = await setup([forbidden, gone, fine]);
    await worker.runOnce();
    const rows = await trackers.list('g');
    expect(rows.find((row) => row.channelId === forbidden)?.disabledReason).toContain('Send Messages');
    expect(rows.find((row) => row.channelId === gone)?.disabledReason).toContain('Unknown Channel');
    expect(rows.find((row) => row.channelId === fine)?.disabledReason).toBeNull();
    expect(discord.messagesIn(fine)).toHaveLength(1);
    expect(await deliveries.countByStatus()).toMatchObject({ failed: 2, sent: 1 });
  });

  it('GIVEN ESI is down THEN the alert is posted at once with ids and zKillboard links', async () => {
    await esi.setDown('unavailable');
    const id = channel('9600');
    const { worker } = await setup([id]);
    await worker.runOnce();
    const [message] = discord.messagesIn(id);
    const text = JSON.stringify(message?.body.embeds);
    expect(text).toContain('zkillboard.com/character/2112000001');
    expect(text).not.toContain('Known Victim');
  });

  // PGlite runs in-process: there is no server whose connections could drop.
  it.runIf(kind === 'postgres')(
    'GIVEN the database drops every connection THEN the worker recovers and nothing is lost',
    async () => {
      const database = getDb();
      const id = channel('9700');
      const { worker } = await setup([id]);
      await database.db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
      );
      await database.db.execute(sql`select pg_terminate_backend(pg_backend_pid())`).catch(() => undefined);
      let handled = 0;
      for (let attempt = 0; attempt < 5 && handled === 0; attempt++) {
        handled = await worker.runOnce().catch(() => 0);
      }
      expect(handled).toBe(1);
      expect(discord.messagesIn(id)).toHaveLength(1);
    },
  );
});
