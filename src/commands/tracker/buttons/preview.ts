// The editor's Preview button: the last 24 hours, in a new ephemeral message (the editor stays as is).
import { answerDeferred } from '../deferred-reply.ts';
import { DEFAULT_PREVIEW_HOURS, previewTracker } from '../preview.ts';
import { editorComponent } from './editor-button.ts';

export const previewButton = editorComponent('preview', async (interaction, row, ctx) => {
  await answerDeferred(interaction, () => previewTracker(ctx, row, DEFAULT_PREVIEW_HOURS));
});
