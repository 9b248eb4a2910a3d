// /tracker rename tracker name (names are unique per server, case-insensitively).
import type { BotContext } from '../contract.ts';
import { escapeMarkdown } from '../../engine/render/index.ts';
import { replyWithEditor } from './editor-reply.ts';
import { updateTracker } from './save-tracker.ts';
import { type TrackerCommandInteraction, trackerOption } from './tracker-option.ts';

export async function executeRename(interaction: TrackerCommandInteraction, ctx: BotContext): Promise<void> {
  const row = await trackerOption(interaction, ctx);
  const name = interaction.options.getString('name', true);
  const saved = await updateTracker(ctx, row, (definition) => ({ ...definition, name }));
  await replyWithEditor(
    interaction,
    ctx,
    saved,
    `Renamed **${escapeMarkdown(row.name)}** to **${escapeMarkdown(saved.name)}**.`,
  );
}
