// /tracker set origin tracker system: the system jump and light-year conditions measure from ("none"
// clears it, which the engine refuses while such a condition needs it).
import type { BotContext } from '../contract.ts';
import { replyWithEditor } from './editor-reply.ts';
import { resolveOrigin, systemLabel } from './origin.ts';
import { updateTracker } from './save-tracker.ts';
import { type TrackerCommandInteraction, trackerOption } from './tracker-option.ts';

export async function executeSetOrigin(
  interaction: TrackerCommandInteraction,
  ctx: BotContext,
): Promise<void> {
  const row = await trackerOption(interaction, ctx);
  const origin = resolveOrigin(ctx, interaction.options.getString('system', true));
  const saved = await updateTracker(ctx, row, (definition) => {
    const { origin_solar_system_id: _previous, ...rest } = definition;
    return origin === null ? rest : { ...rest, origin_solar_system_id: origin };
  });
  await replyWithEditor(
    interaction,
    ctx,
    saved,
    origin === null ? 'Origin cleared.' : `Origin set to ${systemLabel(ctx, origin)}.`,
  );
}
