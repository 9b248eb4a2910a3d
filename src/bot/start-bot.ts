// The gateway side: log in with the Guilds intent (and Guild Members, for members' live roles, when
// Discord grants it) on this process's shards, register the slash and message commands (globally, or to
// DEV_GUILD_ID for instant updates while developing) from the process serving shard 0, and hand every
// interaction to the router.
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Options } from 'discord.js';
import { GatewayCloseCodes, Routes } from 'discord-api-types/v10';
import type { BotContext, ComponentHandler, MessageCommand, SlashCommand } from '../commands/contract.ts';
import type { Logger } from '../log.ts';
import { createInteractionRouter, type InteractionRouter } from './interaction-router.ts';
import { GUILD_MEMBERS_INTENT_HELP, type MemberRolesOptions, watchMemberRoles } from './member-roles.ts';

/** The gateway shards this process serves, out of all the bot's shards over every process. */
export interface GatewayShards {
  ids: readonly number[];
  count: number;
}

interface BotOptions {
  token: string;
  /** Unset: Discord's recommended number of shards (GET /gateway/bot), all served here. */
  shards?: GatewayShards | undefined;
  apiUrl: string;
  devGuildId?: string | undefined;
  commands: readonly SlashCommand[];
  /** Message commands (Apps > name on a message), registered with the slash commands. */
  messageCommands?: readonly MessageCommand[];
  components: readonly ComponentHandler<never>[];
  ctx: BotContext;
  log: Logger;
  readyTimeoutMs?: number;
  /** Keep the roles of members with linked characters current (the *_roles clauses read them). */
  memberRoles?: MemberRolesOptions;
}

export interface RunningBot {
  client: Client;
  router: InteractionRouter;
  stop(): Promise<void>;
}

/** Discord closed the gateway with 4014: a privileged intent is not switched on for this bot. */
class DisallowedIntentsError extends Error {}

/** Gateway close codes that no reconnect can fix, with what the operator should change. */
const SHARD_SETTINGS_REFUSED: ReadonlyMap<number, string> = new Map([
  [
    GatewayCloseCodes.ShardingRequired,
    'Discord requires more gateway shards for the number of servers this bot is in (close code 4011): ' +
      "raise SHARD_COUNT, or unset SHARD_COUNT and SHARD_IDS to use Discord's recommended count.",
  ],
  [
    GatewayCloseCodes.InvalidShard,
    'Discord refused the gateway shard settings (close code 4010): SHARD_IDS must name shards from 0 to ' +
      'SHARD_COUNT - 1, and every process of the bot must use the same SHARD_COUNT.',
  ],
]);

export async function startBot(options: BotOptions): Promise<RunningBot> {
  const { log } = options;
  const router = createInteractionRouter(
    options.commands,
    options.components,
    options.ctx,
    options.messageCommands,
  );
  let memberEvents = options.memberRoles?.intent ?? false;
  let client: Client;
  try {
    client = await logIn(options, router, memberEvents);
  } catch (error) {
    if (!(error instanceof DisallowedIntentsError)) throw error;
    log.warn(GUILD_MEMBERS_INTENT_HELP);
    memberEvents = false;
    client = await logIn(options, router, false);
  }
  // One process registers the commands: the one serving shard 0 (every bot has a shard 0).
  const registers = client.ws.shards.has(0);
  try {
    if (registers) await registerCommands(client, options);
    else log.info('slash commands are registered by the process serving shard 0');
  } catch (error) {
    // A connected client would keep the process alive after start-up has failed.
    await client.destroy();
    const check = options.devGuildId
      ? 'Check DEV_GUILD_ID: the bot must be a member of that server.'
      : 'Check that DISCORD_TOKEN is the token of this bot application.';
    throw new Error(
      `Could not register the slash commands with Discord: ${error instanceof Error ? error.message : String(error)}. ${check}`,
    );
  }
  log.info(
    {
      user: client.user?.tag,
      guilds: client.guilds.cache.size,
      shards: [...client.ws.shards.keys()],
      shardCount: client.options.shardCount,
      memberEvents,
    },
    'logged in to Discord',
  );
  const watch = options.memberRoles
    ? watchMemberRoles(client, options.memberRoles, memberEvents, log)
    : undefined;
  return {
    client,
    router,
    async stop() {
      await watch?.stop();
      await client.destroy();
    },
  };
}

