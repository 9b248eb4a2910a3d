// The real `killtracker start` process against fake R2Z2, ESI and Discord: ingest, match, store and
// post; killed with SIGKILL in the middle of a burst and restarted, every alert arrives exactly once.
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeDiscord } from '../fakes/discord/index.ts';
import type { FakeR2z2 } from '../fakes/r2z2.ts';
import { startBotProcess } from '../helpers/bot-process.ts';
import { freePort } from '../helpers/free-port.ts';
import { runCliCapture } from '../helpers/cli.ts';
import { freshKill, killIdOf } from '../helpers/live-feed.ts';
import { type ProcessWorld, startProcessWorld } from '../helpers/process-world.ts';

const JITA = 30000142;
const AMARR = 30002187;

describe('killtracker start (child process) against fake R2Z2, ESI and Discord', () => {
  let world: ProcessWorld | undefined;
  let discord: FakeDiscord;
  let r2z2: FakeR2z2;
  let env: NodeJS.ProcessEnv;
  let guildId: string;
  let jitaChannel: string;
  let allChannel: string;
  let fcRole: string;
  let metricsPort: number;

  beforeAll(async () => {
    metricsPort = await freePort();
    world = await startProcessWorld({
      discord: {
        guilds: [
          {
            name: 'E2E',
            channels: [{ name: 'jita-intel' }, { name: 'all-kills' }],
            roles: [{ name: 'FC', mentionable: true }],
          },
        ],
      },
      esi: { names: [{ id: 2112000001, name: 'Victim Pilot', category: 'character' }] },
      feed: { documents: [freshKill(1, { systemId: JITA, ageMs: 60_000 })], firstSequence: 5000 },
      // Blank SHARD_COUNT, as in a .env template: Discord's recommended shard count, all in this process.
      env: { METRICS_PORT: String(metricsPort), SHARD_COUNT: '' },
    });
    ({ discord, r2z2, env } = world);
    guildId = [...discord.guilds.keys()][0]!;
    jitaChannel = discord.channelId('jita-intel', guildId);
    allChannel = discord.channelId('all-kills', guildId);
    fcRole = discord.roleId('FC', guildId);
    await world.importTrackers(guildId, jitaChannel, {
      version: 1,
      name: 'Jita',
      clauses: { require_solar_systems: [JITA] },
    });
    await world.importTrackers(guildId, allChannel, {
      version: 1,
      name: 'Everything',
      ping: { everyone: false, here: true, roles: [fcRole] },
      clauses: {},
    });
  }, 120_000);

  afterAll(async () => world?.stop());

  const start = () => world!.start();

  it('ingests, matches and posts each alert once to the right channel with the right pings', async () => {
    const bot = start();
    // The first start begins at the feed's head (sequence.json): kill 1 here, then what comes next.
    await bot.waitForLog((line) => String(line.msg).startsWith('No R2Z2 cursor stored yet'));
    await discord.waitForMessages(allChannel, 1, { timeoutMs: 30_000 });
    r2z2.publish(
      freshKill(2, { systemId: AMARR, ageMs: 60_000 }),
      freshKill(3, { systemId: JITA, ageMs: 60_000 }),
    );
    const everything = await discord
      .waitForMessages(allChannel, 3, { timeoutMs: 60_000 })
      .catch((error: Error) => {
        throw new Error(`${error.message}\n${bot.output().slice(-6000)}`);
      });
    const jita = await discord.waitForMessages(jitaChannel, 2, { timeoutMs: 60_000 });
    expect(everything.map(killIdOf)).toEqual([1, 2, 3]);
    expect(jita.map(killIdOf)).toEqual([1, 3]);
    expect(String(everything[0]!.body.content)).toContain('@here');
    expect(everything[0]!.body.allowed_mentions).toEqual({ parse: ['everyone'], roles: [fcRole] });
    expect(jita[0]!.body.allowed_mentions).toEqual({ parse: [], roles: [] });
    expect(JSON.stringify(jita[0]!.body.embeds)).toContain('Victim Pilot');
    // Health and metrics on METRICS_PORT.
    const health = await request(`http://127.0.0.1:${metricsPort}/healthz`);
    expect(health.statusCode).toBe(200);
    expect(await health.body.json()).toEqual({ ok: true, problems: {} });
    const metrics = await (await request(`http://127.0.0.1:${metricsPort}/metrics`)).body.text();
    expect(metrics).toMatch(/^killtracker_killmails_received_total 3$/m);
    expect(metrics).toMatch(/^killtracker_deliveries_total\{outcome="sent"\} 5$/m);
    expect(metrics).toMatch(/^killtracker_trackers_loaded 2$/m);
    // The process's own figures, for watching its memory.
    expect(metrics).toMatch(/^process_resident_memory_bytes [1-9]\d+$/m);
    expect(metrics).toMatch(/^nodejs_heap_size_used_bytes [1-9]\d+$/m);
    // A CLI command works while the bot runs on the embedded database.
    const listed = await runCliCapture(['trackers', 'list', '--guild', guildId], env);
    expect(listed.code).toBe(0);
    expect(listed.out).toHaveLength(2);
    const status = await runCliCapture(['sde', 'status'], env);
    expect(JSON.parse(status.out[0]!).systems).toBe(8);
    // A second start on the same folder refuses with advice, and leaves the running bot's database
    // usable: CLI commands right after it still work through the socket.
    const second = startBotProcess(['start'], env);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('already running');
    for (let run = 0; run < 3; run++) {
      const after = await runCliCapture(['trackers', 'list', '--guild', guildId], env);
      expect(after).toMatchObject({ code: 0, err: [] });
      expect(after.out).toHaveLength(2);
    }
    expect(await bot.kill('SIGTERM')).toBe(0);
  }, 120_000);

  it('GIVEN a SIGKILL in the middle of a burst WHEN restarted THEN every alert arrives exactly once', async () => {
    const burst = Array.from({ length: 20 }, (_, index) =>
      freshKill(100 + index, { systemId: JITA, ageMs: 60_000 }),
    );
    discord.failChannel(jitaChannel, { kind: 'slow', delayMs: 150 }, 1000);
    const bot = start();
    await bot.waitForLog((line) => line.msg === 'Killtracker is running. Press Ctrl+C to stop.');
    r2z2.publish(...burst);
    await discord.waitFor(
      () => discord.messagesIn(jitaChannel).filter((m) => killIdOf(m) >= 100).length >= 4,
      {
        timeoutMs: 60_000,
      },
    );
    await bot.kill('SIGKILL');
    const restarted = start();
    await discord.waitFor(
      () =>
        new Set(
          discord
            .messagesIn(jitaChannel)
            .map(killIdOf)
            .filter((id) => id >= 100),
        ).size === 20,
      { timeoutMs: 90_000, description: 'all 20 burst alerts in #jita-intel' },
    );
    await new Promise((done) => setTimeout(done, 3000));
    const ids = discord
      .messagesIn(jitaChannel)
      .map(killIdOf)
      .filter((id) => id >= 100);
    expect(ids).toEqual(burst.map((_, index) => 100 + index));
    expect(await restarted.kill('SIGTERM')).toBe(0);
  }, 180_000);
});
