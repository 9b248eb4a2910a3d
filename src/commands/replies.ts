// Answers shared by commands and components: slow work (previews, test posts, imports) is deferred
// ephemerally, then the "thinking…" message is filled in. A UserError thrown by the work fills it with
// its advice through the router's error boundary.
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
