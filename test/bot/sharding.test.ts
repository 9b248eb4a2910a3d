// Gateway shards: each client serves the guilds of its shards, only the one serving shard 0 registers the
// slash commands, and a command is answered by whichever client receives it over its guild's shard.
import type { Client } from 'discord.js';
import { Events } from 'discord.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createBotContext } from '../../src/bot/context.ts';
import { type GatewayShards, type RunningBot, startBot } from '../../src/bot/start-bot.ts';
import type { BotContext } from '../../src/commands/contract.ts';
import { COMPONENT_HANDLERS, SLASH_COMMANDS } from '../../src/commands/index.ts';
import { createNameRepository } from '../../src/db/name-repository.ts';
import { createTrackerRepository } from '../../src/db/tracker-repository.ts';
import { createRestAlertSender } from '../../src/delivery/discord-sender.ts';
import { createEsiClient } from '../../src/ingest/esi/client.ts';
import { createNameResolver } from '../../src/ingest/esi/name-resolver.ts';
import { silentLogger } from '../../src/log.ts';
import { createPilotOperations } from '../../src/pilots/operations.ts';
import {
  chatInputInteraction,
  FakeDiscord,
  fakeUser,
  option,
  shardOfGuild,
  snowflakeOnShard,
} from '../fakes/discord/index.ts';
import { FakeEsi } from '../fakes/esi.ts';
import { miniWorld } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';

