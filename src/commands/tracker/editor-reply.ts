// Answers that show the tracker editor: an ephemeral reply for commands, an in-place update for
// the editor's own buttons. Notices (what changed, warnings) go above the editor's embed.
import {
  type ChatInputCommandInteraction,
  type InteractionUpdateOptions,
  type MessageComponentInteraction,
  MessageFlags,
} from 'discord.js';
import type { BotContext } from '../contract.ts';
import type { TrackerRow } from '../../db/tracker-repository.ts';
import { renderEditor } from './editor/view.ts';

/** Joins notice lines, skipping the empty ones; undefined when nothing is left. */
export function noticeText(...lines: Array<string | undefined | false>): string | undefined {
  const kept = lines.filter((line): line is string => typeof line === 'string' && line !== '');
  return kept.length === 0 ? undefined : kept.join('\n');
}

/** The editor as a complete message body: content is always set, so an update replaces what was there. */
export async function editorMessage(
  ctx: BotContext,
  row: TrackerRow,
  notice?: string,
): Promise<InteractionUpdateOptions & { content: string }> {
  const view = await renderEditor(row, ctx, notice);
  return {
    content: view.content ?? '',
    embeds: view.embeds,
    components: view.components,
    allowedMentions: { parse: [] },
  };
}

/** A command's answer: a new ephemeral reply, or the deferred "thinking…" message filled in. */
export async function replyWithEditor(
  interaction: ChatInputCommandInteraction<'cached' | 'raw'>,
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
