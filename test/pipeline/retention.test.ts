// The daily purge: nothing stays past the retention window, not even an alert that never got posted or a
// document set aside, and names no alert asked for in 30 days leave the cache; a window of 0 days keeps
// killmails forever. The loop runs at start, then once a day, and outlives a failed run.
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { expect, it, vi } from 'vitest';
import type { Clock } from '../../src/clock.ts';
import type { Database } from '../../src/db/client.ts';
import { createDeadLetterStore } from '../../src/db/dead-letter-store.ts';
import { createDeliveryStore } from '../../src/db/delivery-store.ts';
import { createKillmailStore } from '../../src/db/killmail-store.ts';
import { createNameRepository } from '../../src/db/name-repository.ts';
import type { R2z2Document } from '../../src/engine/killmail/types.ts';
import { silentLogger } from '../../src/log.ts';
import { createMetrics } from '../../src/metrics.ts';
import { DAY_MS, purgeDaily, purgeExpired } from '../../src/pipeline/retention.ts';
import { startPipeline } from '../../src/pipeline/run-pipeline.ts';
import { fixedWorld } from '../../src/pipeline/world.ts';
import { syntheticR2z2Document } from '../fakes/r2z2.ts';
import { miniWorld } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { testPipelineSettings } from '../helpers/live-feed.ts';

