// /tracker enable|disable and the editor's Enable/Disable button share setEnabled: enabling clears a
// delivery failure (the admin says it is fixed) and warns when the tracker would post every killmail.
import type { BaseInteraction } from 'discord.js';
import type { BotContext } from '../contract.ts';
import type { TrackerRow } from '../../db/tracker-repository.ts';
import { escapeMarkdown } from '../../engine/render/index.ts';
import type { TrackerDefinition } from '../../engine/tracker/types.ts';
import { channelAccessWarning } from './bot-access.ts';
import { setsCondition } from '../../engine/clauses/describe.ts';
import { noticeText, replyWithEditor } from './editor-reply.ts';
import { updateTracker } from './save-tracker.ts';
import { type TrackerCommandInteraction, trackerOption } from './tracker-option.ts';

export const EVERY_KILLMAIL_WARNING =
  '⚠️ It has no conditions, so it posts EVERY killmail (about 15,000 a day). Add conditions, or disable it again.';

/** Whether any clause narrows the tracker. */
function hasConditions(definition: TrackerDefinition): boolean {
  return Object.values(definition.clauses).some(setsCondition);
}

interface EnabledChange {
  row: TrackerRow;
  notice: string;
}

export async function setEnabled(
  interaction: BaseInteraction<'cached' | 'raw'>,
  ctx: BotContext,
  row: TrackerRow,
  enabled: boolean,
): Promise<EnabledChange> {
  const name = `**${escapeMarkdown(row.name)}**`;
  if (!enabled) {
    if (!row.definition.enabled) return { row, notice: `${name} is already disabled.` };
    const saved = await updateTracker(ctx, row, (definition) => ({ ...definition, enabled: false }));
    return { row: saved, notice: `Disabled ${name}: it posts nothing until you enable it again.` };
  }
  const fixed = row.disabledReason !== null;
  const saved =
    row.definition.enabled && !fixed
      ? row
      : await updateTracker(ctx, row, (definition) => ({ ...definition, enabled: true }), {
          disabledReason: null,
        });
  const notice = noticeText(
    saved === row
      ? `${name} is already enabled.`
      : `Enabled ${name}: matching killmails now post in <#${saved.channelId}>.`,
    !hasConditions(saved.definition) && EVERY_KILLMAIL_WARNING,
    channelAccessWarning(interaction, saved.channelId),
  );
  return { row: saved, notice: notice ?? '' };
}

export async function executeEnable(interaction: TrackerCommandInteraction, ctx: BotContext): Promise<void> {
  const change = await setEnabled(interaction, ctx, await trackerOption(interaction, ctx), true);
  await replyWithEditor(interaction, ctx, change.row, change.notice);
}

export async function executeDisable(interaction: TrackerCommandInteraction, ctx: BotContext): Promise<void> {
  const change = await setEnabled(interaction, ctx, await trackerOption(interaction, ctx), false);
  await replyWithEditor(interaction, ctx, change.row, change.notice);
}
