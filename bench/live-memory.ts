// Benchmark of the live bot's memory: the built program (bin/killtracker.mjs start with npm start's node
// options, as users run it) on the embedded database, with the full SDE of ../shared and 10,000 trackers over 100 guilds,
// against a fake Discord, ESI and R2Z2 feed. It samples the child's RSS (VmRSS) after start, after
// catching up a backlog of the feed, and over a soak of the corpus replayed as new kills at a steady
// rate. LIVE_MEMORY_MINUTES (default 2) sets the soak, LIVE_MEMORY_KILLS_PER_SECOND (default 0.2, the live
// feed's average of one kill every 5 s) the rate and LIVE_MEMORY_BACKLOG (default 200 kills, 15-20 minutes
// of the live feed) the backlog. About 260 of these trackers match each kill of this corpus (big fights
// and expensive kills), posted as about 100 alerts (one per channel): the backlog fills the outbox with
// some 20,000 alerts, which the bot posts while the soak runs.
// Progress goes to stderr once a minute; results are the JSON lines on stdout.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeDiscord } from '../test/fakes/discord/index.ts';
import { FakeEsi } from '../test/fakes/esi.ts';
import { type FakeR2z2, startFakeR2z2 } from '../test/fakes/r2z2.ts';
import { type BotProcess, startBotProcess } from '../test/helpers/bot-process.ts';
import { runCliCapture } from '../test/helpers/cli.ts';
import { freePort } from '../test/helpers/free-port.ts';
import { SHARED_SDE_ZIP } from '../test/helpers/shared-files.ts';
import type { BenchModule } from './bench-module.ts';
import { loadBenchWorld } from './bench-world.ts';
import { KillmailReplay, partyNamesOf } from './live-feed-replay.ts';
import { TRACKER_SET_SEED } from './match.ts';
import { residentMegabytes, scrapeMetrics } from './process-probe.ts';
import { percentile } from './shared.ts';
import { generateTrackers, trackerPools } from './tracker-sets.ts';

const NAME = 'live-memory';
const TRACKERS = 10_000;
/** 100 trackers per guild, the default MAX_TRACKERS_PER_GUILD, in two channels of 50. */
const GUILDS = 100;
const CHANNELS = ['alerts', 'intel'];
const SAMPLE_MS = 5_000;
/** The bot idles between kills; V8 returns freed pages to the OS after a few idle seconds. */
const SETTLE_MS = 10_000;
const SECOND = 1000;
const MINUTE = 60 * SECOND;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function positiveNumber(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!(value > 0)) throw new Error(`${name} must be a positive number, not "${text}"`);
  return value;
}

function progress(line: object): void {
  process.stderr.write(`${JSON.stringify({ bench: NAME, ...line })}\n`);
}

/** Waits until `check` holds, polling every second; throws after `timeoutMs` saying what was awaited. */
async function pollUntil(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(SECOND);
  }
}

/**
 * Where the bot's memory is, from its /metrics: V8's heap (JavaScript objects) and its external memory
 * (buffers, and PGlite's WebAssembly memory); the rest of RSS is code, stacks and the C allocator's heap.
 */
function memoryParts(samples: ReadonlyMap<string, number>): object {
  const megabytes = (name: string) => Math.round(((samples.get(name) ?? 0) / 2 ** 20) * 10) / 10;
  return {
    heap_used_mb: megabytes('nodejs_heap_size_used_bytes'),
    heap_total_mb: megabytes('nodejs_heap_size_total_bytes'),
    external_mb: megabytes('nodejs_external_memory_bytes'),
  };
}

interface Fakes {
  discord: FakeDiscord;
  esi: FakeEsi;
  r2z2: FakeR2z2;
}

/** The fakes forget what they recorded: an hour of requests would otherwise fill this process. */
function forgetRecorded({ discord, esi, r2z2 }: Fakes): void {
  discord.requests.length = 0;
  discord.gatewayPayloads.length = 0;
  for (const messages of discord.channelMessages.values()) messages.splice(0, messages.length - 10);
  esi.requests.length = 0;
  r2z2.requests.length = 0;
}

