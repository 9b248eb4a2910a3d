// The editor's Enable/Disable button: an active tracker is disabled, anything else (disabled, or stopped
// by a delivery failure) is enabled; the editor updates in place.
import { isTrackerActive } from '../../../../db/tracker-repository.ts';
import { noticeText } from '../../../../tracker-ops/change.ts';
import { setEnabled } from '../../../../tracker-ops/enable.ts';
import { channelAccessWarning } from '../../bot-access.ts';
import { editorComponent } from '../component.ts';
import { updateWithEditor } from '../replies.ts';

export const toggleButton = editorComponent('toggle', async (interaction, row, ctx) => {
  const enabling = !isTrackerActive(row);
  const change = await setEnabled(ctx, row, enabling);
  const warning = enabling ? channelAccessWarning(interaction, change.row.channelId) : undefined;
  await updateWithEditor(interaction, ctx, change.row, noticeText(change.notice, warning));
});
