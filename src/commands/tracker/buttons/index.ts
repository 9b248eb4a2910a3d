// The editor's buttons handled here (H2's editor handles the add/remove selects and value modals).
import type { ComponentHandler } from '../../contract.ts';
import { deleteButton, deleteCancelledButton, deleteConfirmedButton } from './delete.ts';
import { pingChoice, pingsButton } from './pings.ts';
import { previewButton } from './preview.ts';
import { testPostButton } from './test-post.ts';
import { toggleButton } from './toggle.ts';

const handlers: readonly ComponentHandler<unknown>[] = [
  toggleButton,
  pingsButton,
  pingChoice,
  previewButton,
  testPostButton,
  deleteButton,
  deleteConfirmedButton,
  deleteCancelledButton,
];

/** The router takes handlers of any data type; each handler only ever runs with what its parse returned. */
export const TRACKER_BUTTONS = handlers as readonly ComponentHandler<never>[];
