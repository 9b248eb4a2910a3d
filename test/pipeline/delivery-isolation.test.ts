// The delivery worker against the fake Discord, through the real REST client: a rate-limited channel
// holds up nobody else, a committed alert wakes the worker at once (in memory, or by NOTIFY from another
// process), and a POST whose "sent" mark was lost is found in the channel instead of posted twice.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createDeliveryStore,
  type DeliveryStore,
  OUTBOX_NOTIFY_CHANNEL,
} from '../../src/db/delivery-store.ts';
import { createKillmailStore } from '../../src/db/killmail-store.ts';
import { createTrackerRepository } from '../../src/db/tracker-repository.ts';
import { createRestAlertSender } from '../../src/delivery/discord-sender.ts';
import { createOutboxSignal, type OutboxSignal } from '../../src/delivery/outbox-signal.ts';
import { createDeliveryWorker } from '../../src/delivery/worker.ts';
import type { R2z2Document } from '../../src/engine/killmail/types.ts';
import type { TrackerMatch } from '../../src/engine/tracker/types.ts';
import { createMemoryNameCache, createNameResolver } from '../../src/ingest/esi/index.ts';
import { silentLogger } from '../../src/log.ts';
import type { World } from '../../src/pipeline/world.ts';
import { FakeDiscord } from '../fakes/discord/index.ts';
import { syntheticR2z2Document } from '../fakes/r2z2.ts';
import { miniWorld } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { trackerDefinition } from '../fixtures/trackers.ts';

const definition = trackerDefinition('All');
const match: TrackerMatch = {
  trackerKey: '1',
  tracker: definition,
  jumps: null,
  distanceLy: null,
  mainGroup: null,
  mainShipGroup: null,
  matchedShipTypeIds: [],
};

let world: World;
let discord: FakeDiscord;
beforeAll(async () => {
  world = await miniWorld();
  discord = await FakeDiscord.start();
});
afterAll(async () => {
  await discord?.stop();
});

const channel = (name: string) => `${name}${Math.floor(Math.random() * 1e9)}`;

