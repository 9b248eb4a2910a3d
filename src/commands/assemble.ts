// A slash command assembled from its subcommand modules: the JSON registered with Discord, the map from
// a subcommand's full name ("create", "set origin") to its module, the union of those names, and the
// dispatch of execute and autocomplete are all derived from the modules' own definitions.
import {
  type APIApplicationCommandSubcommandGroupOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { UserError } from '../user-error.ts';
import type { Access, Completer, SlashCommand, Subcommand, SubcommandGroup } from './contract.ts';
import { hasAccess } from './access.ts';
import { NO_PERMISSION_MESSAGE, NO_PPK_PERMISSION_MESSAGE, unknownSubcommandMessage } from './messages.ts';
import { readArgs, readTypedOptions } from './options.ts';

/** Discord shows at most 25 autocomplete choices. */
const MAX_CHOICES = 25;

type CommandEntry = Subcommand | SubcommandGroup;

type SubcommandName<Entry> = Entry extends { readonly data: { readonly name: infer Name extends string } }
  ? Name
  : never;
type EntryNames<Entry> = Entry extends {
  readonly name: infer Group extends string;
  readonly subcommands: ReadonlyArray<infer Member>;
}
  ? `${Group} ${SubcommandName<Member>}`
  : SubcommandName<Entry>;

/** The full names of a command's subcommands, e.g. "create" | "set origin". */
export type SubcommandNames<Entries extends readonly CommandEntry[]> = EntryNames<Entries[number]>;

interface AssembledCommand<Name extends string> extends SlashCommand {
  /** Every subcommand by its full name. */
  readonly subcommands: ReadonlyMap<Name, Subcommand>;
}

interface CommandSpec<Entries extends readonly CommandEntry[]> {
  /** The command's own JSON; its options are the subcommands'. */
  data: Omit<RESTPostAPIChatInputApplicationCommandsJSONBody, 'options'>;
  access: Access;
  /** In the order Discord lists them. */
  subcommands: Entries;
  /** Completers of options that every subcommand completes alike, by option name. */
  autocomplete?: Readonly<Record<string, Completer>>;
}

const isGroup = (entry: CommandEntry): entry is SubcommandGroup => 'subcommands' in entry;

function entryJson(
  entry: CommandEntry,
): APIApplicationCommandSubcommandOption | APIApplicationCommandSubcommandGroupOption {
  if (!isGroup(entry)) return entry.data;
  return {
    type: ApplicationCommandOptionType.SubcommandGroup,
    name: entry.name,
    description: entry.description,
    options: entry.subcommands.map((subcommand) => subcommand.data),
  };
}

/** The subcommands by full name: built the way SubcommandNames derives the names, so the keys are those. */
function byFullName<Entries extends readonly CommandEntry[]>(
  entries: Entries,
): Map<SubcommandNames<Entries>, Subcommand> {
  const map = new Map<SubcommandNames<Entries>, Subcommand>();
  const add = (name: string, subcommand: Subcommand) => {
    const key = name as SubcommandNames<Entries>;
    if (map.has(key)) throw new Error(`two subcommands are named "${name}"`);
    map.set(key, subcommand);
  };
  for (const entry of entries) {
    if (isGroup(entry)) {
      for (const subcommand of entry.subcommands) add(`${entry.name} ${subcommand.data.name}`, subcommand);
    } else {
      add(entry.data.name, entry);
    }
  }
  return map;
}

/** The completer of one option: the subcommand's own, else the command's shared one. */
function completerOf(
  subcommand: Subcommand,
  option: string,
  shared: Readonly<Record<string, Completer>>,
): Completer | undefined {
  // The subcommand's completers are typed by its own options; here they are looked up by name.
  const own = subcommand.autocomplete as Readonly<Record<string, Completer | undefined>> | undefined;
  return own?.[option] ?? (Object.hasOwn(shared, option) ? shared[option] : undefined);
}

/** Every autocompleted option must have a completer: checked once, when the command is assembled. */
function checkCompleters(
  command: string,
  subcommands: ReadonlyMap<string, Subcommand>,
  shared: Readonly<Record<string, Completer>>,
): void {
  for (const [name, subcommand] of subcommands) {
    for (const option of subcommand.data.options ?? []) {
      const autocompleted = 'autocomplete' in option && option.autocomplete === true;
      if (autocompleted && !completerOf(subcommand, option.name, shared))
        throw new Error(`/${command} ${name}: nothing completes the autocompleted option ${option.name}`);
    }
  }
}

function fullNameOf(options: {
  getSubcommandGroup(required: false): string | null;
  getSubcommand(required: false): string | null;
}): string {
  const group = options.getSubcommandGroup(false);
  const subcommand = options.getSubcommand(false) ?? '';
  return group === null ? subcommand : `${group} ${subcommand}`;
}

export function slashCommand<const Entries extends readonly CommandEntry[]>(
  spec: CommandSpec<Entries>,
): AssembledCommand<SubcommandNames<Entries>> {
  const shared = spec.autocomplete ?? {};
  const subcommands = byFullName(spec.subcommands);
  // Interactions name subcommands with plain strings: look them up as such.
  const byName: ReadonlyMap<string, Subcommand> = subcommands;
  checkCompleters(spec.data.name, byName, shared);
  return {
    data: { ...spec.data, options: spec.subcommands.map(entryJson) },
    access: spec.access,
    subcommands,
    async execute(interaction, ctx) {
      const name = fullNameOf(interaction.options);
      const subcommand = byName.get(name);
      if (!subcommand) throw new UserError(unknownSubcommandMessage(spec.data.name, name));
      if (subcommand.access && !(await hasAccess(interaction, subcommand.access, ctx)))
        throw new UserError(
          subcommand.access === 'ppk-manager' ? NO_PPK_PERMISSION_MESSAGE : NO_PERMISSION_MESSAGE,
        );
      await subcommand.execute(interaction, readArgs(subcommand.data, interaction), ctx);
    },
    async autocomplete(interaction, ctx) {
      const subcommand = byName.get(fullNameOf(interaction.options));
      const focused = interaction.options.getFocused(true);
      const complete = subcommand && completerOf(subcommand, focused.name, shared);
      const allowed =
        subcommand?.access === undefined || (await hasAccess(interaction, subcommand.access, ctx));
      if (!complete || !allowed) {
        await interaction.respond([]);
        return;
      }
      const choices = await complete(
        {
          typed: String(focused.value),
          options: readTypedOptions(subcommand.data, interaction),
          interaction,
        },
        ctx,
      );
      await interaction.respond(choices.slice(0, MAX_CHOICES));
    },
  };
}
