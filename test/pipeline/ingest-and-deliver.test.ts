import { miniWorld } from '../helpers/bot-harness.ts';
import type { RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { createDeliveryStore } from '../../src/db/delivery-store.ts';
import { createKillmailStore } from '../../src/db/killmail-store.ts';
import { createTrackerRepository } from '../../src/db/tracker-repository.ts';
import type { AlertSender, SendResult } from '../../src/delivery/discord-sender.ts';
import { createDeliveryWorker } from '../../src/delivery/worker.ts';
import { createMatcher } from '../../src/engine/matcher.ts';
import { createMemoryNameCache, createNameResolver } from '../../src/ingest/esi/index.ts';
import { createR2z2Poller } from '../../src/ingest/r2z2/poller.ts';
import { silentLogger } from '../../src/log.ts';
import { createMetrics } from '../../src/metrics.ts';
import { createKillmailIngestor } from '../../src/pipeline/ingest-killmail.ts';
import { createTrackerSync } from '../../src/pipeline/tracker-sync.ts';
import type { World } from '../../src/pipeline/world.ts';
import { createFakeClock, type FakeR2z2, startFakeR2z2, syntheticR2z2Document } from '../fakes/r2z2.ts';
import { offlineEsi } from '../fakes/esi.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { trackerDefinition } from '../fixtures/trackers.ts';

const JITA = 30000142;
const AMARR = 30002187;
const KILL_TIME = Date.UTC(2026, 10, 1, 12, 0, 0);

/** A document whose kill happened `minutesAfter` minutes after KILL_TIME, in the given system. */
function killmail(id: number, systemId: number, minutesAfter = 0): Record<string, unknown> {
  const document = syntheticR2z2Document(id) as { esi: Record<string, unknown> };
  document.esi.solar_system_id = systemId;
  document.esi.killmail_time = new Date(KILL_TIME + minutesAfter * 60_000).toISOString();
  return document;
}

class RecordingSender implements AlertSender {
  readonly posts: Array<{ channelId: string; body: RESTPostAPIChannelMessageJSONBody; nonce: string }> = [];
  next: SendResult[] = [];
  async send(channelId: string, body: RESTPostAPIChannelMessageJSONBody, nonce: string): Promise<SendResult> {
    const scripted = this.next.shift();
    if (scripted && !scripted.ok) return scripted;
    this.posts.push({ channelId, body, nonce });
    return { ok: true, messageId: `m${this.posts.length}` };
  }
  async edit(_channelId: string, messageId: string): Promise<SendResult> {
    return { ok: true, messageId };
  }
}

let world: World;
beforeAll(async () => {
  world = await miniWorld();
});

describeEachDatabase('pipeline: R2Z2 -> match -> outbox -> Discord', (getDb) => {
  let feed: FakeR2z2 | undefined;
  afterEach(async () => {
    await feed?.close();
    feed = undefined;
  });

  function parts(now = KILL_TIME + 5 * 60_000) {
    const { db } = getDb();
    const trackers = createTrackerRepository({ db });
    const killmails = createKillmailStore({ db });
    const deliveries = createDeliveryStore({ db });
    const metrics = createMetrics();
    const sync = createTrackerSync({
      trackers,
      matcher: createMatcher({ universe: world.universe }),
      log: silentLogger,
    });
    const ingestor = createKillmailIngestor({
      store: killmails,
      sync,
      world: () => world,
      log: silentLogger,
      metrics,
      now: () => now,
    });
    const sender = new RecordingSender();
    const worker = createDeliveryWorker({
      deliveries,
      killmails,
      trackers,
      sender,
      names: createNameResolver({ esi: offlineEsi, cache: createMemoryNameCache(), log: silentLogger }),
      world: () => world,
      log: silentLogger,
      metrics,
      defaultMaxAgeMinutes: 60,
      now: () => now,
    });
    return { trackers, killmails, deliveries, metrics, sync, ingestor, sender, worker };
  }

  async function ingestAll(p: ReturnType<typeof parts>, documents: unknown[], malformed = false) {
    feed = await startFakeR2z2({ documents, firstSequence: 1000 });
    if (malformed) feed.publishRaw('{"killmail_id": 1, "this is not json');
    const last = feed.newest()!;
    await p.killmails.advanceCursor(999);
    await p.sync.refresh();
    const abort = new AbortController();
    const poller = createR2z2Poller({
      baseUrl: feed.url,
      userAgent: 'killtracker-tests',
      log: silentLogger,
      clock: createFakeClock(),
      loadCursor: () => p.killmails.loadCursor(),
      onDocument: async (item) => {
        await p.ingestor.onDocument(item);
        if (item.sequence >= last) abort.abort();
      },
      onInvalid: async (item) => {
        await p.ingestor.onInvalid(item);
        if (item.sequence >= last) abort.abort();
      },
    });
    await poller.run(abort.signal);
    return last;
  }

  async function drain(p: ReturnType<typeof parts>) {
    for (let round = 0; round < 50 && (await p.worker.runOnce()) > 0; round++);
  }

  it('GIVEN trackers in two channels WHEN killmails arrive THEN each matching channel gets each alert once, in order', async () => {
    const p = parts();
    await p.trackers.create({
      guildId: 'g',
      channelId: 'jita-intel',
      definition: trackerDefinition('Jita', { require_solar_systems: [JITA] }),
    });
    await p.trackers.create({
      guildId: 'g',
      channelId: 'everything',
      definition: trackerDefinition(
        'All',
        {},
        { ping: { everyone: false, here: true, roles: ['555555555555555555'] } },
      ),
    });
    await p.trackers.create({
      guildId: 'g',
      channelId: 'amarr',
      definition: trackerDefinition('Amarr', { require_solar_systems: [AMARR] }),
    });
    const last = await ingestAll(
      p,
      [killmail(1, JITA), killmail(2, AMARR), killmail(3, JITA), killmail(3, JITA)],
      true,
    );

    expect(await p.killmails.loadCursor()).toBe(last);
    expect(await p.metrics.killmailsInvalid.get()).toMatchObject({ values: [{ value: 1 }] });
    expect(await p.metrics.killmailsDuplicate.get()).toMatchObject({ values: [{ value: 1 }] });

    await drain(p);
    const byChannel = (channel: string) =>
      p.sender.posts.filter((post) => post.channelId === channel).map((post) => post.body.embeds?.[0]?.url);
    expect(byChannel('jita-intel')).toEqual([
      'https://zkillboard.com/kill/1/',
      'https://zkillboard.com/kill/3/',
    ]);
    expect(byChannel('everything')).toEqual([
      'https://zkillboard.com/kill/1/',
      'https://zkillboard.com/kill/2/',
      'https://zkillboard.com/kill/3/',
    ]);
    expect(byChannel('amarr')).toEqual(['https://zkillboard.com/kill/2/']);
    const everything = p.sender.posts.find((post) => post.channelId === 'everything')!;
    expect(everything.body.content).toContain('@here');
    expect(everything.body.allowed_mentions).toEqual({ parse: ['everyone'], roles: ['555555555555555555'] });
    expect(new Set(p.sender.posts.map((post) => post.nonce)).size).toBe(p.sender.posts.length);
    expect((await p.deliveries.countByStatus()).sent).toBe(6);
    expect((await p.trackers.list('g')).every((row) => row.lastMatchAt !== null)).toBe(true);
  });

  it('GIVEN Discord answers 404 for a channel THEN its deliveries fail and its trackers are disabled with the reason', async () => {
    const p = parts();
    await p.trackers.create({
      guildId: 'g',
      channelId: 'deleted',
      definition: trackerDefinition('Gone', {}),
    });
    await p.trackers.create({ guildId: 'g', channelId: 'alive', definition: trackerDefinition('Alive', {}) });
    await ingestAll(p, [killmail(1, JITA), killmail(2, JITA)]);
    p.sender.send = async function (channelId, body, nonce) {
      if (channelId === 'deleted')
        return { ok: false, failure: { kind: 'channel', reason: 'Unknown Channel' } };
      return RecordingSender.prototype.send.call(this, channelId, body, nonce);
    };
    await drain(p);
    expect(p.sender.posts.map((post) => post.channelId)).toEqual(['alive', 'alive']);
    const rows = await p.trackers.list('g');
    expect(rows.find((row) => row.name === 'Gone')?.disabledReason).toBe('Unknown Channel');
    expect(rows.find((row) => row.name === 'Alive')?.disabledReason).toBeNull();
    expect(await p.deliveries.countByStatus()).toMatchObject({ failed: 2, sent: 2 });
    await p.sync.refresh();
    expect(p.sync.matcher().size).toBe(1);
  });

  it('GIVEN a 5xx from Discord THEN the delivery is retried later and nothing is lost', async () => {
    const p = parts();
    await p.trackers.create({ guildId: 'g', channelId: 'c', definition: trackerDefinition('All', {}) });
    await ingestAll(p, [killmail(1, JITA)]);
    p.sender.next = [{ ok: false, failure: { kind: 'retry', reason: 'Discord HTTP 502' } }];
    await p.worker.runOnce();
    const [row] = await p.deliveries.list();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Discord HTTP 502' });
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(p.sender.posts).toEqual([]);
  });

  it('GIVEN the kill is older than max_age at delivery time THEN it is not posted and counted as stale', async () => {
    const ingestTime = parts(KILL_TIME + 5 * 60_000);
    await ingestTime.trackers.create({
      guildId: 'g',
      channelId: 'c',
      definition: trackerDefinition('Fresh only', {}, { max_age_minutes: 30 }),
    });
    await ingestAll(ingestTime, [killmail(1, JITA)]);
    const later = parts(KILL_TIME + 45 * 60_000);
    await drain(later);
    expect(later.sender.posts).toEqual([]);
    expect(await later.deliveries.countByStatus()).toMatchObject({ stale: 1 });
    expect(await later.metrics.deliveries.get()).toMatchObject({
      values: [{ value: 1, labels: { outcome: 'stale' } }],
    });
  });

  it('GIVEN ESI is down THEN the alert is posted with ids instead of names', async () => {
    const p = parts();
    await p.trackers.create({ guildId: 'g', channelId: 'c', definition: trackerDefinition('All', {}) });
    await ingestAll(p, [killmail(1, JITA)]);
    await drain(p);
    const text = JSON.stringify(p.sender.posts[0]?.body);
    expect(text).toContain('2112000001');
    expect(text).not.toContain('undefined');
  });
});
