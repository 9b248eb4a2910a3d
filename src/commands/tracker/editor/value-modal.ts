// The modal that asks for a clause's value. Numbers show their current value; lists show the current
// names to edit in place (what is left in the box becomes the list), unless the list is too long for
// the box, in which case what is typed is added to it.
import {
  type APIModalInteractionResponseCallbackData,
  ComponentType,
  TextInputStyle,
} from 'discord-api-types/v10';
import type { TrackerRow } from '../../../db/tracker-repository.ts';
import {
  type ClauseDefinition,
  formatClauseNumber,
  isListValueKind,
  VALUE_KINDS,
} from '../../../engine/index.ts';
import { truncatePlain } from '../../../engine/render/index.ts';
import type { BotContext } from '../../contract.ts';
import { parseIsk } from '../clause-input/numbers.ts';
import { acceptedText } from '../clause-input/parse.ts';
import { valueSource } from '../clause-input/sources.ts';
import { clauseNames } from './clause-names.ts';
import { editorCustomId } from './custom-ids.ts';
import { plainName } from './menus.ts';

/** The text input's custom_id says how to apply what was typed. */
export const REPLACE_FIELD = 'value';
export const ADD_FIELD = 'more';

const MAX_INPUT = 4_000;
const MAX_TITLE = 45;
const MAX_DESCRIPTION = 100;

/** The current value as text the parser reads back to the same ids (names when they round-trip). */
async function currentText(
  ctx: BotContext,
  row: TrackerRow,
  definition: ClauseDefinition,
): Promise<string | undefined> {
  const value = row.definition.clauses[definition.key];
  if (value === undefined || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') {
    // A rounded amount ("1.23b" for 1,234,567,890) would save another value: then the digits are shown.
    const shown = formatClauseNumber(definition.valueKind, value);
    return parseIsk(shown) === value ? shown : String(value);
  }
  const kind = definition.valueKind;
  if (!isListValueKind(kind)) return undefined;
  const names = (await clauseNames(ctx, row.guildId, row.definition)).plain;
  const candidates = value.map((id) => plainName(definition, id, names));
  const resolved = await valueSource(ctx, row.guildId, kind).resolve(candidates, { remote: false });
  // A name with a separator in it, or one that now means another id, is written as its id.
  return value
    .map((id, index) => {
      const name = candidates[index] ?? '';
      return resolved[index]?.id === id && !/[,;\n]/.test(name) ? name : String(id);
    })
    .join(', ');
}

export async function clauseValueModal(
  ctx: BotContext,
  row: TrackerRow,
  definition: ClauseDefinition,
): Promise<APIModalInteractionResponseCallbackData> {
  const kind = definition.valueKind;
  const isList = isListValueKind(kind);
  const current = await currentText(ctx, row, definition);
  const fitsInBox = current === undefined || current.length <= MAX_INPUT;
  const count = Array.isArray(row.definition.clauses[definition.key])
    ? (row.definition.clauses[definition.key] as unknown[]).length
    : 0;
  let description = acceptedText(kind);
  if (isList && current !== undefined) {
    description = fitsInBox
      ? 'Edit the list (names or ids, separated by commas). Empty it to remove the condition.'
      : `It has ${count} already: what you type here is added to them.`;
  }
  return {
    custom_id: editorCustomId('val', row.id, definition.key),
    title: truncatePlain(definition.label, MAX_TITLE),
    components: [
      {
        type: ComponentType.Label,
        label: truncatePlain(isList ? 'Names or ids, separated by commas' : definition.label, MAX_TITLE),
        description: truncatePlain(description, MAX_DESCRIPTION),
        component: {
          type: ComponentType.TextInput,
          custom_id: fitsInBox ? REPLACE_FIELD : ADD_FIELD,
          style: isList ? TextInputStyle.Paragraph : TextInputStyle.Short,
          placeholder: truncatePlain(`e.g. ${VALUE_KINDS[kind].example}`, 100),
          // An edited list may be emptied to remove the condition; a number must be given.
          required: !(isList && current !== undefined && fitsInBox),
          max_length: MAX_INPUT,
          ...(current !== undefined && fitsInBox ? { value: current } : {}),
        },
      },
    ],
  };
}
