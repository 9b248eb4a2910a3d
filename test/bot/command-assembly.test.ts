// Subcommand modules and the slash command assembled from them: arguments typed from the option
// definitions and read from an interaction by walking them, the JSON derived from the modules, and the
// checks made when a command is assembled.
import type { ChatInputCommandInteraction, CommandInteractionOption } from 'discord.js';
import { ApplicationCommandOptionType, ChannelType } from 'discord-api-types/v10';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { slashCommand } from '../../src/commands/assemble.ts';
import type { Subcommand } from '../../src/commands/contract.ts';
import { type ArgsOf, readArgs, type SubcommandData } from '../../src/commands/options.ts';
import { UserError } from '../../src/user-error.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'sample',
  description: 'Every kind of option',
  options: [
    { type: ApplicationCommandOptionType.String, name: 'text', description: 'Text', required: true },
    {
      type: ApplicationCommandOptionType.String,
      name: 'mode',
      description: 'A choice',
      required: true,
      choices: [
        { name: 'Loud', value: 'loud' },
        { name: 'Quiet', value: 'quiet' },
      ],
    },
    { type: ApplicationCommandOptionType.Integer, name: 'count', description: 'A count' },
    { type: ApplicationCommandOptionType.Boolean, name: 'flag', description: 'A flag' },
    {
      type: ApplicationCommandOptionType.Channel,
      name: 'channel',
      description: 'A channel',
      channel_types: [ChannelType.GuildText],
    },
    { type: ApplicationCommandOptionType.User, name: 'pilot', description: 'A member' },
  ],
} as const satisfies SubcommandData;

/** An interaction whose options resolve as discord.js resolves them, from name -> option. */
function interactionWith(given: Record<string, Partial<CommandInteractionOption>>) {
  return {
    options: { get: (name: string) => (given[name] as CommandInteractionOption | undefined) ?? null },
  } as unknown as ChatInputCommandInteraction<'cached'>;
}

describe('typed subcommand arguments', () => {
  it('GIVEN option definitions THEN the handler arguments are typed from them', () => {
    type Args = ArgsOf<typeof data>;
    expectTypeOf<Args['text']>().toEqualTypeOf<string>();
    expectTypeOf<Args['mode']>().toEqualTypeOf<'loud' | 'quiet'>();
    expectTypeOf<Args['count']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Args['flag']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<NonNullable<Args['channel']>['id']>().toEqualTypeOf<string>();
    expectTypeOf<NonNullable<Args['pilot']>['user']['id']>().toEqualTypeOf<string>();
    expectTypeOf<keyof Args>().toEqualTypeOf<'text' | 'mode' | 'count' | 'flag' | 'channel' | 'pilot'>();
  });

  it('GIVEN an interaction THEN each option is read by walking the definitions; absent optional ones are undefined', () => {
    const user = { id: '1' };
    const args = readArgs(
      data,
      interactionWith({
        text: { value: 'hello' },
        mode: { value: 'quiet' },
        count: { value: 3 },
        pilot: { user: user as never },
      }),
    );
    expect(args).toEqual({
      text: 'hello',
      mode: 'quiet',
      count: 3,
      flag: undefined,
      channel: undefined,
      pilot: { user, member: undefined },
    });
  });

  it('GIVEN a value outside the choices THEN the user is told to pick one; a missing required option is a bug', () => {
    expect(() =>
      readArgs(data, interactionWith({ text: { value: 'x' }, mode: { value: 'shouty' } })),
    ).toThrow(new UserError('Pick the mode from the list: Loud, Quiet.'));
    expect(() => readArgs(data, interactionWith({ mode: { value: 'loud' } }))).toThrow(
      /required option text/,
    );
  });
});

describe('a slash command assembled from subcommand modules', () => {
  const subcommand = (name: string, autocomplete = false) =>
    ({
      data: {
        type: ApplicationCommandOptionType.Subcommand,
        name,
        description: name,
        options: [
          { type: ApplicationCommandOptionType.String, name: 'thing', description: 'Thing', autocomplete },
        ],
      },
      async execute() {},
    }) satisfies Subcommand;

  it('GIVEN subcommands and a group THEN the JSON, the map and the names come from the modules, in order', () => {
    const command = slashCommand({
      data: { name: 'sample', description: 'Sample' },
      access: 'manager',
      subcommands: [
        subcommand('first'),
        { name: 'set', description: 'Settings', subcommands: [subcommand('colour'), subcommand('size')] },
        subcommand('last'),
      ],
    });
    expect(command.data.options?.map((option) => [option.type, option.name])).toEqual([
      [ApplicationCommandOptionType.Subcommand, 'first'],
      [ApplicationCommandOptionType.SubcommandGroup, 'set'],
      [ApplicationCommandOptionType.Subcommand, 'last'],
    ]);
    expect([...command.subcommands.keys()]).toEqual(['first', 'set colour', 'set size', 'last']);
  });

  it('GIVEN an autocompleted option nothing completes, or two subcommands of one name THEN assembling fails', () => {
    const build =
      (subcommands: readonly Subcommand[], shared = {}) =>
      () =>
        slashCommand({
          data: { name: 'sample', description: 'Sample' },
          access: 'manager',
          subcommands,
          autocomplete: shared,
        });
    expect(build([subcommand('pick', true)])).toThrow(/nothing completes the autocompleted option thing/);
    expect(build([subcommand('pick', true)], { thing: () => [] })).not.toThrow();
    expect(build([subcommand('twice'), subcommand('twice')])).toThrow(/two subcommands are named "twice"/);
  });
});
