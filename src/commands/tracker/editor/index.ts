// Every component of the tracker editor, by what it does. Their custom_ids are in custom-ids.ts.
import type { ComponentHandler } from '../../contract.ts';
import { addConditionSelect } from './handlers/add-condition.ts';
import { clauseValueModalSubmit } from './handlers/clause-value.ts';
import { deleteButton, deleteCancelledButton, deleteConfirmedButton } from './handlers/delete.ts';
import { fightReportButton } from './handlers/fight-report.ts';
import { pingChoice, pingsButton, ppkToggle } from './handlers/pings.ts';
import { previewButton } from './handlers/preview.ts';
import { removeConditionSelect } from './handlers/remove-condition.ts';
import { rolePickerSelect } from './handlers/roles.ts';
import { testPostButton } from './handlers/test-post.ts';
import { tiersButton, tiersModalSubmit } from './handlers/tiers.ts';
import { titleButton, titleModalSubmit } from './handlers/title.ts';
import { toggleButton } from './handlers/toggle.ts';

const handlers: readonly ComponentHandler<unknown>[] = [
  addConditionSelect,
  removeConditionSelect,
  clauseValueModalSubmit,
  rolePickerSelect,
  toggleButton,
  pingsButton,
  pingChoice,
  ppkToggle,
  titleButton,
  titleModalSubmit,
  tiersButton,
  tiersModalSubmit,
  fightReportButton,
  previewButton,
  testPostButton,
  deleteButton,
  deleteConfirmedButton,
  deleteCancelledButton,
];

/** The router takes handlers of any data type; each handler only ever runs with what its parse returned. */
export const EDITOR_HANDLERS = handlers as readonly ComponentHandler<never>[];