async function logIn(options: BotOptions, router: InteractionRouter, memberEvents: boolean): Promise<Client> {
  const { log } = options;
  const client = new Client({
    intents: memberEvents
      ? [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers]
      : [GatewayIntentBits.Guilds],
    rest: { api: options.apiUrl },
    ...(options.shards
      ? { shards: [...options.shards.ids], shardCount: options.shards.count }
      : { shards: 'auto' as const }),
    // Member events fill discord.js's member cache; the roles the bot needs are in the database.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      GuildMemberManager: { maxSize: 200, keepOverLimit: (member) => member.id === member.client.user.id },
    }),
  });
  client.on(Events.InteractionCreate, (interaction) => {
    void router.handle(interaction);
  });
  client.on(Events.Error, (error) => log.error({ err: error }, 'Discord client error'));
  // Discord refuses a privileged intent (4014) or the shard settings (4010, 4011) by closing the gateway:
  // stop waiting for ready at once.
  let refuse: (error: Error) => void = () => undefined;
  const refused = new Promise<never>((_resolve, reject) => {
    refuse = reject;
  });
  refused.catch(() => undefined);
  let disallowedIntents = false;
  let shardSettingsRefused: string | undefined;
  client.on(Events.ShardDisconnect, (event, shard) => {
    if (event.code === GatewayCloseCodes.DisallowedIntents) {
      disallowedIntents = true;
      refuse(new DisallowedIntentsError());
    }
    const refusal = SHARD_SETTINGS_REFUSED.get(event.code);
    if (refusal !== undefined) {
      shardSettingsRefused = refusal;
      refuse(new Error(refusal));
    }
    log.warn({ code: event.code, shard }, 'gateway disconnected');
  });
  client.on(Events.GuildCreate, (guild) =>
    log.info({ guild: guild.id, name: guild.name }, 'joined a server'),
  );

  const ready = once(client, Events.ClientReady, {
    signal: AbortSignal.timeout(options.readyTimeoutMs ?? 60_000),
  });
  // When a refusal wins the race, the wait for ready still times out later: that must not go unhandled.
  ready.catch(() => undefined);
  try {
    await client.login(options.token);
    await Promise.race([ready, refused]);
  } catch (error) {
    await client.destroy();
    if (disallowedIntents) throw new DisallowedIntentsError();
    if (shardSettingsRefused !== undefined) throw new Error(shardSettingsRefused);
    throw new Error(
      `Could not log in to Discord: ${error instanceof Error ? error.message : String(error)}. Check DISCORD_TOKEN.`,
    );
  }
  return client;
}

/** Registers the commands globally, or to DEV_GUILD_ID (which updates at once). */
async function registerCommands(client: Client, options: BotOptions): Promise<void> {
  const applicationId = client.application?.id ?? client.user?.id;
  if (!applicationId) throw new Error('Discord did not say which application this bot is');
  const body = [
    ...options.commands.map((command) => command.data),
    ...(options.messageCommands ?? []).map((command) => command.data),
  ];
  if (options.devGuildId) {
    await client.rest.put(Routes.applicationGuildCommands(applicationId, options.devGuildId), { body });
    options.log.info(
      { guild: options.devGuildId, commands: body.length },
      'slash commands registered to the development server',
    );
  } else {
    await client.rest.put(Routes.applicationCommands(applicationId), { body });
    options.log.info({ commands: body.length }, 'slash commands registered globally');
  }
}
