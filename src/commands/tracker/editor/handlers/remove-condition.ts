// "Remove a condition…" select: removes the chosen clause and redraws the editor in place.
import { findClause } from '../../../../engine/index.ts';
import { removeClause } from '../../../../tracker-ops/clauses.ts';
import { UserError } from '../../../../user-error.ts';
import { UNKNOWN_COMPONENT_MESSAGE } from '../../../messages.ts';
import { editorComponent } from '../component.ts';
import { updateWithEditor } from '../replies.ts';

export const removeConditionSelect = editorComponent('rm', async (interaction, row, ctx) => {
  if (!interaction.isStringSelectMenu()) throw new UserError(UNKNOWN_COMPONENT_MESSAGE);
  const key = interaction.values[0] ?? '';
  if (row.definition.clauses[key] === undefined) {
    // Removed meanwhile (another admin, or an older copy of the editor): show the tracker as it is.
    await updateWithEditor(
      interaction,
      ctx,
      row,
      `**${findClause(key)?.label ?? 'That condition'}** is not set.`,
    );
    return;
  }
  const change = await removeClause(ctx, row, key);
  await updateWithEditor(interaction, ctx, change.row, change.notice);
});
