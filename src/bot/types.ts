// The contracts between the gateway bot and its commands: what a command or a component handler is,
// what it gets to work with, and the error type whose message is shown to the user.
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageComponentInteraction,
  ModalSubmitInteraction,
} from 'discord.js';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { GuildSettingsRepository } from '../db/guild-settings-repository.ts';
import type { KillmailHistory } from '../db/killmail-history.ts';
import type { KillmailStore } from '../db/killmail-store.ts';
import type { NameRepository } from '../db/name-repository.ts';
import type { TrackerRepository } from '../db/tracker-repository.ts';
import type { TrackerStats } from '../db/tracker-stats.ts';
import type { AlertSender } from '../delivery/discord-sender.ts';
import type { EsiClient } from '../ingest/esi/client.ts';
import type { NameResolver } from '../ingest/esi/name-resolver.ts';
import type { Logger } from '../log.ts';
import type { World } from '../pipeline/world.ts';

/** Everything a command handler may use; built once at start-up. */
export interface BotContext {
  trackers: TrackerRepository;
  trackerStats: TrackerStats;
  killmails: KillmailStore;
  /** Stored killmails page by page, for previews and test posts. */
  killmailHistory: KillmailHistory;
  names: NameRepository;
  nameResolver: NameResolver;
  guildSettings: GuildSettingsRepository;
  esi: EsiClient;
  /** Posts test alerts with the bot token (the same path real alerts take). */
  sender: AlertSender;
  world: () => World;
  log: Logger;
  defaultMaxAgeMinutes: number;
  now: () => number;
}

export interface SlashCommand {
  /** Plain API JSON; registered with Discord as is. */
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction<'cached' | 'raw'>, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction<'cached' | 'raw'>, ctx: BotContext): Promise<void>;
}

type ComponentInteraction =
  MessageComponentInteraction<'cached' | 'raw'> | ModalSubmitInteraction<'cached' | 'raw'>;

/**
 * A button, select or modal handler, routed by parsing the persistent custom_id
 * (e.g. "trk1:add:42"): parse returns typed data, or undefined when the id is not its own.
 */
export interface ComponentHandler<T = unknown> {
  name: string;
  parse(customId: string): T | undefined;
  run(interaction: ComponentInteraction, data: T, ctx: BotContext): Promise<void>;
}

/** An error whose message the user should read (ephemerally); anything else is a bug and is logged. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
