// The contract between the bot and its commands: what a slash command and a component handler are, who
// may use them, and what they get to work with. The bot (src/bot) routes to these; nothing here imports it.
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageComponentInteraction,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
} from 'discord.js';
import type {
  APIApplicationCommandOptionChoice,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
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
import type { PilotOperations } from '../pilots/operations.ts';
import type { PpkOperations } from '../ppk/operations.ts';
import type { World } from '../pipeline/world.ts';
import type { TrackerLimits } from '../tracker-ops/limits.ts';
import type { HistoryScanGate } from '../tracker-ops/scan-gate.ts';
import type { ArgsOf, AutocompletedName, SubcommandData, TypedOptions } from './options.ts';

/**
 * Where PPK messages are kept edited: a kill's message is registered once posted, and re-rendered from
 * the database whenever the kill changes.
 */
export interface PpkMessageRegistry {
  /**
   * The message belongs to the kill from now on: keep it edited. `showsRoster` when it was just rendered
   * from the current state (a PPK message); false for an alert, which is edited into the PPK message.
   */
  register(input: {
    guildId: string;
    killmailId: number;
    channelId: string;
    messageId: string;
    showsRoster: boolean;
  }): Promise<void>;
}

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
  /** The pilot registry: which member flies which characters. */
  pilots: PilotOperations;
  /** The guild's pay-per-kill program: kills, claims, corrections, money. */
  ppk: PpkOperations;
  /** Keeps PPK messages edited as their kill changes (registers a posted message with the outbox). */
  ppkMessages: PpkMessageRegistry;
  esi: EsiClient;
  /** Posts test alerts with the bot token (the same path real alerts take). */
  sender: AlertSender;
  world: () => World;
  log: Logger;
  defaultMaxAgeMinutes: number;
  now: () => number;
  /** Per-guild limits on trackers and list entries (bot settings). */
  limits: TrackerLimits;
  /** Previews and test posts: one at a time per guild, with a cooldown. */
  historyScans: HistoryScanGate;
}

/**
 * Who may use a command or component, checked by the router before it runs (autocomplete follows its
 * command): 'manager' = Manage Server or the guild's tracker manager role; 'ppk-manager' = those or the
 * guild's PPK manager role; 'member' = anyone in the guild. A 'member' handler that acts for someone else
 * checks manager rights itself (see access.ts); a subcommand may declare its own stricter access.
 */
export type Access = 'manager' | 'ppk-manager' | 'member';

export type CommandInteraction = ChatInputCommandInteraction<'cached' | 'raw'>;
type CommandAutocomplete = AutocompleteInteraction<'cached' | 'raw'>;

export interface SlashCommand {
  /** Plain API JSON; registered with Discord as is. */
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  access: Access;
  execute(interaction: CommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: CommandAutocomplete, ctx: BotContext): Promise<void>;
}

export type MessageCommandInteraction = MessageContextMenuCommandInteraction<'cached' | 'raw'>;

/**
 * A message command (right click on a message, Apps > name): no options, the message it was used on
 * arrives with the interaction (`interaction.targetMessage`).
 */
export interface MessageCommand {
  /** Plain API JSON with `type: ApplicationCommandType.Message`; registered with Discord as is. */
  data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  access: Access;
  execute(interaction: MessageCommandInteraction, ctx: BotContext): Promise<void>;
}

export type Choice = APIApplicationCommandOptionChoice<string>;

/**
 * Suggests values for one autocompleted option: `typed` is its text so far, `options` what the other
 * options of the subcommand hold so far (e.g. the chosen tracker). At most 25 choices are sent.
 */
export type Completer<Typed = object> = (
  input: { typed: string; options: Typed; interaction: CommandAutocomplete },
  ctx: BotContext,
) => Promise<readonly Choice[]> | readonly Choice[];

/**
 * One subcommand in one file, `export default { data, execute } satisfies Subcommand<typeof data>`: its
 * definition as API JSON (`as const satisfies SubcommandData`) and its handler, whose `args` are typed
 * from that definition (see options.ts). `autocomplete` completes its autocompleted options, except
 * those the command completes alike for every subcommand (e.g. `tracker`).
 */
export interface Subcommand<Data extends SubcommandData = SubcommandData> {
  readonly data: Data;
  /** Stricter than the command's own access (e.g. admin subcommands of a member command). */
  readonly access?: Access;
  execute(interaction: CommandInteraction, args: ArgsOf<Data>, ctx: BotContext): Promise<void>;
  readonly autocomplete?: {
    readonly [Name in AutocompletedName<Data>]?: Completer<TypedOptions<Data>>;
  };
}

/** A group of subcommands (`/tracker set origin|color|...`): its JSON is derived from their files. */
export interface SubcommandGroup {
  readonly name: string;
  readonly description: string;
  readonly subcommands: readonly Subcommand[];
}

export type ComponentInteraction =
  MessageComponentInteraction<'cached' | 'raw'> | ModalSubmitInteraction<'cached' | 'raw'>;

/**
 * A button, select or modal handler, routed by parsing the persistent custom_id
 * (e.g. "trk1:add:42"): parse returns typed data, or undefined when the id is not its own.
 */
export interface ComponentHandler<T = unknown> {
  name: string;
  access: Access;
  parse(customId: string): T | undefined;
  run(interaction: ComponentInteraction, data: T, ctx: BotContext): Promise<void>;
}
