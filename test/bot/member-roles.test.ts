import pino from 'pino';
import { GatewayOpcodes } from 'discord-api-types/v10';
import { afterEach, expect, it, vi } from 'vitest';
import { createPilotOperations } from '../../src/pilots/operations.ts';
import { createNameRepository } from '../../src/db/name-repository.ts';
import { createBotContext } from '../../src/bot/context.ts';
import { type RunningBot, startBot } from '../../src/bot/start-bot.ts';
import { COMPONENT_HANDLERS, SLASH_COMMANDS } from '../../src/commands/index.ts';
import { createCharacterRepository } from '../../src/db/character-repository.ts';
import { createGuildMemberRepository } from '../../src/db/guild-member-repository.ts';
import { createRestAlertSender } from '../../src/delivery/discord-sender.ts';
import type { EsiClient } from '../../src/ingest/esi/client.ts';
import { silentLogger } from '../../src/log.ts';
import { createRestMemberSource } from '../../src/pilots/discord-members.ts';
import { createMemberRefresher } from '../../src/pilots/member-refresh.ts';
import { FakeDiscord, fakeMember, fakeUser, GUILD_MEMBERS_INTENT } from '../fakes/discord/index.ts';
import { describeEachDatabase } from '../helpers/database.ts';

const CHARACTER = 2112000002;
const WAIT = { timeout: 15_000, interval: 50 };
const unusedEsi = {} as EsiClient;

describeEachDatabase("linked members' roles without the Guild Members intent", (getDb) => {
  let discord: FakeDiscord | undefined;
  let bot: RunningBot | undefined;
  afterEach(async () => {
    await bot?.stop();
    await discord?.stop();
  });

  it('GIVEN Discord refuses the Guild Members intent (4014) WHEN the bot starts THEN it says how to switch it on, carries on, and follows linked members over REST', async () => {
    const alice = fakeUser({ username: 'alice' });
    discord = await FakeDiscord.start({
      refusedIntents: GUILD_MEMBERS_INTENT,
      guilds: [{ name: 'No intent', roles: [{ name: 'FC' }] }],
    });
    const guild = [...discord.guilds.values()][0]!;
    const fcRole = discord.roleId('FC', guild.id);
    guild.members.push(fakeMember(alice, [fcRole]));
    const { db } = getDb();
    await createCharacterRepository({ db }).claim({
      guildId: guild.id,
      characterId: CHARACTER,
      userId: alice.id,
      verified: false,
      linkedBy: null,
    });
    const members = createGuildMemberRepository({ db });
    const logs: Array<Record<string, unknown>> = [];
    const log = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line)) });

    bot = await startBot({
      token: discord.token,
      apiUrl: discord.api,
      commands: SLASH_COMMANDS,
      components: COMPONENT_HANDLERS,
      ctx: createBotContext({
        db,
        world: () => undefined as never,
        esi: unusedEsi,
        nameResolver: { resolve: async () => new Map() },
        pilots: createPilotOperations({
          db,
          esi: unusedEsi,
          names: createNameRepository({ db }),
          nameResolver: { resolve: async () => new Map() },
          log: silentLogger,
        }),
        sender: createRestAlertSender({ token: discord.token, apiUrl: discord.api, retries: 0 }),
        log: silentLogger,
        defaultMaxAgeMinutes: 60,
      }),
      log,
      readyTimeoutMs: 20_000,
      memberRoles: {
        intent: true,
        members,
        refresher: createMemberRefresher({
          members,
          source: createRestMemberSource({ token: discord.token, apiUrl: discord.api }),
          log,
        }),
        roundMs: 100,
        staleAfterMs: 0,
      },
    });

    expect(logs).toContainEqual(
      expect.objectContaining({
        level: 40,
        msg: expect.stringContaining('switch on "Server Members Intent"'),
      }),
    );
    const identifies = discord.gatewayPayloads.filter((payload) => payload.op === GatewayOpcodes.Identify);
    expect(
      identifies.map((payload) => (payload.d as { intents: number }).intents & GUILD_MEMBERS_INTENT),
    ).toEqual([GUILD_MEMBERS_INTENT, 0]);
    expect(discord.connectedSessions).toBe(1);

    await vi.waitFor(async () => expect(await members.rolesOf(guild.id, alice.id)).toEqual([fcRole]), WAIT);
    // No gateway event reaches a bot without the intent: the REST rounds see the change.
    discord.setMemberRoles(guild.id, alice.id, []);
    await vi.waitFor(async () => expect(await members.rolesOf(guild.id, alice.id)).toEqual([]), WAIT);
    discord.removeMember(guild.id, alice.id);
    await vi.waitFor(async () => expect(await members.rolesOf(guild.id, alice.id)).toBeUndefined(), WAIT);
    expect(discord.requests).toContainEqual(
      expect.objectContaining({
        method: 'GET',
        path: `/guilds/${guild.id}/members/${alice.id}`,
        status: 404,
      }),
    );
  }, 60_000);
});
