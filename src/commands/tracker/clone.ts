// /tracker clone tracker name: a disabled copy in the same channel, to try a variant without touching
// the original.
import type { BotContext } from '../contract.ts';
import { escapeMarkdown } from '../../engine/render/index.ts';
import { replyWithEditor } from './editor-reply.ts';
import { createTracker } from './save-tracker.ts';
import { type TrackerCommandInteraction, trackerOption } from './tracker-option.ts';

export async function executeClone(interaction: TrackerCommandInteraction, ctx: BotContext): Promise<void> {
  const row = await trackerOption(interaction, ctx);
  const copy = await createTracker(ctx, {
    guildId: interaction.guildId,
    channelId: row.channelId,
    definition: {
      ...structuredClone(row.definition),
      name: interaction.options.getString('name', true),
      enabled: false,
    },
  });
  await replyWithEditor(
    interaction,
    ctx,
    copy,
    `Copied **${escapeMarkdown(row.name)}** as **${escapeMarkdown(copy.name)}**, disabled for now: change what you need, then press Enable.`,
  );
}
