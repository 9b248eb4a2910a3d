// The gateway side: log in with the Guilds intent only, register the slash commands (globally, or to
// DEV_GUILD_ID for instant updates while developing) and hand every interaction to the router.
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { Routes } from 'discord-api-types/v10';
import type { BotContext, ComponentHandler, SlashCommand } from '../commands/contract.ts';
import type { Logger } from '../log.ts';
import { createInteractionRouter, type InteractionRouter } from './interaction-router.ts';

interface BotOptions {
  token: string;
  apiUrl: string;
  devGuildId?: string | undefined;
  commands: readonly SlashCommand[];
  components: readonly ComponentHandler<never>[];
  ctx: BotContext;
  log: Logger;
  readyTimeoutMs?: number;
}

export interface RunningBot {
  client: Client;
  router: InteractionRouter;
  stop(): Promise<void>;
}

export async function startBot(options: BotOptions): Promise<RunningBot> {
  const { log } = options;
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: options.apiUrl } });
  const router = createInteractionRouter(options.commands, options.components, options.ctx);
  client.on(Events.InteractionCreate, (interaction) => {
    void router.handle(interaction);
  });
  client.on(Events.Error, (error) => log.error({ err: error }, 'Discord client error'));
  client.on(Events.ShardDisconnect, (event, shard) =>
    log.warn({ code: event.code, shard }, 'gateway disconnected'),
  );
  client.on(Events.GuildCreate, (guild) =>
    log.info({ guild: guild.id, name: guild.name }, 'joined a server'),
  );

  const ready = once(client, Events.ClientReady, {
    signal: AbortSignal.timeout(options.readyTimeoutMs ?? 60_000),
  });
  try {
    await client.login(options.token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw new Error(
      `Could not log in to Discord: ${error instanceof Error ? error.message : String(error)}. Check DISCORD_TOKEN.`,
    );
  }
  try {
    await registerCommands(client, options);
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
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'logged in to Discord');
  return {
    client,
    router,
    async stop() {
      await client.destroy();
    },
  };
}

/** Registers the commands globally, or to DEV_GUILD_ID (which updates at once). */
async function registerCommands(client: Client, options: BotOptions): Promise<void> {
  const applicationId = client.application?.id ?? client.user?.id;
  if (!applicationId) throw new Error('Discord did not say which application this bot is');
  const body = options.commands.map((command) => command.data);
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