describeEachDatabase('retention purge', (getDb) => {
  /** Stores a killmail, with a pending delivery to `channelId` when one is given. */
  async function commit(killmailId: number, channelId?: string) {
    const document = syntheticR2z2Document(killmailId) as unknown as R2z2Document;
    await createKillmailStore({ db: getDb().db }).commitKillmail({
      sequence: killmailId,
      document,
      killTime: new Date(document.esi.killmail_time),
      solarSystemId: document.esi.solar_system_id,
      deliveries: channelId === undefined ? [] : [{ guildId: 'g', channelId, matches: [] }],
      matchedTrackerIds: [],
    });
  }

  /** Moves every row written so far `days` into the past. */
  async function age(days: number) {
    const { db } = getDb();
    const interval = sql.raw(`interval '${days} days'`);
    await db.execute(sql`update killmails set received_at = received_at - ${interval}`);
    await db.execute(sql`update deliveries set created_at = created_at - ${interval}`);
    await db.execute(sql`update dead_letters set last_failed_at = last_failed_at - ${interval}`);
    await db.execute(sql`update entity_names set used_at = used_at - ${interval}`);
  }

  it('GIVEN an alert that kept failing past the retention window THEN it is purged with its killmail, and counted', async () => {
    await commit(1, 'broken');
    const [claimed] = await createDeliveryStore({ db: getDb().db }).claim(1, 60_000);
    await createDeliveryStore({ db: getDb().db }).retryLater(claimed!.id, 60_000, 'Discord HTTP 502', true);
    await age(8);
    await commit(2, 'fine');

    const report = await purgeExpired({ db: getDb().db, retentionDays: 7, log: silentLogger });

    expect(report).toMatchObject({ killmails: 1, deliveries: 1, undelivered: 1 });
    const killmails = createKillmailStore({ db: getDb().db });
    expect(await killmails.get(1)).toBeUndefined();
    expect(await killmails.get(2)).toBeDefined();
    expect((await createDeliveryStore({ db: getDb().db }).list()).map((row) => row.killmailId)).toEqual([2]);
  });

  it('GIVEN a dead letter nobody retried within the window THEN it is purged; a recent one stays', async () => {
    const store = createDeadLetterStore({ db: getDb().db });
    const letter = (sequence: number) => ({
      sequence,
      killmailId: sequence,
      republished: false,
      document: syntheticR2z2Document(sequence),
      error: '22012: division by zero',
      attempts: 3,
      firstFailedAt: new Date(),
    });
    await store.record(letter(10));
    await age(8);
    await store.record(letter(11));
    expect((await purgeExpired({ db: getDb().db, retentionDays: 7, log: silentLogger })).deadLetters).toBe(1);
    expect((await store.list()).map((row) => row.sequence)).toEqual([11]);
  });

  it('GIVEN names no alert asked for in 30 days THEN they leave the cache; a name an alert just used stays', async () => {
    const names = createNameRepository({ db: getDb().db });
    await names.put([
      { id: 1, name: 'Forgotten Pilot', category: 'character' },
      { id: 2, name: 'Busy Pilot', category: 'character' },
    ]);
    await age(31);
    await names.get([2]);
    expect((await purgeExpired({ db: getDb().db, retentionDays: 7, log: silentLogger })).names).toBe(1);
    expect([...(await names.get([1, 2])).keys()]).toEqual([2]);
  });

  it('GIVEN KILLMAIL_RETENTION_DAYS=0 THEN killmails of any age stay with their deliveries and dead letters; unused names still go', async () => {
    await commit(1, 'channel');
    await createDeadLetterStore({ db: getDb().db }).record({
      sequence: 10,
      killmailId: 10,
      republished: false,
      document: syntheticR2z2Document(10),
      error: '22012: division by zero',
      attempts: 3,
      firstFailedAt: new Date(),
    });
    await createNameRepository({ db: getDb().db }).put([
      { id: 1, name: 'Forgotten Pilot', category: 'character' },
    ]);
    await age(3650);

    const report = await purgeExpired({ db: getDb().db, retentionDays: 0, log: silentLogger });

    expect(report).toEqual({ killmails: 0, deliveries: 0, undelivered: 0, deadLetters: 0, names: 1 });
    expect(await createKillmailStore({ db: getDb().db }).get(1)).toBeDefined();
    expect(await createDeliveryStore({ db: getDb().db }).list()).toHaveLength(1);
    expect(await createDeadLetterStore({ db: getDb().db }).list()).toHaveLength(1);
  });

  /** A clock whose days pass when the test says so: each sleep waits for `passDay()`. */
  function manualDays() {
    let wake: (() => void) | undefined;
    const sleeps: number[] = [];
    const clock: Clock = {
      now: () => Date.now(),
      sleep: (ms, signal) =>
        new Promise<void>((resolve, reject) => {
          sleeps.push(ms);
          wake = resolve;
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        }),
    };
    return {
      clock,
      sleeps,
      passDay() {
        const resolve = wake;
        wake = undefined;
        if (!resolve) throw new Error('the purge loop is not waiting for the next day');
        resolve();
      },
    };
  }

  it('GIVEN the daily loop THEN it purges at start and again after each day, logs a failed run and goes on, and stops on abort', async () => {
    const lines: Array<{ level: number; msg: string }> = [];
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    let failNext = false;
    // The database drops the connection once: that day's purge fails, the next one runs.
    const db = new Proxy(getDb().db, {
      get(target, property, receiver) {
        if (property === 'delete' && failNext) {
          failNext = false;
          throw new Error('connection terminated unexpectedly');
        }
        return Reflect.get(target, property, receiver);
      },
    }) as Database;
    const killmails = createKillmailStore({ db: getDb().db });
    const days = manualDays();
    const abort = new AbortController();
    await commit(1);
    await age(8);

    const loop = purgeDaily({ db, retentionDays: 7, log, signal: abort.signal, clock: days.clock });
    await vi.waitFor(async () => expect(await killmails.get(1)).toBeUndefined(), { timeout: 10_000 });
    await vi.waitFor(() => expect(days.sleeps).toEqual([DAY_MS]), { timeout: 10_000 });

    await commit(2);
    await age(8);
    failNext = true;
    days.passDay();
    await vi.waitFor(() => expect(days.sleeps).toHaveLength(2), { timeout: 10_000 });
    expect(await killmails.get(2)).toBeDefined();
    expect(lines.find((line) => line.level === 50)?.msg).toBe(
      'retention purge failed; will try again in a day',
    );

    days.passDay();
    await vi.waitFor(async () => expect(await killmails.get(2)).toBeUndefined(), { timeout: 10_000 });
    await vi.waitFor(() => expect(days.sleeps).toHaveLength(3), { timeout: 10_000 });
    abort.abort();
    await expect(loop).resolves.toBeUndefined();
    expect(days.sleeps).toEqual([DAY_MS, DAY_MS, DAY_MS]);
  });

  it('GIVEN a running pipeline THEN its purge loop runs at start with the configured window', async () => {
    await commit(1);
    await commit(2);
    await age(8);
    await commit(3);
    const pipeline = await startPipeline({
      database: getDb().handle,
      settings: { ...testPipelineSettings('http://127.0.0.1:9/unused'), KILLMAIL_RETENTION_DAYS: 7 },
      world: fixedWorld(await miniWorld()),
      // Nothing is delivered: these are never called.
      sender: {
        send: async () => ({ ok: true, messageId: '1' }),
        edit: async () => ({ ok: true, messageId: '1' }),
      },
      names: { resolve: async () => new Map() },
      log: silentLogger,
      metrics: createMetrics(),
      ingest: false,
    });
    try {
      const killmails = createKillmailStore({ db: getDb().db });
      await vi.waitFor(async () => expect(await killmails.get(1)).toBeUndefined(), { timeout: 20_000 });
      expect(await killmails.get(2)).toBeUndefined();
      expect(await killmails.get(3)).toBeDefined();
    } finally {
      await pipeline.stop();
    }
  });
});
