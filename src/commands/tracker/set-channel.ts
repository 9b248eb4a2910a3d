// /tracker set channel tracker channel: moves the alerts. A delivery failure reason is cleared (the
// admin is fixing it), and missing permissions in the new channel are reported at once.
import type { BotContext } from '../contract.ts';
import { channelAccessWarning, pingWarnings } from './bot-access.ts';
import { noticeText, replyWithEditor } from './editor-reply.ts';
import { updateTracker } from './save-tracker.ts';
import { type TrackerCommandInteraction, trackerOption } from './tracker-option.ts';

export async function executeSetChannel(
  interaction: TrackerCommandInteraction,
  ctx: BotContext,
): Promise<void> {
  const row = await trackerOption(interaction, ctx);
  const channelId = interaction.options.getChannel('channel', true).id;
  const saved = await updateTracker(ctx, row, (definition) => definition, {
    channelId,
    disabledReason: null,
  });
  await replyWithEditor(
    interaction,
    ctx,
    saved,
    noticeText(
      `Alerts now go to <#${channelId}>.`,
      row.disabledReason !== null &&
        saved.definition.enabled &&
        'The earlier delivery failure is cleared: the tracker posts again.',
      channelAccessWarning(interaction, channelId),
      ...pingWarnings(interaction, channelId, saved.definition.ping),
    ),
  );
}
