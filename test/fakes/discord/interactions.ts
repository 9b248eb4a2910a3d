// Builders for INTERACTION_CREATE payloads as Discord sends them (slash commands with options,
// autocomplete, buttons, string selects, modal submits), with the fields discord.js insists on.
// Dispatch them with `fake.dispatchInteraction(payload)`.
import {
  type APIApplicationCommandAutocompleteGuildInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandGuildInteraction,
  type APIInteractionDataResolved,
  type APIInteractionDataResolvedChannel,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageApplicationCommandGuildInteraction,
  type APIMessageComponentGuildInteraction,
  type APIModalSubmissionComponent,
  type APIModalSubmitGuildInteraction,
  type APIUser,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ComponentType,
  type GuildMemberFlags,
  InteractionContextType,
  InteractionType,
  Locale,
} from 'discord-api-types/v10';
import { ALL_PERMISSIONS, BOT_PERMISSIONS } from './entities.ts';
import { buildMessage } from './messages.ts';
import { botBase, permissionsIn } from './permissions.ts';
import type { FakeDiscord } from './server.ts';
import { nextSnowflake } from './snowflake.ts';

/** Who acts, where. */
export interface InteractionContext {
  guildId: string;
  channelId: string;
  user: APIUser;
  /** The member's permissions in the channel; default: everything (a server admin). */
  memberPermissions?: string;
  /** Role ids of the member. */
  roles?: string[];
  locale?: Locale;
}

type Option = APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommand>;
type AutocompleteOption =
  APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommandAutocomplete>;

/** Option values as Discord sends them; channel, role and attachment ids are resolved by the builder. */
export const option = {
  string: (name: string, value: string): Option => ({
    type: ApplicationCommandOptionType.String,
    name,
    value,
  }),
  integer: (name: string, value: number): Option => ({
    type: ApplicationCommandOptionType.Integer,
    name,
    value,
  }),
  number: (name: string, value: number): Option => ({
    type: ApplicationCommandOptionType.Number,
    name,
    value,
  }),
  boolean: (name: string, value: boolean): Option => ({
    type: ApplicationCommandOptionType.Boolean,
    name,
    value,
  }),
  channel: (name: string, channelId: string): Option => ({
    type: ApplicationCommandOptionType.Channel,
    name,
    value: channelId,
  }),
  role: (name: string, roleId: string): Option => ({
    type: ApplicationCommandOptionType.Role,
    name,
    value: roleId,
  }),
  user: (name: string, userId: string): Option => ({
    type: ApplicationCommandOptionType.User,
    name,
    value: userId,
  }),
  attachment: (name: string, attachmentId: string): Option => ({
    type: ApplicationCommandOptionType.Attachment,
    name,
    value: attachmentId,
  }),
  subcommand: (name: string, options: Option[] = []): Option =>
    ({ type: ApplicationCommandOptionType.Subcommand, name, options }) as Option,
  group: (name: string, subcommands: Option[]): Option =>
    ({ type: ApplicationCommandOptionType.SubcommandGroup, name, options: subcommands }) as Option,
  /** The option being typed in an autocomplete interaction (its value is a string while typing). */
  focused: (name: string, value: string, type = ApplicationCommandOptionType.String): Option =>
    ({ type, name, value, focused: true }) as Option,
};

/** The acting member as the permission computation sees them: guild-level permissions and roles. */
function actor(context: InteractionContext) {
  return {
    userId: context.user.id,
    roles: context.roles ?? [],
    base: context.memberPermissions ?? ALL_PERMISSIONS,
  };
}

function member(fake: FakeDiscord, context: InteractionContext): APIInteractionGuildMember {
  return {
    user: context.user,
    roles: context.roles ?? [],
    // Discord sends the member's permissions in the channel the interaction came from.
    permissions: permissionsIn(fake.guild(context.guildId), context.channelId, actor(context)),
    joined_at: new Date().toISOString(),
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
  };
}

