// The editor's Enable/Disable button: an active tracker is disabled, anything else (disabled, or
// stopped by a delivery failure) is enabled; the editor updates in place.

import { isTrackerActive } from '../../../db/tracker-repository.ts';
import { updateWithEditor } from '../editor-reply.ts';
import { setEnabled } from '../enable-disable.ts';
import { editorComponent } from './editor-button.ts';

export const toggleButton = editorComponent('toggle', async (interaction, row, ctx) => {
  const change = await setEnabled(interaction, ctx, row, !isTrackerActive(row));
  await updateWithEditor(interaction, ctx, change.row, change.notice);
});
