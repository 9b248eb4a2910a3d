// Options the /ppk subcommands share: the killmail (a link or an id), the event type, the character, the
// period, and the small readers that turn them into what the pay-per-kill operations take.
import { MessageFlags } from 'discord.js';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { type CharacterRef, resolveCharacter } from '../../pilots/character-input.ts';
import { PPK_EVENT_LABELS, PPK_EVENT_TYPES, type PpkEventType } from '../../ppk/operations.ts';
import { UserError } from '../../user-error.ts';
import type { BotContext, Choice, CommandInteraction } from '../contract.ts';
import { type KillmailReference, parseKillmailInput } from './killmail-link.ts';

export const killmailOption = {
  type: ApplicationCommandOptionType.String,
  name: 'killmail',
  description: 'A zKillboard or ESI kill link, or the killmail id',
  required: true,
  max_length: 200,
} as const;

export const eventOption = {
  type: ApplicationCommandOptionType.String,
  name: 'event',
  description: 'The event type',
  required: true,
  choices: PPK_EVENT_TYPES.map((type) => ({ name: PPK_EVENT_LABELS[type], value: type })),
} as const;

export const characterOption = {
  type: ApplicationCommandOptionType.String,
  name: 'character',
  description: 'The character (start typing its name, or give its id)',
  required: true,
  autocomplete: true,
  max_length: 100,
} as const;

export const reasonOption = {
  type: ApplicationCommandOptionType.String,
  name: 'reason',
  description: 'Why (kept in the audit log)',
  max_length: 300,
} as const;

export const periodOption = {
  type: ApplicationCommandOptionType.String,
  name: 'period',
  description: 'A month like 2026-11 or a week like 2026-W48 (EVE time); default this month',
  max_length: 10,
} as const;

/** The current calendar month in EVE time (UTC), e.g. "2026-11". */
export function currentMonth(now: number): string {
  return new Date(now).toISOString().slice(0, 7);
}

export function killmailArg(text: string): KillmailReference {
  const reference = parseKillmailInput(text);
  if (!reference)
    throw new UserError(
      'Give the killmail as a zKillboard kill link (https://zkillboard.com/kill/<id>/), an ESI killmail link, or its id.',
    );
  return reference;
}

export function eventArg(value: string): PpkEventType {
  const type = PPK_EVENT_TYPES.find((candidate) => candidate === value);
  if (!type) throw new UserError(`Pick the event from the list: ${PPK_EVENT_TYPES.join(', ')}.`);
  return type;
}

/** A character id from what was typed: an id (autocomplete's value) or an exact name ESI knows. */
export async function characterArg(text: string, ctx: BotContext): Promise<CharacterRef> {
  return resolveCharacter(
    { esi: ctx.esi, names: ctx.names, nameResolver: ctx.nameResolver, log: ctx.log },
    text,
  );
}

export async function completeCharacter(typed: string, ctx: BotContext): Promise<readonly Choice[]> {
  return ctx.pilots.characterChoices(typed);
}

/** An ephemeral answer that pings nobody (filling the "thinking…" reply when the command deferred). */
export async function answer(interaction: CommandInteraction, content: string): Promise<void> {
  if (interaction.deferred) await interaction.editReply({ content, allowedMentions: { parse: [] } });
  else await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
}

/** Work that may wait on ESI (a character by name) is deferred first: Discord wants an answer in 3 s. */
export async function deferEphemeral(interaction: CommandInteraction): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
}
