// Two `killtracker start` processes on one PostgreSQL, each serving one of the fake Discord's two gateway
// shards (SHARD_COUNT=2, SHARD_IDS=0 and 1): alerts for guilds on both shards are posted exactly once,
// commands are registered once, and a slash command is answered by the process of its guild's shard.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  chatInputInteraction,
  FakeDiscord,
  fakeUser,
  option,
  snowflakeOnShard,
} from '../fakes/discord/index.ts';
import { FakeEsi } from '../fakes/esi.ts';
import { type FakeR2z2, startFakeR2z2 } from '../fakes/r2z2.ts';
import { MINI_SDE } from '../helpers/bot-harness.ts';
import { type BotProcess, startBotProcess } from '../helpers/bot-process.ts';
import { runCliCapture } from '../helpers/cli.ts';
import { describeOnPostgres } from '../helpers/database.ts';
import { freshKill, killIdOf } from '../helpers/live-feed.ts';

const JITA = 30000142;
const KILLS = [1, 2, 3, 4, 5, 6];

describeOnPostgres('sharded bot processes on one PostgreSQL', (getDb) => {
  let dataDir: string;
  let discord: FakeDiscord;
  let esi: FakeEsi;
  let r2z2: FakeR2z2;
  let env: NodeJS.ProcessEnv;
  const guildOnShard = [snowflakeOnShard(0, 2), snowflakeOnShard(1, 2)] as const;
  const processes: BotProcess[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kt-shards-'));
    discord = await FakeDiscord.start({
      shards: 2,
      guilds: [
        { id: guildOnShard[0], name: 'On shard 0', channels: [{ name: 'kills' }] },
        { id: guildOnShard[1], name: 'On shard 1', channels: [{ name: 'kills' }] },
      ],
    });
    esi = await FakeEsi.start();
    r2z2 = await startFakeR2z2({ documents: [freshKill(1, { systemId: JITA })], firstSequence: 7000 });
    env = {
      DATA_DIR: dataDir,
      DATABASE_URL: getDb().url,
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.api,
      R2Z2_URL: r2z2.url,
      ESI_URL: esi.url,
      SDE_URL: 'http://127.0.0.1:9/unused',
      ZKB_USER_AGENT: 'killtracker sharding tests',
      DELIVERY_LEASE_SECONDS: '2',
      SHARD_COUNT: '2',
    };
    expect((await runCliCapture(['sde', 'update', '--file', MINI_SDE], env)).code).toBe(0);
    const file = join(dataDir, 'tracker.json');
    writeFileSync(file, JSON.stringify({ version: 1, name: 'Everything', clauses: {} }));
    for (const guildId of guildOnShard) {
      const channelId = discord.channelId('kills', guildId);
      const run = await runCliCapture(
        ['trackers', 'import', file, '--guild', guildId, '--channel', channelId],
        env,
      );
      expect(run.code, run.err.join('\n')).toBe(0);
    }
  }, 120_000);

  afterAll(async () => {
    for (const child of processes) await child.kill('SIGKILL');
    await r2z2?.close();
    await esi?.stop();
    await discord?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const start = (shardIds: string) => {
    const child = startBotProcess(['start'], { ...env, SHARD_IDS: shardIds });
    processes.push(child);
    return child;
  };
  const loggedIn = (line: Record<string, unknown>) => line.msg === 'logged in to Discord';

  it('GIVEN two processes serving shard 0 and shard 1 WHEN kills arrive THEN each guild gets each alert once, and a slash command is answered on either shard', async () => {
    const first = start('0');
    const second = start('1');
    const [firstLogin, secondLogin] = await Promise.all([
      first.waitForLog(loggedIn, 90_000),
      second.waitForLog(loggedIn, 90_000),
    ]);
    expect(firstLogin).toMatchObject({ shards: [0], shardCount: 2, guilds: 1 });
    expect(secondLogin).toMatchObject({ shards: [1], shardCount: 2, guilds: 1 });
    await second.waitForLog(
      (line) => line.msg === 'slash commands are registered by the process serving shard 0',
    );

    const channels = guildOnShard.map((guildId) => discord.channelId('kills', guildId));
    for (const channelId of channels) await discord.waitForMessages(channelId, 1, { timeoutMs: 60_000 });
    r2z2.publish(...KILLS.slice(1).map((id) => freshKill(id, { systemId: JITA })));
    for (const channelId of channels) {
      await discord.waitForMessages(channelId, KILLS.length, { timeoutMs: 60_000 }).catch((error: Error) => {
        throw new Error(`${error.message}\n${first.output().slice(-3000)}\n${second.output().slice(-3000)}`);
      });
    }
    // Time for a second post of any alert to show up, were one to come.
    await new Promise((done) => setTimeout(done, 2000));
    for (const channelId of channels) {
      expect(discord.messagesIn(channelId).map(killIdOf)).toEqual(KILLS);
    }

    const registrations = discord.requests.filter(
      (call) => call.method === 'PUT' && call.path.endsWith('/commands'),
    );
    expect(registrations).toHaveLength(1);
    const admin = fakeUser({ username: 'admiral' });
    for (const guildId of guildOnShard) {
      const answer = await discord.dispatchInteraction(
        chatInputInteraction(
          discord,
          { guildId, channelId: discord.channelId('kills', guildId), user: admin },
          { name: 'tracker', options: [option.subcommand('list')] },
        ),
        { timeoutMs: 30_000 },
      );
      expect(JSON.stringify(answer.data), `the answer in the guild on shard of ${guildId}`).toContain(
        'Everything',
      );
    }
    expect(first.child.exitCode).toBeNull();
    expect(second.child.exitCode).toBeNull();
  }, 240_000);
});
