// Two `killtracker start` processes on one PostgreSQL, each serving one of the fake Discord's two gateway
// shards (SHARD_COUNT=2, SHARD_IDS=0 and 1): alerts for guilds on both shards are posted exactly once,
// commands are registered once, and a slash command is answered by the process of its guild's shard.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  chatInputInteraction,
  type FakeDiscord,
  fakeUser,
  option,
  snowflakeOnShard,
} from '../fakes/discord/index.ts';
import type { FakeR2z2 } from '../fakes/r2z2.ts';
import { describeOnPostgres } from '../helpers/database.ts';
import { freshKill, killIdOf } from '../helpers/live-feed.ts';
import { type ProcessWorld, startProcessWorld } from '../helpers/process-world.ts';

const JITA = 30000142;
const KILLS = [1, 2, 3, 4, 5, 6];

describeOnPostgres('sharded bot processes on one PostgreSQL', (getDb) => {
  let world: ProcessWorld | undefined;
  let discord: FakeDiscord;
  let r2z2: FakeR2z2;
  const guildOnShard = [snowflakeOnShard(0, 2), snowflakeOnShard(1, 2)] as const;

  beforeAll(async () => {
    world = await startProcessWorld({
      discord: {
        shards: 2,
        guilds: [
          { id: guildOnShard[0], name: 'On shard 0', channels: [{ name: 'kills' }] },
          { id: guildOnShard[1], name: 'On shard 1', channels: [{ name: 'kills' }] },
        ],
      },
      feed: { documents: [freshKill(1, { systemId: JITA })], firstSequence: 7000 },
      databaseUrl: getDb().url,
      env: { SHARD_COUNT: '2' },
    });
    ({ discord, r2z2 } = world);
    for (const guildId of guildOnShard) {
      const channelId = discord.channelId('kills', guildId);
      await world.importTrackers(guildId, channelId, { version: 1, name: 'Everything', clauses: {} });
    }
  }, 120_000);

  afterAll(async () => world?.stop());

  const start = (shardIds: string) => world!.start({ SHARD_IDS: shardIds });
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
