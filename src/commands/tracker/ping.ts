// /tracker ping tracker mode [role] [role-2] [role-3]: who an alert pings, with warnings when Discord
// would show the ping as text without notifying anyone.
import type { BotContext } from '../contract.ts';
import { UserError } from '../../user-error.ts';
import { pingWarnings } from './bot-access.ts';
import { noticeText, replyWithEditor } from './editor-reply.ts';
import { describePing, type PingMode, pingForMode } from './ping-setting.ts';
import { updateTracker } from './save-tracker.ts';
import { type TrackerCommandInteraction, trackerOption } from './tracker-option.ts';

const MODES: ReadonlySet<string> = new Set<PingMode>(['none', 'here', 'everyone', 'roles']);

export async function executePing(interaction: TrackerCommandInteraction, ctx: BotContext): Promise<void> {
  const row = await trackerOption(interaction, ctx);
  const mode = interaction.options.getString('mode', true);
  if (!MODES.has(mode))
    throw new UserError('Pick a ping mode from the list: none, @here, @everyone or roles only.');
  const roleIds = ['role', 'role-2', 'role-3'].flatMap((name) => interaction.options.getRole(name)?.id ?? []);
  const ping = pingForMode(interaction, mode as PingMode, roleIds);
  const saved = await updateTracker(ctx, row, (definition) => ({ ...definition, ping }));
  await replyWithEditor(
    interaction,
    ctx,
    saved,
    noticeText(`Alerts now ping ${describePing(ping)}.`, ...pingWarnings(interaction, saved.channelId, ping)),
  );
}
