// Answers that show the tracker editor: a new ephemeral reply (or the deferred one filled in) for slash
// commands, an in-place update for the editor's own components. Notices go above the editor's embed.
import { type MessageComponentInteraction, MessageFlags } from 'discord.js';
import type { TrackerRow } from '../../../db/tracker-repository.ts';
import type { BotContext, CommandInteraction } from '../../contract.ts';
import { editorMessage } from './view.ts';

export async function replyWithEditor(
  interaction: CommandInteraction,
  ctx: BotContext,
  row: TrackerRow,
  notice?: string,
): Promise<void> {
  const body = await editorMessage(ctx, row, notice);
  if (interaction.deferred) await interaction.editReply(body);
  else await interaction.reply({ ...body, flags: MessageFlags.Ephemeral });
}

export async function updateWithEditor(
  interaction: MessageComponentInteraction<'cached' | 'raw'>,
  ctx: BotContext,
  row: TrackerRow,
  notice?: string,
): Promise<void> {
  await interaction.update(await editorMessage(ctx, row, notice));
}
