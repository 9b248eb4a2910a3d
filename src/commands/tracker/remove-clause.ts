// /tracker remove-clause tracker clause: removes one condition and answers with the updated editor.
import type { BotContext } from '../contract.ts';
import { UserError } from '../../user-error.ts';
import { findClause } from '../../engine/index.ts';
import { escapeMarkdown } from '../../engine/render/index.ts';
import { findClauseByInput } from './clause-input/clause-lookup.ts';
import { removeClause } from './clause-input/save-clause.ts';
import { replyWithEditor } from './editor-reply.ts';
import { type TrackerCommandInteraction, trackerOption } from './tracker-option.ts';

export async function executeRemoveClause(
  interaction: TrackerCommandInteraction,
  ctx: BotContext,
): Promise<void> {
  const row = await trackerOption(interaction, ctx);
  const typed = interaction.options.getString('clause', true);
  // A stored key the registry no longer knows can still be removed by its key.
  const key = findClauseByInput(typed)?.key ?? typed.trim();
  if (row.definition.clauses[key] === undefined) {
    const present = Object.keys(row.definition.clauses).map((name) => findClause(name)?.label ?? name);
    throw new UserError(
      present.length === 0
        ? `**${escapeMarkdown(row.name)}** has no conditions to remove.`
        : `**${escapeMarkdown(row.name)}** has no condition "${escapeMarkdown(typed.trim().slice(0, 80))}". Its conditions: ${present.join(', ')}. Pick one from the list while typing.`,
    );
  }
  const change = await removeClause(ctx, row, key);
  await replyWithEditor(interaction, ctx, change.row, change.notice);
}
