// /tracker show tracker: opens the editor (ephemeral: only the admin who asked sees it).
import type { BotContext } from '../contract.ts';
import { replyWithEditor } from './editor-reply.ts';
import { type TrackerCommandInteraction, trackerOption } from './tracker-option.ts';

export async function executeShow(interaction: TrackerCommandInteraction, ctx: BotContext): Promise<void> {
  await replyWithEditor(interaction, ctx, await trackerOption(interaction, ctx));
}
