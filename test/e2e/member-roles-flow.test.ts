// The role clauses follow members' live Discord roles without a restart: the real discord.js client
// receives member events from the fake Discord, the bot stores the roles, the running pipeline's view
// follows, and a tracker with require_attacker_roles matches or stops matching the next kill (handed
// to the live matcher directly) and the delivery worker posts the matches.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createPilotOperations } from '../../src/pilots/operations.ts';
import { createBotContext } from '../../src/bot/context.ts';
import { type RunningBot, startBot } from '../../src/bot/start-bot.ts';
import { COMPONENT_HANDLERS, SLASH_COMMANDS } from '../../src/commands/index.ts';
import { createCharacterRepository } from '../../src/db/character-repository.ts';
import { createGuildMemberRepository } from '../../src/db/guild-member-repository.ts';
import { createGuildSettingsRepository } from '../../src/db/guild-settings-repository.ts';
import { createNameRepository } from '../../src/db/name-repository.ts';
import { createKillmailStore } from '../../src/db/killmail-store.ts';
import { deliveries } from '../../src/db/schema.ts';
import { createTrackerRepository } from '../../src/db/tracker-repository.ts';
import { createRestAlertSender } from '../../src/delivery/discord-sender.ts';
import { createEsiClient, type EsiClient } from '../../src/ingest/esi/client.ts';
import { createNameResolver } from '../../src/ingest/esi/name-resolver.ts';
import { silentLogger } from '../../src/log.ts';
import { createMetrics } from '../../src/metrics.ts';
import { createMemberRefresher } from '../../src/pilots/member-refresh.ts';
import { createKillmailIngestor } from '../../src/pipeline/ingest-killmail.ts';
import { type RunningPipeline, startPipeline } from '../../src/pipeline/run-pipeline.ts';
import { fixedWorld, type World } from '../../src/pipeline/world.ts';
import { FakeDiscord, fakeMember, fakeUser } from '../fakes/discord/index.ts';
import { FakeEsi } from '../fakes/esi.ts';
import { miniWorld } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { freshKill, killIdOf, testPipelineSettings } from '../helpers/live-feed.ts';
import { trackerDefinition } from '../fixtures/trackers.ts';

/** The attacker of every synthetic killmail. */
const ATTACKER = 2112000002;
const BOB_CHARACTER = 2112000777;
const WAIT = { timeout: 15_000, interval: 50 };

