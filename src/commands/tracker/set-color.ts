// /tracker set color tracker color: the colour of the alert embeds ("none" = the default colour).
import type { BotContext } from '../contract.ts';
import { parseColor } from './color.ts';
import { replyWithEditor } from './editor-reply.ts';
import { updateTracker } from './save-tracker.ts';
import { type TrackerCommandInteraction, trackerOption } from './tracker-option.ts';

export async function executeSetColor(
  interaction: TrackerCommandInteraction,
  ctx: BotContext,
): Promise<void> {
  const row = await trackerOption(interaction, ctx);
  const color = parseColor(interaction.options.getString('color', true));
  const saved = await updateTracker(ctx, row, (definition) => {
    const { color: _previous, ...rest } = definition;
    return color === null ? rest : { ...rest, color };
  });
  await replyWithEditor(
    interaction,
    ctx,
    saved,
    color === null ? 'Alerts use the default colour again.' : `Alert colour set to ${color}.`,
  );
}
