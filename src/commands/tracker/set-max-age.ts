// /tracker set max-age tracker minutes: killmails older than this (zKillboard can be late) are not posted.
import type { BotContext } from '../contract.ts';
import { replyWithEditor } from './editor-reply.ts';
import { updateTracker } from './save-tracker.ts';
import { type TrackerCommandInteraction, trackerOption } from './tracker-option.ts';

export async function executeSetMaxAge(
  interaction: TrackerCommandInteraction,
  ctx: BotContext,
): Promise<void> {
  const row = await trackerOption(interaction, ctx);
  const minutes = interaction.options.getInteger('minutes', true);
  const saved = await updateTracker(ctx, row, (definition) => ({ ...definition, max_age_minutes: minutes }));
  await replyWithEditor(
    interaction,
    ctx,
    saved,
    `Killmails older than ${minutes} minute${minutes === 1 ? '' : 's'} are no longer posted.`,
  );
}