describeEachDatabase("role clauses follow members' live roles", (getDb) => {
  const alice = fakeUser({ username: 'alice' });
  const bob = fakeUser({ username: 'bob' });
  let discord: FakeDiscord;
  let esi: FakeEsi;
  let esiClient: EsiClient;
  let bot: RunningBot;
  let pipeline: RunningPipeline;
  let guildId: string;
  let channelId: string;
  let fcRole: string;
  let world: World;

  beforeAll(async () => {
    discord = await FakeDiscord.start({
      guilds: [{ name: 'Pilots', channels: [{ name: 'fleet-kills' }], roles: [{ name: 'FC' }] }],
    });
    const guild = [...discord.guilds.values()][0]!;
    guildId = guild.id;
    channelId = discord.channelId('fleet-kills', guildId);
    fcRole = discord.roleId('FC', guildId);
    guild.members.push(fakeMember(alice, [fcRole]), fakeMember(bob, [fcRole]));
    world = await miniWorld();
    esi = await FakeEsi.start();
    esiClient = createEsiClient({ baseUrl: esi.url, userAgent: 'killtracker-tests', log: silentLogger });
  });

  /** The bot (asking for the Guild Members intent) and the pipeline, on the database as it is now. */
  async function startBotAndPipeline(): Promise<void> {
    const { db } = getDb();
    const names = createNameResolver({
      esi: esiClient,
      cache: createNameRepository({ db }),
      log: silentLogger,
    });
    const sender = createRestAlertSender({ token: discord.token, apiUrl: discord.api, retries: 0 });
    const members = createGuildMemberRepository({ db });
    bot = await startBot({
      token: discord.token,
      apiUrl: discord.api,
      commands: SLASH_COMMANDS,
      components: COMPONENT_HANDLERS,
      ctx: createBotContext({
        db,
        world: () => undefined as never,
        esi: esiClient,
        nameResolver: names,
        pilots: createPilotOperations({
          db,
          esi: esiClient,
          names: createNameRepository({ db }),
          nameResolver: names,
          log: silentLogger,
        }),
        sender,
        log: silentLogger,
        defaultMaxAgeMinutes: 60,
      }),
      log: silentLogger,
      readyTimeoutMs: 20_000,
      memberRoles: {
        intent: true,
        members,
        // REST answers nothing here: every role below arrives through the gateway.
        refresher: createMemberRefresher({
          members,
          source: {
            roles: async () => {
              throw new Error('REST is not used in this test');
            },
          },
          log: silentLogger,
        }),
      },
    });
    pipeline = await startPipeline({
      database: getDb().handle,
      settings: testPipelineSettings('http://127.0.0.1:9/unused'),
      // Kills are handed to the ingestor below, at once, instead of waiting on the feed's polling.
      ingest: false,
      world: fixedWorld(world),
      sender,
      names,
      log: silentLogger,
      metrics: createMetrics(),
      trackerRefreshMs: 100,
    });
  }

  afterAll(async () => {
    await pipeline?.stop();
    await bot?.stop();
    await esiClient?.close();
    await esi?.stop();
    await discord?.stop();
  });

  const rolesOf = (characterId: number) => pipeline.links.linksFor(guildId)?.get(characterId);

  /** A fresh kill through the live matcher; resolves with whether the tracker will post it. */
  async function kill(id: number): Promise<boolean> {
    const { db } = getDb();
    const ingestor = createKillmailIngestor({
      store: createKillmailStore({ db }),
      sync: pipeline.sync,
      world: () => world,
      log: silentLogger,
      linksFor: pipeline.links.linksFor,
    });
    await ingestor.onDocument({ sequence: id, document: freshKill(id), republished: false });
    const rows = await db
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.killmailId, id), eq(deliveries.channelId, channelId)));
    return rows.length > 0;
  }

  // One flow: the database is emptied before each test, so the bot and pipeline start inside it.
  it('GIVEN members with linked characters WHEN their roles change, they leave and rejoin, or only proven links count THEN the tracker follows each change without a restart', async () => {
    const { db } = getDb();
    await createTrackerRepository({ db }).create({
      guildId,
      channelId,
      definition: trackerDefinition('Our FCs on kills', { require_attacker_roles: [fcRole] }),
    });
    await createCharacterRepository({ db }).claim({
      guildId,
      characterId: BOB_CHARACTER,
      userId: bob.id,
      verified: false,
      linkedBy: null,
    });
    await startBotAndPipeline();
    // Linked before the bot started: the bot asks the gateway for that member when it connects.
    await vi.waitFor(() => expect(rolesOf(BOB_CHARACTER)).toEqual([fcRole]), WAIT);
    expect(discord.gatewayPayloads).toContainEqual(
      expect.objectContaining({
        op: 8,
        d: expect.objectContaining({ guild_id: guildId, user_ids: [bob.id] }),
      }),
    );

    await createCharacterRepository({ db: getDb().db }).claim(
      { guildId, characterId: ATTACKER, userId: alice.id, verified: false, linkedBy: null },
      { userId: alice.id, roleIds: [fcRole] },
    );
    await vi.waitFor(() => expect(rolesOf(ATTACKER)).toEqual([fcRole]), WAIT);
    expect(await kill(1)).toBe(true);
    const [alert] = await discord.waitForMessages(channelId, 1, { timeoutMs: 15_000 });
    expect(killIdOf(alert!)).toBe(1);

    discord.setMemberRoles(guildId, alice.id, []);
    await vi.waitFor(() => expect(rolesOf(ATTACKER)).toEqual([]), WAIT);
    expect(await kill(2)).toBe(false);

    discord.setMemberRoles(guildId, alice.id, [fcRole]);
    await vi.waitFor(() => expect(rolesOf(ATTACKER)).toEqual([fcRole]), WAIT);
    expect(await kill(3)).toBe(true);

    discord.removeMember(guildId, alice.id);
    await vi.waitFor(() => expect(rolesOf(ATTACKER)).toBeUndefined(), WAIT);
    expect(await kill(4)).toBe(false);

    discord.addMember(guildId, alice, [fcRole]);
    await vi.waitFor(() => expect(rolesOf(ATTACKER)).toEqual([fcRole]), WAIT);
    expect(await kill(5)).toBe(true);

    // require_verified_links: an unproven link counts for nothing until it is proven.
    await createGuildSettingsRepository({ db: getDb().db }).setRequireVerifiedLinks(guildId, true);
    await vi.waitFor(() => expect(rolesOf(ATTACKER)).toBeUndefined(), WAIT);
    expect(await kill(6)).toBe(false);
    await createCharacterRepository({ db: getDb().db }).claim({
      guildId,
      characterId: ATTACKER,
      userId: alice.id,
      verified: true,
      linkedBy: null,
    });
    await vi.waitFor(() => expect(rolesOf(ATTACKER)).toEqual([fcRole]), WAIT);
    expect(await kill(7)).toBe(true);
    await discord.waitForMessages(channelId, 4, { timeoutMs: 15_000 });
    expect(discord.messagesIn(channelId).map(killIdOf)).toEqual([1, 3, 5, 7]);
  }, 120_000);
});
