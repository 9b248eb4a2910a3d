// The editor's select menus: three "Add a condition…" menus (each clause's `menu` in the registry says
// which one offers it, each within Discord's 25 options) and one "Remove a condition…" menu listing what
// the tracker has.
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APISelectMenuOption,
  ComponentType,
} from 'discord-api-types/v10';
import {
  CLAUSE_DEFINITIONS,
  type ClauseDefinition,
  type ClauseMenu,
  type ClauseNameLookup,
  type ClauseValue,
  findClause,
  formatClauseNumber,
  nameKindOf,
  type TrackerDefinition,
  VALUE_KINDS,
} from '../../../engine/index.ts';
import { truncatePlain } from '../../../engine/render/index.ts';
import { editorCustomId } from './custom-ids.ts';

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

const MAX_OPTIONS = 25;
const MAX_TEXT = 100;

interface AddMenu {
  /** The custom_id arg of its select. */
  menu: ClauseMenu;
  placeholder: string;
  clauses: readonly ClauseDefinition[];
}

/** The Add menus' placeholders, in the editor's order. */
const ADD_PLACEHOLDERS: Readonly<Record<ClauseMenu, string>> = {
  location: 'Add a condition: location…',
  attackers: 'Add a condition: attackers…',
  victim: 'Add a condition: victim, value, kind…',
};

const ADD_MENUS: readonly AddMenu[] = (Object.keys(ADD_PLACEHOLDERS) as ClauseMenu[]).map((menu) => ({
  menu,
  placeholder: ADD_PLACEHOLDERS[menu],
  clauses: CLAUSE_DEFINITIONS.filter((definition) => definition.menu === menu),
}));

/** The Add menu a custom_id arg names, if any. */
export function addMenu(arg: string | undefined): AddMenu | undefined {
  return ADD_MENUS.find((entry) => entry.menu === arg);
}

/** Select menu labels, values and descriptions hold at most 100 characters. */
const shortText = (text: string): string => truncatePlain(text, MAX_TEXT);

/** One item of a list clause by its plain name, or "#id" when it has none. */
export function plainName(
  definition: ClauseDefinition | undefined,
  id: number | string,
  names: ClauseNameLookup,
): string {
  const nameKind = definition ? nameKindOf(definition.valueKind) : undefined;
  return (nameKind ? names(nameKind, id) : undefined) ?? `#${id}`;
}

/** "Now: Jita, Amarr" in plain text (select menus show no markdown), or a count when names run long. */
function plainSummary(
  definition: ClauseDefinition | undefined,
  value: ClauseValue,
  names: ClauseNameLookup,
): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'number')
    return definition ? formatClauseNumber(definition.valueKind, value) : String(value);
  const text = value.map((id) => plainName(definition, id, names)).join(', ');
  const noun = definition?.valueKind === 'roles' ? 'role' : 'item';
  return text.length <= 90 && definition?.valueKind !== 'roles'
    ? text
    : `${value.length} ${noun}${value.length === 1 ? '' : 's'}`;
}

/** Clauses measured from the tracker's origin cannot be added before it has one. */
export function needsOriginFirst(definition: ClauseDefinition, tracker: TrackerDefinition): boolean {
  return (
    definition.needsOrigin === true &&
    (tracker.origin_solar_system_id === undefined || tracker.origin_solar_system_id === null)
  );
}

function addOption(
  definition: ClauseDefinition,
  tracker: TrackerDefinition,
  names: ClauseNameLookup,
): APISelectMenuOption {
  const current = tracker.clauses[definition.key];
  let description: string = VALUE_KINDS[definition.valueKind].hint;
  if (current !== undefined) description = `Now: ${plainSummary(definition, current, names)}`;
  else if (needsOriginFirst(definition, tracker)) description = 'Needs an origin first: /tracker set origin';
  return { label: shortText(definition.label), value: definition.key, description: shortText(description) };
}

export function addConditionRows(
  trackerId: number,
  tracker: TrackerDefinition,
  names: ClauseNameLookup,
): Row[] {
  return ADD_MENUS.map((entry) => ({
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: editorCustomId('add', trackerId, entry.menu),
        placeholder: entry.placeholder,
        options: entry.clauses
          .slice(0, MAX_OPTIONS)
          .map((definition) => addOption(definition, tracker, names)),
      },
    ],
  }));
}

export function removeConditionRow(
  trackerId: number,
  tracker: TrackerDefinition,
  names: ClauseNameLookup,
): Row {
  const keys = Object.keys(tracker.clauses);
  const options: APISelectMenuOption[] = keys.slice(0, MAX_OPTIONS).map((key) => {
    const definition = findClause(key);
    const value = tracker.clauses[key] as ClauseValue;
    return {
      label: shortText(definition?.label ?? key),
      value: key,
      description: shortText(`Now: ${plainSummary(definition, value, names)}`),
    };
  });
  const more =
    keys.length > MAX_OPTIONS ? ` (first ${MAX_OPTIONS}; /tracker remove-clause for the rest)` : '';
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: editorCustomId('rm', trackerId),
        placeholder: shortText(
          options.length === 0 ? 'No conditions to remove' : `Remove a condition…${more}`,
        ),
        // Discord wants at least one option, even in a disabled menu.
        options: options.length > 0 ? options : [{ label: 'No conditions yet', value: 'none' }],
        disabled: options.length === 0,
      },
    ],
  };
}
