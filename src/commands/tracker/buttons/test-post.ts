// The editor's Test post button: posts the sample alert, then shows what happened above the editor.
import { editorMessage } from '../editor-reply.ts';
import { postTestAlert } from '../test-post.ts';
import { editorComponent } from './editor-button.ts';

export const testPostButton = editorComponent('test', async (interaction, row, ctx) => {
  // Finding the newest matching killmail and posting can take longer than Discord's 3 seconds.
  await interaction.deferUpdate();
  const notice = await postTestAlert(interaction, ctx, row);
  await interaction.editReply(await editorMessage(ctx, row, notice));
});
