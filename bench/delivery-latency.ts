// Benchmark of alert latency: a killmail document handed to the ingestor -> its Discord POST issued,
// through the real pieces (PGlite in memory, matcher, outbox transaction, worker woken on commit, ESI
// names from the cache, @discordjs/rest) against the fake Discord in this process, which never answers
// 429; kills are paced under Discord's global request limit, which @discordjs/rest keeps on its own.
// Target: p99 <= 50 ms. Needs no ../shared data (the mini SDE fixture is enough).
import { setTimeout } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from '../src/db/client.ts';
import { createDeliveryStore } from '../src/db/delivery-store.ts';
import { createKillmailStore } from '../src/db/killmail-store.ts';
import { createTrackerRepository } from '../src/db/tracker-repository.ts';
import { createRestAlertSender } from '../src/delivery/discord-sender.ts';
import { createOutboxSignal } from '../src/delivery/outbox-signal.ts';
import { createDeliveryWorker } from '../src/delivery/worker.ts';
import { createMatcher } from '../src/engine/matcher.ts';
import { createMemoryNameCache, createNameResolver } from '../src/ingest/esi/index.ts';
import { readSdeFolder } from '../src/ingest/sde/read-sde.ts';
import { silentLogger } from '../src/log.ts';
import { createKillmailIngestor } from '../src/pipeline/ingest-killmail.ts';
import { createTrackerSync } from '../src/pipeline/tracker-sync.ts';
import { buildWorld } from '../src/pipeline/world.ts';
import { FakeDiscord } from '../test/fakes/discord/index.ts';
import { trackerDefinition } from '../test/fixtures/trackers.ts';
import { freshKill } from '../test/helpers/live-feed.ts';
import { MINI_SDE } from '../test/helpers/repo-paths.ts';
import type { BenchModule } from './bench-module.ts';
import { percentile, round3 } from './shared.ts';

const WARM_UP_KILLS = 30;
const MEASURED_KILLS = 300;
const CHANNELS = 3;
/**
 * One kill starts at most this often: 30 POSTs a second, under the 50 requests a second Discord allows a
 * bot, which @discordjs/rest enforces by holding requests until the next second. Back to back, kills
 * measured that limit instead (every 50th request waited ~0.7 s); the live feed averages one kill in 5 s.
 */
const KILL_INTERVAL_MS = 100;

export const deliveryLatencyBench: BenchModule = {
  name: 'latency',
  async run() {
    const pglite = await PGlite.create();
    const discord = await FakeDiscord.start();
    const abort = new AbortController();
    let running: Promise<void> | undefined;
    try {
      const database = await openDatabase({ pglite });
      await database.migrate();
      const { db } = database;
      const world = buildWorld(await readSdeFolder(MINI_SDE));
      const trackers = createTrackerRepository({ db });
      const channels = Array.from({ length: CHANNELS }, (_, index) => `90000000000000000${index}`);
      for (const [index, channelId] of channels.entries()) {
        await trackers.create({ guildId: 'g', channelId, definition: trackerDefinition(`All ${index}`) });
      }
      const sync = createTrackerSync({
        trackers,
        matcher: createMatcher({ universe: world.universe, defaultMaxAgeMinutes: 60 }),
        log: silentLogger,
      });
      await sync.refresh();
      const outbox = createOutboxSignal();
      const killmails = createKillmailStore({ db });
      const ingestor = createKillmailIngestor({
        store: killmails,
        sync,
        world: () => world,
        log: silentLogger,
        onDeliveriesCreated: () => outbox.notify(),
      });
      const worker = createDeliveryWorker({
        deliveries: createDeliveryStore({ db }),
        killmails,
        trackers,
        sender: createRestAlertSender({ token: discord.token, apiUrl: discord.api }),
        names: createNameResolver({
          esi: { names: async () => [] },
          cache: createMemoryNameCache(),
          log: silentLogger,
        }),
        world: () => world,
        log: silentLogger,
        defaultMaxAgeMinutes: 60,
        wake: outbox,
      });
      running = worker.run(abort.signal);

      // POST arrival times by kill, read off the fake's request log as it grows (never re-read whole:
      // the measuring must not slow down the event loop it measures).
      const arrivals = new Map<number, number[]>();
      let scanned = 0;
      function collectArrivals(): void {
        for (; scanned < discord.requests.length; scanned++) {
          const call = discord.requests[scanned]!;
          if (call.method !== 'POST' || !call.path.endsWith('/messages')) continue;
          const url = (call.body as { embeds?: Array<{ url?: string }> } | null)?.embeds?.[0]?.url ?? '';
          const killmailId = Number(/\/kill\/(\d+)\//.exec(url)?.[1]);
          arrivals.set(killmailId, [...(arrivals.get(killmailId) ?? []), call.receivedAt]);
        }
      }

      /** Hands one kill to the ingestor; resolves with the ms until its last channel's POST arrived. */
      async function oneKill(killmailId: number): Promise<number> {
        const started = performance.now();
        await ingestor.onDocument({
          sequence: killmailId,
          document: freshKill(killmailId),
          republished: false,
        });
        const posts = await discord.waitFor(() => {
          collectArrivals();
          const times = arrivals.get(killmailId);
          return times !== undefined && times.length === CHANNELS ? times : undefined;
        }, 10_000);
        return Math.max(...posts) - started;
      }

      /** oneKill, started no sooner than KILL_INTERVAL_MS after the previous one started. */
      let nextStart = 0;
      async function pacedKill(killmailId: number): Promise<number> {
        const wait = nextStart - performance.now();
        if (wait > 0) await setTimeout(wait);
        nextStart = performance.now() + KILL_INTERVAL_MS;
        return oneKill(killmailId);
      }

      for (let i = 0; i < WARM_UP_KILLS; i++) await pacedKill(150_000_000 + i);
      const samples: number[] = [];
      for (let i = 0; i < MEASURED_KILLS; i++) samples.push(await pacedKill(151_000_000 + i));
      return [
        {
          bench: 'latency',
          what: `killmail document received -> Discord POST issued (${CHANNELS} channels, fake Discord, PGlite)`,
          kills: MEASURED_KILLS,
          p50_ms: round3(percentile(samples, 50)),
          p99_ms: round3(percentile(samples, 99)),
          max_ms: round3(Math.max(...samples)),
          target_p99_ms: 50,
        },
      ];
    } finally {
      abort.abort();
      await running;
      await discord.stop();
      await pglite.close();
    }
  },
};
