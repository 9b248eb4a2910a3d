// "Remove a condition…" select: removes the chosen clause and redraws the editor in place.
import { UNKNOWN_COMPONENT_MESSAGE } from '../../messages.ts';
import { UserError } from '../../../user-error.ts';
import { findClause } from '../../../engine/index.ts';
import { editorComponent } from '../buttons/editor-button.ts';
import { removeClause } from '../clause-input/save-clause.ts';
import { updateWithEditor } from '../editor-reply.ts';

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