/** The fields every guild interaction carries, including the ones discord.js reads unguarded. */
function base(fake: FakeDiscord, context: InteractionContext) {
  const channel = fake
    .guild(context.guildId)
    ?.channels.find((candidate) => candidate.id === context.channelId);
  return {
    id: nextSnowflake(),
    application_id: fake.applicationId,
    token: `fake-interaction-token-${nextSnowflake()}`,
    version: 1 as const,
    guild_id: context.guildId,
    guild: { id: context.guildId, locale: Locale.EnglishUS, features: [] },
    channel_id: context.channelId,
    channel: {
      id: context.channelId,
      type: channel?.type ?? 0,
      guild_id: context.guildId,
      name: channel && 'name' in channel ? channel.name : 'alerts',
    },
    member: member(fake, context),
    app_permissions: botPermissionsIn(fake, context.guildId, context.channelId),
    locale: context.locale ?? Locale.EnglishUS,
    guild_locale: Locale.EnglishUS,
    entitlements: [],
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: context.guildId },
    context: InteractionContextType.Guild,
    attachment_size_limit: 10_485_760,
  };
}

function commandId(fake: FakeDiscord, guildId: string, name: string): string {
  const command =
    fake.commands(guildId).find((candidate) => candidate.name === name) ??
    fake.commands().find((candidate) => candidate.name === name);
  return command?.id ?? nextSnowflake();
}

/** The bot's permissions in a channel; the bot's default ones when the guild is unknown to the fake. */
function botPermissionsIn(fake: FakeDiscord, guildId: string, channelId: string): string {
  const guild = fake.guild(guildId);
  return guild ? permissionsIn(guild, channelId, botBase(guild, fake.botUser.id)) : BOT_PERMISSIONS;
}

/** Fills `resolved` for channel, role, user and attachment options from the fake's state. */
function resolve(
  fake: FakeDiscord,
  context: InteractionContext,
  options: readonly Option[],
): APIInteractionDataResolved {
  const { guildId } = context;
  const resolved: APIInteractionDataResolved = {};
  const guild = fake.guild(guildId);
  const visit = (list: readonly Option[]) => {
    for (const entry of list) {
      if ('options' in entry && Array.isArray(entry.options)) visit(entry.options as Option[]);
      if (!('value' in entry) || typeof entry.value !== 'string') continue;
      const id = entry.value;
      if (entry.type === ApplicationCommandOptionType.Channel) {
        const channel = guild?.channels.find((candidate) => candidate.id === id);
        resolved.channels ??= {};
        resolved.channels[id] = {
          id,
          type: (channel?.type ?? 0) as 0,
          name: channel && 'name' in channel && channel.name ? channel.name : 'unknown',
          // Discord resolves a channel option with the invoking member's permissions there, and the bot's.
          permissions: permissionsIn(guild, id, actor(context)),
          app_permissions: botPermissionsIn(fake, guildId, id),
        } as APIInteractionDataResolvedChannel;
      } else if (entry.type === ApplicationCommandOptionType.Role) {
        const role = guild?.roles.find((candidate) => candidate.id === id);
        if (role) {
          resolved.roles ??= {};
          resolved.roles[id] = role;
        }
      } else if (entry.type === ApplicationCommandOptionType.User) {
        const found = guild?.members.find((candidate) => candidate.user.id === id);
        if (found) {
          resolved.users ??= {};
          resolved.users[id] = found.user;
          // Discord resolves the guild member too (without its user) when the user is in the guild.
          const { user: _user, ...member } = found;
          resolved.members ??= {};
          resolved.members[id] = { ...member, permissions: '0' };
        }
      } else if (entry.type === ApplicationCommandOptionType.Attachment) {
        const hosted = fake.attachments.get(id);
        if (hosted) {
          resolved.attachments ??= {};
          resolved.attachments[id] = hosted.attachment;
        }
      }
    }
  };
  visit(options);
  return resolved;
}

export function chatInputInteraction(
  fake: FakeDiscord,
  context: InteractionContext,
  command: { name: string; options?: Option[] },
): APIChatInputApplicationCommandGuildInteraction {
  const options = command.options ?? [];
  const resolved = resolve(fake, context, options);
  return {
    ...base(fake, context),
    type: InteractionType.ApplicationCommand,
    data: {
      id: commandId(fake, context.guildId, command.name),
      name: command.name,
      type: ApplicationCommandType.ChatInput,
      guild_id: context.guildId,
      options,
      ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
    },
  } as APIChatInputApplicationCommandGuildInteraction;
}

/**
 * A message command (Apps > name on a message): the target message arrives in `data.resolved.messages`,
 * its id in `data.target_id`.
 */