describeEachDatabase('delivery: independent channels, woken on commit, no duplicates', (getDb) => {
  let sequence = 1;

  /** Stores a fresh killmail with one delivery per channel, as the ingest transaction does. */
  async function commitKill(killmailId: number, channels: string[]) {
    const document = syntheticR2z2Document(killmailId) as unknown as R2z2Document;
    document.esi.killmail_time = new Date(Date.now() - 60_000).toISOString();
    await createKillmailStore({ db: getDb().db }).commitKillmail({
      sequence: sequence++,
      document,
      killTime: new Date(document.esi.killmail_time),
      solarSystemId: document.esi.solar_system_id,
      deliveries: channels.map((channelId) => ({ guildId: 'g', channelId, matches: [match] })),
      matchedTrackerIds: [],
    });
  }

  function worker(options: { deliveries?: DeliveryStore; wake?: OutboxSignal; idleMs?: number } = {}) {
    const { db } = getDb();
    return createDeliveryWorker({
      deliveries: options.deliveries ?? createDeliveryStore({ db }),
      killmails: createKillmailStore({ db }),
      trackers: createTrackerRepository({ db }),
      sender: createRestAlertSender({
        token: discord.token,
        apiUrl: discord.api,
        retries: 0,
        timeoutMs: 10_000,
      }),
      names: createNameResolver({
        esi: { names: async () => [] },
        cache: createMemoryNameCache(),
        log: silentLogger,
      }),
      world: () => world,
      log: silentLogger,
      defaultMaxAgeMinutes: 60,
      ...(options.wake ? { wake: options.wake } : {}),
      ...(options.idleMs ? { idleMs: options.idleMs } : {}),
    });
  }

  /** A delivery store that tells when the worker's first claim is done (it is then idle, waiting). */
  function watchedStore() {
    const real = createDeliveryStore({ db: getDb().db });
    let claimed!: () => void;
    const firstClaim = new Promise<void>((resolve) => (claimed = resolve));
    const store: DeliveryStore = {
      ...real,
      claim: async (limit, leaseMs) => {
        const rows = await real.claim(limit, leaseMs);
        claimed();
        return rows;
      },
    };
    return { store, firstClaim };
  }

  it('GIVEN one channel answering 429 WHEN another channel gets an alert meanwhile THEN that alert is posted before the rate-limited one', async () => {
    const limited = channel('8100');
    const other = channel('8200');
    discord.failChannel(limited, { kind: 'rate-limited', retryAfterSeconds: 3 }, 1);
    await commitKill(81, [limited]);
    const wake = createOutboxSignal();
    const abort = new AbortController();
    const running = worker({ wake }).run(abort.signal);
    try {
      await discord.waitForRequest(
        (call) => call.path === `/channels/${limited}/messages` && call.status === 429,
        {
          timeoutMs: 10_000,
        },
      );
      await commitKill(82, [other]);
      wake.notify();
      const [otherAlert] = await discord.waitForMessages(other, 1, { timeoutMs: 15_000 });
      const [limitedAlert] = await discord.waitForMessages(limited, 1, { timeoutMs: 15_000 });
      expect(BigInt(otherAlert!.message.id)).toBeLessThan(BigInt(limitedAlert!.message.id));
      expect(discord.messagesIn(limited)).toHaveLength(1);
    } finally {
      abort.abort();
      await running;
    }
  });

  it('GIVEN an idle worker WHEN deliveries are committed and signalled THEN they are posted without waiting for the poll', async () => {
    const target = channel('8300');
    const wake = createOutboxSignal();
    const { store, firstClaim } = watchedStore();
    const abort = new AbortController();
    const running = worker({ deliveries: store, wake, idleMs: 600_000 }).run(abort.signal);
    try {
      await firstClaim;
      await commitKill(83, [target]);
      wake.notify();
      await discord.waitForMessages(target, 1, { timeoutMs: 10_000 });
    } finally {
      abort.abort();
      await running;
    }
  });

  it('GIVEN a worker listening in another process WHEN a killmail with deliveries is committed THEN NOTIFY wakes it', async () => {
    const target = channel('8400');
    const wake = createOutboxSignal();
    const stopListening = await getDb().handle.listen(OUTBOX_NOTIFY_CHANNEL, () => wake.notify());
    const { store, firstClaim } = watchedStore();
    const abort = new AbortController();
    const running = worker({ deliveries: store, wake, idleMs: 600_000 }).run(abort.signal);
    try {
      await firstClaim;
      await commitKill(84, [target]);
      await discord.waitForMessages(target, 1, { timeoutMs: 10_000 });
    } finally {
      abort.abort();
      await running;
      await stopListening();
    }
  });

  it('GIVEN the database connection drops between the POST and the sent mark WHEN the delivery is retried after Discord forgot the nonce THEN the alert is found in the channel and not posted again', async () => {
    const target = channel('8500');
    await commitKill(85, [target]);
    const real = createDeliveryStore({ db: getDb().db });
    let drops = 1;
    const flaky: DeliveryStore = {
      ...real,
      markSent: async (id, messageId) => {
        if (drops-- > 0) {
          throw Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), {
            code: 'CONNECTION_CLOSED',
          });
        }
        return real.markSent(id, messageId);
      },
    };
    const deliveries = worker({ deliveries: flaky });
    expect(await deliveries.runOnce()).toBe(1);
    const [first] = discord.messagesIn(target);
    expect(first).toBeDefined();
    expect((await real.list({ channelId: target }))[0]?.status).toBe('sending');

    // Later (the lease ran out, e.g. after a restart): Discord no longer enforces the nonce by then.
    discord.expireNonces();
    await getDb().db.execute(sql`update deliveries set lease_until = now() - interval '1 second'`);
    expect(await deliveries.runOnce()).toBe(1);

    expect(discord.messagesIn(target)).toHaveLength(1);
    const [row] = await real.list({ channelId: target });
    expect(row).toMatchObject({ status: 'sent', messageId: first!.message.id, attempts: 2 });
    expect(
      discord.requests.some((call) => call.method === 'GET' && call.path === `/channels/${target}/messages`),
    ).toBe(true);
  });

  it('GIVEN a first attempt that ends normally WHEN delivered THEN the channel is not read first', async () => {
    const target = channel('8600');
    await commitKill(86, [target]);
    await worker().runOnce();
    expect(discord.messagesIn(target)).toHaveLength(1);
    expect(
      discord.requests.some((call) => call.method === 'GET' && call.path === `/channels/${target}/messages`),
    ).toBe(false);
  });
});
