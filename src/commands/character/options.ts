// Options every /character subcommand shares, and the autocomplete of characters the bot knows.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { BotContext, Choice } from '../contract.ts';

export const characterOption = {
  type: ApplicationCommandOptionType.String,
  name: 'character',
  description: 'An EVE character',
  required: true,
  autocomplete: true,
  max_length: 100,
} as const;

export const memberOption = {
  type: ApplicationCommandOptionType.User,
  name: 'member',
  description: 'Admins: act for this member',
} as const;

/** Characters seen on killmails or known to ESI, the character id as the value. */
export async function completeKnownCharacter(typed: string, ctx: BotContext): Promise<readonly Choice[]> {
  return ctx.pilots.characterChoices(typed);
}
