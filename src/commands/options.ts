// Slash command options as typed arguments. ArgsOf<typeof data> is the argument object of a subcommand's
// handler, derived from its option definitions (API JSON `as const`); readArgs builds that object from an
// interaction by walking the same definitions, once, so no handler reads an option by its name.
import type {
  Attachment,
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  CommandInteractionOption,
  User,
} from 'discord.js';
import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
} from 'discord-api-types/v10';
import { UserError } from '../user-error.ts';

type Resolved = CommandInteractionOption<'cached' | 'raw'>;

/** A channel option's value: the channel as Discord resolved it. */
type ChannelArg = NonNullable<Resolved['channel']>;
type RoleArg = NonNullable<Resolved['role']>;
/** A user option's value: the user, and their guild member when Discord resolved one. */
export interface UserArg {
  user: User;
  member: Resolved['member'];
}

/** The subcommand definitions handlers are typed from. */
export type SubcommandData = APIApplicationCommandSubcommandOption;
type OptionOf<Data> = Data extends {
  readonly options: ReadonlyArray<infer Option extends APIApplicationCommandBasicOption>;
}
  ? Option
  : never;

type ChoiceValue<Option> = Option extends { readonly choices: ReadonlyArray<{ readonly value: infer Value }> }
  ? Value
  : never;

type ValueOf<Option extends APIApplicationCommandBasicOption> = Option extends {
  readonly choices: ReadonlyArray<unknown>;
}
  ? ChoiceValue<Option>
  : Option['type'] extends ApplicationCommandOptionType.String
    ? string
    : Option['type'] extends ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number
      ? number
      : Option['type'] extends ApplicationCommandOptionType.Boolean
        ? boolean
        : Option['type'] extends ApplicationCommandOptionType.Channel
          ? ChannelArg
          : Option['type'] extends ApplicationCommandOptionType.Role
            ? RoleArg
            : Option['type'] extends ApplicationCommandOptionType.User
              ? UserArg
              : Option['type'] extends ApplicationCommandOptionType.Mentionable
                ? UserArg | RoleArg
                : Option['type'] extends ApplicationCommandOptionType.Attachment
                  ? Attachment
                  : never;

/**
 * The handler arguments of a subcommand: one property per option, named as the option, typed by its
 * option type (choices give the union of their values), `| undefined` unless `required: true`.
 */
export type ArgsOf<Data> = {
  readonly [Option in OptionOf<Data> as Option['name']]: Option extends { readonly required: true }
    ? ValueOf<Option>
    : ValueOf<Option> | undefined;
};

/** The names of a subcommand's options, and of those it autocompletes. */
type OptionName<Data> = OptionOf<Data>['name'];
export type AutocompletedName<Data> = Extract<OptionOf<Data>, { readonly autocomplete: true }>['name'];

/** What has been typed so far into each option of a subcommand being autocompleted. */
export type TypedOptions<Data> = { readonly [Name in OptionName<Data>]?: string };

/** Reads a subcommand's arguments from the interaction, by walking its option definitions. */
export function readArgs<const Data extends SubcommandData>(
  data: Data,
  interaction: ChatInputCommandInteraction<'cached' | 'raw'>,
): ArgsOf<Data> {
  const args: Record<string, unknown> = {};
  for (const option of data.options ?? []) {
    const given = interaction.options.get(option.name);
    const value = given === null ? undefined : optionValue(option, given);
    if (value === undefined && option.required) {
      // Discord enforces required options: a missing one means the registered command is out of date.
      throw new Error(`/${data.name}: Discord sent no value for the required option ${option.name}`);
    }
    args[option.name] = value;
  }
  return args as ArgsOf<Data>;
}

function optionValue(option: APIApplicationCommandBasicOption, given: Resolved): unknown {
  switch (option.type) {
    case ApplicationCommandOptionType.String:
      return typeof given.value === 'string' ? chosen(option, given.value) : undefined;
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number:
      return typeof given.value === 'number' ? chosen(option, given.value) : undefined;
    case ApplicationCommandOptionType.Boolean:
      return typeof given.value === 'boolean' ? given.value : undefined;
    case ApplicationCommandOptionType.Channel:
      return given.channel ?? undefined;
    case ApplicationCommandOptionType.Role:
      return given.role ?? undefined;
    case ApplicationCommandOptionType.User:
      return given.user && { user: given.user, member: given.member };
    case ApplicationCommandOptionType.Mentionable:
      return given.user ? { user: given.user, member: given.member } : (given.role ?? undefined);
    case ApplicationCommandOptionType.Attachment:
      return given.attachment ?? undefined;
  }
}

/** A value of an option with choices must be one of them (Discord checks too; a stale client may not). */
function chosen<Value extends string | number>(
  option: APIApplicationCommandBasicOption,
  value: Value,
): Value {
  const choices = 'choices' in option ? option.choices : undefined;
  if (!choices || choices.some((choice) => choice.value === value)) return value;
  throw new UserError(
    `Pick the ${option.name} from the list: ${choices.map((choice) => choice.name).join(', ')}.`,
  );
}

/** The text typed so far into each option of the subcommand being autocompleted. */
export function readTypedOptions<const Data extends SubcommandData>(
  data: Data,
  interaction: AutocompleteInteraction<'cached' | 'raw'>,
): TypedOptions<Data> {
  const typed: Record<string, string> = {};
  for (const option of data.options ?? []) {
    const value = interaction.options.get(option.name)?.value;
    if (value !== undefined) typed[option.name] = String(value);
  }
  return typed as TypedOptions<Data>;
}