export const liveMemoryBench: BenchModule = {
  name: NAME,
  async run() {
    if (!existsSync(SHARED_SDE_ZIP)) return [{ bench: NAME, skipped: `${SHARED_SDE_ZIP} not found` }];
    const soakMinutes = positiveNumber('LIVE_MEMORY_MINUTES', 2);
    const killsPerSecond = positiveNumber('LIVE_MEMORY_KILLS_PER_SECOND', 0.2);
    const backlog = positiveNumber('LIVE_MEMORY_BACKLOG', 200);

    const world = loadBenchWorld();
    if ('skipped' in world) return [{ bench: NAME, skipped: world.skipped }];
    const trackers = generateTrackers(
      TRACKERS,
      TRACKER_SET_SEED,
      trackerPools(world.universeData, world.catalogData, world.killmails),
    );
    const replay = new KillmailReplay(world.texts);
    const names = partyNamesOf(world.texts);

    const dataDir = mkdtempSync(join(tmpdir(), 'kt-live-memory-'));
    const guilds = Array.from({ length: GUILDS }, (_, index) => ({
      name: `Guild ${index + 1}`,
      channels: CHANNELS.map((name) => ({ name })),
    }));
    const fakes: Fakes = {
      discord: await FakeDiscord.start({ guilds }),
      esi: await FakeEsi.start({ names }),
      r2z2: await startFakeR2z2({ documents: [replay.take()] }),
    };
    const { discord, r2z2 } = fakes;
    const metricsPort = await freePort();
    const env: NodeJS.ProcessEnv = {
      DATA_DIR: dataDir,
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.api,
      R2Z2_URL: r2z2.url,
      ESI_URL: fakes.esi.url,
      SDE_URL: 'http://127.0.0.1:9/unused',
      ZKB_USER_AGENT: 'killtracker live memory benchmark',
      METRICS_PORT: String(metricsPort),
      SHARD_COUNT: '',
    };
    let bot: BotProcess | undefined;
    try {
      const sde = await runCliCapture(['sde', 'update', '--file', SHARED_SDE_ZIP], env);
      if (sde.code !== 0) throw new Error(`sde update failed: ${sde.err.join('\n')}`);
      const file = join(dataDir, 'trackers.json');
      let next = 0;
      for (const guildId of discord.guilds.keys()) {
        for (const channel of CHANNELS) {
          const count = TRACKERS / GUILDS / CHANNELS.length;
          writeFileSync(file, JSON.stringify(trackers.slice(next, next + count)));
          next += count;
          const channelId = discord.channelId(channel, guildId);
          const imported = await runCliCapture(
            ['trackers', 'import', file, '--guild', guildId, '--channel', channelId],
            env,
          );
          if (imported.code !== 0) throw new Error(`trackers import failed: ${imported.err.join('\n')}`);
        }
      }
      progress({ prepared: { trackers: next, guilds: GUILDS, channels: GUILDS * CHANNELS.length } });

      const startedAt = Date.now();
      bot = startBotProcess(['start'], env, { program: 'built' });
      const pid = bot.child.pid!;
      // A stale dist/ is built first, which takes a while on a busy machine.
      await bot.waitForLog(
        (line) => line.msg === 'Killtracker is running. Press Ctrl+C to stop.',
        15 * MINUTE,
      );
      const startSeconds = (Date.now() - startedAt) / SECOND;
      const rssAtStart = residentMegabytes(pid);
      const metrics = () => scrapeMetrics(metricsPort);
      // Caught up: every document the feed has is processed (alerts may still wait in the outbox).
      const caughtUp = async () =>
        ((await metrics()).get('killtracker_ingest_sequence') ?? 0) >= (r2z2.newest() ?? 0);
      await pollUntil('the first kill', 5 * MINUTE, caughtUp);
      await sleep(SETTLE_MS);
      const rssStarted = residentMegabytes(pid);
      const results: object[] = [
        {
          bench: NAME,
          phase: 'started',
          program: 'bin/killtracker.mjs start (dist/), embedded database',
          trackers: TRACKERS,
          guilds: GUILDS,
          channels: GUILDS * CHANNELS.length,
          start_s: Math.round(startSeconds * 10) / 10,
          rss_mb_when_running: rssAtStart,
          rss_mb: rssStarted,
          ...memoryParts(await metrics()),
        },
      ];
      progress(results[0]!);

      // The backlog: kills published while the bot was away, all at once.
      const catchUpStart = Date.now();
      r2z2.publish(...Array.from({ length: backlog }, () => replay.take()));
      await pollUntil('the backlog to be processed', 30 * MINUTE, caughtUp);
      const catchUpSeconds = (Date.now() - catchUpStart) / SECOND;
      const rssRightAfterCatchUp = residentMegabytes(pid);
      forgetRecorded(fakes);
      await sleep(SETTLE_MS);
      const afterCatchUp = await metrics();
      results.push({
        bench: NAME,
        phase: 'caught-up',
        backlog_kills: backlog,
        catch_up_s: Math.round(catchUpSeconds * 10) / 10,
        rss_mb_right_after: rssRightAfterCatchUp,
        rss_mb: residentMegabytes(pid),
        settle_s: SETTLE_MS / SECOND,
        alerts_posted: afterCatchUp.get('killtracker_deliveries_total{outcome="sent"}'),
        alerts_pending: afterCatchUp.get('killtracker_deliveries_pending'),
        ...memoryParts(afterCatchUp),
      });
      progress(results[1]!);

      // The soak: new kills at a steady rate, RSS every few seconds.
      const before = await metrics();
      const soakStart = Date.now();
      const soakEnd = soakStart + soakMinutes * MINUTE;
      const samples: number[] = [];
      let published = 0;
      let nextSample = soakStart;
      let nextReport = soakStart + MINUTE;
      while (Date.now() < soakEnd) {
        const due = Math.floor(((Date.now() - soakStart) / SECOND) * killsPerSecond) - published;
        if (due > 0) {
          r2z2.publish(...Array.from({ length: due }, () => replay.take()));
          published += due;
        }
        if (Date.now() >= nextSample) {
          const rss = residentMegabytes(pid);
          if (rss === undefined) throw new Error(`the bot exited:\n${bot.output().slice(-4000)}`);
          samples.push(rss);
          forgetRecorded(fakes);
          nextSample += SAMPLE_MS;
        }
        if (Date.now() >= nextReport) {
          const now = await metrics();
          progress({
            minute: Math.round((Date.now() - soakStart) / MINUTE),
            rss_mb: samples.at(-1),
            published,
            alerts_posted: now.get('killtracker_deliveries_total{outcome="sent"}'),
            alerts_pending: now.get('killtracker_deliveries_pending'),
          });
          nextReport += MINUTE;
        }
        await sleep(200);
      }
      await pollUntil("the soak's kills to be processed", 10 * MINUTE, caughtUp);
      const after = await metrics();
      const delta = (name: string) => (after.get(name) ?? 0) - (before.get(name) ?? 0);
      results.push({
        bench: NAME,
        phase: 'soak',
        minutes: soakMinutes,
        kills_per_second: killsPerSecond,
        kills_published: published,
        kills_processed: delta('killtracker_killmails_received_total'),
        alerts_posted: delta('killtracker_deliveries_total{outcome="sent"}'),
        alerts_pending_at_end: after.get('killtracker_deliveries_pending'),
        samples: samples.length,
        sample_s: SAMPLE_MS / SECOND,
        rss_mb_min: Math.min(...samples),
        rss_mb_median: percentile(samples, 50),
        rss_mb_max: Math.max(...samples),
        rss_mb_last: samples.at(-1),
        ...memoryParts(after),
      });
      const exitCode = await bot.kill('SIGTERM');
      bot = undefined;
      if (exitCode !== 0) throw new Error(`the bot exited with ${exitCode} on SIGTERM`);
      return results;
    } finally {
      await bot?.kill('SIGKILL');
      await r2z2.close();
      await fakes.esi.stop();
      await discord.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
