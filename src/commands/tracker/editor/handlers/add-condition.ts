// "Add a condition…" selects: a flag is switched on at once, a roles clause opens the role picker in
// place, and every other clause asks for its value in a modal.
import { valueInputOf } from '../../../../engine/index.ts';
import { setClause } from '../../../../tracker-ops/clauses.ts';
import { UserError } from '../../../../user-error.ts';
import { UNKNOWN_COMPONENT_MESSAGE } from '../../../messages.ts';
import { editorComponent } from '../component.ts';
import { addMenu, needsOriginFirst } from '../menus.ts';
import { updateWithEditor } from '../replies.ts';
import { renderRolePicker } from '../role-picker.ts';
import { clauseValueModal } from '../value-modal.ts';

export const addConditionSelect = editorComponent('add', async (interaction, row, ctx, menu) => {
  if (!interaction.isStringSelectMenu()) throw new UserError(UNKNOWN_COMPONENT_MESSAGE);
  const key = interaction.values[0];
  const definition = addMenu(menu)?.clauses.find((candidate) => candidate.key === key);
  if (!definition) throw new UserError(UNKNOWN_COMPONENT_MESSAGE);
  if (needsOriginFirst(definition, row.definition)) {
    throw new UserError(
      `**${definition.label}** is measured from the tracker's origin, which is not set. Run /tracker set origin first, then add it.`,
    );
  }
  switch (valueInputOf(definition.valueKind).input) {
    case 'flag': {
      const change = await setClause(ctx, row, definition, { value: true, shown: ['yes'] }, 'replace');
      await updateWithEditor(interaction, ctx, change.row, change.notice);
      return;
    }
    case 'roles':
      await interaction.update({
        ...(await renderRolePicker(row, ctx, definition)),
        allowedMentions: { parse: [] },
      });
      return;
    case 'whole_number':
    case 'decimal':
    case 'isk':
    case 'universe':
    case 'catalog':
    case 'entities':
      await interaction.showModal(await clauseValueModal(ctx, row, definition));
  }
});
