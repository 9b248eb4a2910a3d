// The editor's Preview button: the last 24 hours, in a new ephemeral message (the editor stays as is).
import { DEFAULT_PREVIEW_HOURS, previewTracker } from '../../../../tracker-ops/preview.ts';
import { answerDeferred } from '../../../replies.ts';
import { editorComponent } from '../component.ts';

export const previewButton = editorComponent('preview', async (interaction, row, ctx) => {
  await answerDeferred(interaction, () => previewTracker(ctx, row, DEFAULT_PREVIEW_HOURS));
});
