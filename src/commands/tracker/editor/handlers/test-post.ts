// The editor's Test post button: posts the sample alert, then shows what happened above the editor.
import { noticeText } from '../../../../tracker-ops/change.ts';
import { postTestAlert } from '../../../../tracker-ops/test-post.ts';
import { pingWarnings } from '../../bot-access.ts';
import { editorComponent } from '../component.ts';
import { editorMessage } from '../view.ts';

export const testPostButton = editorComponent('test', async (interaction, row, ctx) => {
  // Finding the newest matching killmail and posting can take longer than Discord's 3 seconds.
  await interaction.deferUpdate();
  const posted = await postTestAlert(ctx, row);
  const notice = noticeText(posted, ...pingWarnings(interaction, row.channelId, row.definition.ping));
  await interaction.editReply(await editorMessage(ctx, row, notice));
});
