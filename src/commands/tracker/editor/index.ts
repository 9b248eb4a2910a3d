// The editor's own component handlers: add and remove condition selects, the value modal, the role picker.
import type { ComponentHandler } from '../../contract.ts';
import { addConditionSelect } from './add-condition.ts';
import { clauseValueModalSubmit } from './clause-value.ts';
import { removeConditionSelect } from './remove-condition.ts';
import { rolePickerSelect } from './role-picker.ts';

const handlers: readonly ComponentHandler<unknown>[] = [
  addConditionSelect,
  removeConditionSelect,
  clauseValueModalSubmit,
  rolePickerSelect,
];

/** The router takes handlers of any data type; each handler only ever runs with what its parse returned. */
export const EDITOR_HANDLERS = handlers as readonly ComponentHandler<never>[];