describeEachDatabase('gateway shards', (getDb) => {
  let fake: FakeDiscord;
  let esi: FakeEsi;
  let ctx: BotContext;
  const bots: RunningBot[] = [];
  const guildOnShard = [snowflakeOnShard(0, 2), snowflakeOnShard(1, 2)] as const;
  const admin = fakeUser({ username: 'admiral' });

  beforeAll(async () => {
    fake = await FakeDiscord.start({
      shards: 2,
      guilds: [
        { id: guildOnShard[0], name: 'On shard 0' },
        { id: guildOnShard[1], name: 'On shard 1' },
      ],
    });
    esi = await FakeEsi.start();
    const world = await miniWorld();
    const db = getDb().db;
    const esiClient = createEsiClient({
      baseUrl: esi.url,
      userAgent: 'killtracker-tests',
      log: silentLogger,
    });
    const nameResolver = createNameResolver({
      esi: esiClient,
      cache: createNameRepository({ db }),
      log: silentLogger,
    });
    ctx = createBotContext({
      db,
      world: () => world,
      esi: esiClient,
      nameResolver,
      pilots: createPilotOperations({
        db,
        esi: esiClient,
        names: createNameRepository({ db }),
        nameResolver,
        log: silentLogger,
      }),
      sender: createRestAlertSender({ token: fake.token, apiUrl: fake.api, retries: 0 }),
      log: silentLogger,
      defaultMaxAgeMinutes: 60,
      historyScanCooldownMs: 0,
    });
  });

  afterAll(async () => {
    for (const bot of bots) await bot.stop();
    await fake?.stop();
    await esi?.stop();
  });

  const start = async (shards: GatewayShards | undefined) => {
    const bot = await startBot({
      token: fake.token,
      apiUrl: fake.api,
      shards,
      commands: SLASH_COMMANDS,
      components: COMPONENT_HANDLERS,
      ctx,
      log: silentLogger,
      readyTimeoutMs: 20_000,
    });
    bots.push(bot);
    return bot;
  };

  /** Counts the interactions a client receives. */
  const interactionsSeenBy = (client: Client) => {
    const seen: string[] = [];
    client.on(Events.InteractionCreate, (interaction) => seen.push(interaction.guildId ?? ''));
    return seen;
  };

  const commandRegistrations = () =>
    fake.requests.filter((call) => call.method === 'PUT' && call.path.endsWith('/commands')).length;

  const asAdmin = (guildId: string) => ({
    guildId,
    channelId: fake.channelId('alerts', guildId),
    user: admin,
  });

  it('places guild ids on the shard Discord computes: (guild_id >> 22) % shard count', () => {
    expect(shardOfGuild(guildOnShard[0], 2)).toBe(0);
    expect(shardOfGuild(guildOnShard[1], 2)).toBe(1);
    // 175928847299117063 >> 22 = 41944705796
    expect(shardOfGuild('175928847299117063', 2)).toBe(0);
    expect(shardOfGuild('175928847299117063', 3)).toBe(2);
  });

  it('GIVEN two clients serving shard 0 and shard 1 of 2 THEN each holds its own guilds (also one joining later and after a resume), only the first registers commands, and a command is answered by the client of its guild', async () => {
    const first = await start({ ids: [0], count: 2 });
    const second = await start({ ids: [1], count: 2 });
    expect(fake.connectedShards.sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect([...first.client.guilds.cache.keys()]).toEqual([guildOnShard[0]]);
    expect([...second.client.guilds.cache.keys()]).toEqual([guildOnShard[1]]);
    expect(commandRegistrations()).toBe(1);
    expect(fake.commands().map((command) => command.name)).toContain('tracker');

    const seenByFirst = interactionsSeenBy(first.client);
    const seenBySecond = interactionsSeenBy(second.client);
    const created = await fake.dispatchInteraction(
      chatInputInteraction(fake, asAdmin(guildOnShard[1]), {
        name: 'tracker',
        options: [
          option.subcommand('create', [
            option.string('name', 'Shard one kills'),
            option.channel('channel', fake.channelId('alerts', guildOnShard[1])),
          ]),
        ],
      }),
    );
    expect(created.type).toBe(4);
    const stored = await createTrackerRepository({ db: getDb().db }).list(guildOnShard[1]);
    expect(stored.map((tracker) => tracker.name)).toEqual(['Shard one kills']);

    const listed = await fake.dispatchInteraction(
      chatInputInteraction(fake, asAdmin(guildOnShard[0]), {
        name: 'tracker',
        options: [option.subcommand('list')],
      }),
    );
    expect(String(listed.data?.content)).toContain('no trackers yet');
    expect(seenBySecond).toEqual([guildOnShard[1]]);
    expect(seenByFirst).toEqual([guildOnShard[0]]);

    // A server joining later arrives over its own shard only.
    const joiningId = snowflakeOnShard(1, 2);
    const joinedSecond = new Promise<void>((resolve) =>
      second.client.on(Events.GuildCreate, (guild) => {
        if (guild.id === joiningId) resolve();
      }),
    );
    fake.addGuild({ id: joiningId, name: 'Joins on shard 1' });
    await joinedSecond;
    expect(first.client.guilds.cache.has(joiningId)).toBe(false);

    // After a network blip both clients resume, each on its own shard.
    const resumesBefore = fake.gatewayPayloads.filter((payload) => payload.op === 6).length;
    fake.disconnectGateway();
    await fake.waitFor(
      () =>
        fake.gatewayPayloads.filter((payload) => payload.op === 6).length >= resumesBefore + 2 &&
        fake.connectedSessions === 2,
      { description: 'both clients resumed' },
    );
    await fake.dispatchInteraction(
      chatInputInteraction(fake, asAdmin(guildOnShard[1]), {
        name: 'tracker',
        options: [option.subcommand('list')],
      }),
    );
    expect(seenBySecond).toEqual([guildOnShard[1], guildOnShard[1]]);
    expect(seenByFirst).toEqual([guildOnShard[0]]);

    await second.stop();
    await first.stop();
    bots.length = 0;
  });

  it('GIVEN no shard settings THEN one client serves every shard Discord recommends and registers the commands', async () => {
    const registeredBefore = commandRegistrations();
    const bot = await start(undefined);
    expect([...bot.client.ws.shards.keys()].sort()).toEqual([0, 1]);
    expect([...bot.client.guilds.cache.keys()].sort()).toEqual([...fake.guilds.keys()].sort());
    expect(commandRegistrations()).toBe(registeredBefore + 1);
  });

  it.each([
    [{ ids: [0], count: 1 }, /raise SHARD_COUNT/],
    [{ ids: [3], count: 2 }, /SHARD_IDS must name shards from 0 to SHARD_COUNT - 1/],
  ])(
    'GIVEN shard settings Discord refuses (%j) THEN start-up fails at once saying which setting to change',
    async (shards, message) => {
      const strict = await FakeDiscord.start({ shards: 2, requiredShards: 2 });
      try {
        await expect(
          startBot({
            token: strict.token,
            apiUrl: strict.api,
            shards,
            commands: SLASH_COMMANDS,
            components: COMPONENT_HANDLERS,
            ctx,
            log: silentLogger,
            readyTimeoutMs: 20_000,
          }),
        ).rejects.toThrow(message);
        expect(strict.connectedSessions).toBe(0);
      } finally {
        await strict.stop();
      }
    },
  );
});