export function messageCommandInteraction(
  fake: FakeDiscord,
  context: InteractionContext,
  command: { name: string; message: APIMessage },
): APIMessageApplicationCommandGuildInteraction {
  return {
    ...base(fake, context),
    type: InteractionType.ApplicationCommand,
    data: {
      id: commandId(fake, context.guildId, command.name),
      name: command.name,
      type: ApplicationCommandType.Message,
      guild_id: context.guildId,
      target_id: command.message.id,
      resolved: { messages: { [command.message.id]: command.message } },
    },
  } as APIMessageApplicationCommandGuildInteraction;
}

/** A message a member wrote (not the bot), for message commands to be used on. */
export function memberMessage(fake: FakeDiscord, context: InteractionContext, content: string): APIMessage {
  return buildMessage({
    channelId: context.channelId,
    author: context.user,
    body: { content },
    files: [],
    origin: fake.origin,
  });
}

/** Exactly one option (possibly inside a subcommand) should be `option.focused(...)`. */
export function autocompleteInteraction(
  fake: FakeDiscord,
  context: InteractionContext,
  command: { name: string; options: Option[] },
): APIApplicationCommandAutocompleteGuildInteraction {
  return {
    ...base(fake, context),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: commandId(fake, context.guildId, command.name),
      name: command.name,
      type: ApplicationCommandType.ChatInput,
      guild_id: context.guildId,
      options: command.options as AutocompleteOption[],
    },
  } as APIApplicationCommandAutocompleteGuildInteraction;
}

/** A message for a component to sit on when the test has none (a bot message in the channel). */
function placeholderMessage(fake: FakeDiscord, channelId: string): APIMessage {
  return buildMessage({
    channelId,
    author: fake.botUser,
    body: { content: '' },
    files: [],
    origin: fake.origin,
  });
}

export function buttonInteraction(
  fake: FakeDiscord,
  context: InteractionContext,
  button: { customId: string; message?: APIMessage },
): APIMessageComponentGuildInteraction {
  return {
    ...base(fake, context),
    type: InteractionType.MessageComponent,
    message: button.message ?? placeholderMessage(fake, context.channelId),
    data: { custom_id: button.customId, component_type: ComponentType.Button },
  } as APIMessageComponentGuildInteraction;
}

export function stringSelectInteraction(
  fake: FakeDiscord,
  context: InteractionContext,
  select: { customId: string; values: string[]; message?: APIMessage },
): APIMessageComponentGuildInteraction {
  return {
    ...base(fake, context),
    type: InteractionType.MessageComponent,
    message: select.message ?? placeholderMessage(fake, context.channelId),
    data: { custom_id: select.customId, component_type: ComponentType.StringSelect, values: select.values },
  } as APIMessageComponentGuildInteraction;
}

/** A field of a submitted modal: a text input's value or a select's values. */
export type ModalField = { customId: string; value: string } | { customId: string; values: string[] };

/**
 * A modal submit. Fields arrive in Label components (the current modal layout); pass
 * `layout: 'action-rows'` for the older text-input-in-action-row layout.
 */
export function modalSubmitInteraction(
  fake: FakeDiscord,
  context: InteractionContext,
  modal: { customId: string; fields: ModalField[]; message?: APIMessage; layout?: 'labels' | 'action-rows' },
): APIModalSubmitGuildInteraction {
  const components: APIModalSubmissionComponent[] = modal.fields.map((field) => {
    const id = Math.floor(Math.random() * 1_000_000);
    if ('values' in field) {
      return {
        type: ComponentType.Label,
        id,
        component: {
          type: ComponentType.StringSelect,
          id: id + 1,
          custom_id: field.customId,
          values: field.values,
        },
      };
    }
    const input = {
      type: ComponentType.TextInput as const,
      id: id + 1,
      custom_id: field.customId,
      value: field.value,
    };
    return modal.layout === 'action-rows'
      ? { type: ComponentType.ActionRow, id, components: [input] }
      : { type: ComponentType.Label, id, component: input };
  });
  return {
    ...base(fake, context),
    type: InteractionType.ModalSubmit,
    ...(modal.message ? { message: modal.message } : {}),
    data: { custom_id: modal.customId, components },
  } as APIModalSubmitGuildInteraction;
}
