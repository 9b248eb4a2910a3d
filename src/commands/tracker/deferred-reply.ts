// Slow answers (preview, test post, import): defer ephemerally, then fill the "thinking…" message with
// the result, or with the UserError's advice, instead of leaving it spinning beside an error follow-up.
import {
  type ChatInputCommandInteraction,
  type InteractionEditReplyOptions,
  type MessageComponentInteraction,
  MessageFlags,
} from 'discord.js';
import { UserError } from '../../bot/types.ts';

export async function answerDeferred(
  interaction: ChatInputCommandInteraction<'cached' | 'raw'> | MessageComponentInteraction<'cached' | 'raw'>,
  work: () => Promise<InteractionEditReplyOptions>,
): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  let answer: InteractionEditReplyOptions;
  try {
    answer = await work();
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    answer = { content: error.message, embeds: [], components: [] };
  }
  await interaction.editReply({ allowedMentions: { parse: [] }, ...answer });
}
