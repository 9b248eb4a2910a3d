// The role picker for the *_roles clauses: the editor's menus make way for a role select (pre-filled with
// the clause's roles) and a Back button; choosing roles saves them and brings the editor back.
import { ButtonStyle, ComponentType, SelectMenuDefaultValueType } from 'discord-api-types/v10';
import type { TrackerRow } from '../../../db/tracker-repository.ts';
import type { ClauseDefinition } from '../../../engine/index.ts';
import type { BotContext } from '../../contract.ts';
import { editorCustomId } from './custom-ids.ts';
import { type EditorView, renderEditor } from './view.ts';

/** Discord's role select holds at most 25 roles. */
const MAX_ROLES = 25;

/** The clause's roles the select can show: the guild id ("any linked member") is not a pickable role. */
function pickableRoles(row: TrackerRow, key: string): string[] {
  const value = row.definition.clauses[key];
  return Array.isArray(value) ? value.map(String).filter((role) => role !== row.guildId) : [];
}

/** More roles than the select shows: picked roles are then added instead of replacing the list. */
export function addsRoles(row: TrackerRow, key: string): boolean {
  return pickableRoles(row, key).length > MAX_ROLES;
}

export async function renderRolePicker(
  row: TrackerRow,
  ctx: BotContext,
  definition: ClauseDefinition,
): Promise<EditorView> {
  const current = pickableRoles(row, definition.key);
  const adds = addsRoles(row, definition.key);
  const notice = [
    adds
      ? `**${definition.label}** has ${current.length} roles: the roles you pick are added to them.`
      : `Pick the roles for **${definition.label}** below; picking none removes the condition. Press Back to leave it as it is.`,
    // Role conditions only see characters someone linked to members: say where links come from.
    'A killmail pilot counts when their character is linked to a member with the role (links are imported by the bot operator with `killtracker links import`).',
  ].join('\n');
  const editor = await renderEditor(row, ctx, notice);
  return {
    ...editor,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.RoleSelect,
            custom_id: editorCustomId('roles', row.id, definition.key),
            placeholder: `Roles for ${definition.label}`.slice(0, 100),
            min_values: 0,
            max_values: MAX_ROLES,
            ...(adds
              ? {}
              : { default_values: current.map((id) => ({ id, type: SelectMenuDefaultValueType.Role })) }),
          },
        ],
      },
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            custom_id: editorCustomId('roles', row.id),
            label: 'Back',
            style: ButtonStyle.Secondary,
          },
        ],
      },
    ],
  };
}
