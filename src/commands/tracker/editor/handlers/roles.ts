// The role picker's components: `roles` with a clause key is its role select (picking saves the roles,
// none removes the condition), without a key it is the Back button. Both bring the editor back.
import { findClause } from '../../../../engine/index.ts';
import { setClause } from '../../../../tracker-ops/clauses.ts';
import { UserError } from '../../../../user-error.ts';
import { UNKNOWN_COMPONENT_MESSAGE } from '../../../messages.ts';
import { ANY_LINKED_MEMBER } from '../../clause-input/roles.ts';
import { editorComponent } from '../component.ts';
import { updateWithEditor } from '../replies.ts';
import { addsRoles } from '../role-picker.ts';

export const rolePickerSelect = editorComponent('roles', async (interaction, row, ctx, key) => {
  if (key === undefined) {
    await updateWithEditor(interaction, ctx, row);
    return;
  }
  const definition = findClause(key);
  if (definition?.valueKind !== 'roles' || !interaction.isRoleSelectMenu())
    throw new UserError(UNKNOWN_COMPONENT_MESSAGE);
  const picked = interaction.values;
  const keepsAnyMember =
    (row.definition.clauses[key] as unknown[] | undefined)?.includes(row.guildId) ?? false;
  const adds = addsRoles(row, key);
  const value = [...(keepsAnyMember && !adds ? [row.guildId] : []), ...picked];
  const shown = value.map((role) => (role === row.guildId ? ANY_LINKED_MEMBER : `<@&${role}>`));
  const change = await setClause(ctx, row, definition, { value, shown }, adds ? 'merge' : 'replace');
  await updateWithEditor(interaction, ctx, change.row, change.notice);
});
