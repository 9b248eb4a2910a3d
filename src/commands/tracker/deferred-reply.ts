// Slow answers (preview, test post, import): defer ephemerally, then fill the "thinking…" message with
// the result. A UserError thrown by the work fills it with its advice through the router's error boundary.
import {
  type ChatInputCommandInteraction,
  type InteractionEditReplyOptions,
  type MessageComponentInteraction,
  MessageFlags,
} from 'discord.js';

export async function answerDeferred(
  interaction: ChatInputCommandInteraction<'cached' | 'raw'> | MessageComponentInteraction<'cached' | 'raw'>,
  work: () => Promise<InteractionEditReplyOptions>,
): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await interaction.editReply({ allowedMentions: { parse: [] }, ...(await work()) });
}
