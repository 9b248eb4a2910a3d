// The editor's Delete button asks in place (del); "Delete it" (delok) deletes and says so; "Keep it"
// (delno) brings the editor back.
import { escapeMarkdown } from '../../../../engine/render/index.ts';
import { deleteTracker } from '../../../../tracker-ops/delete.ts';
import { editorComponent } from '../component.ts';
import { deletePrompt } from '../delete-prompt.ts';
import { updateWithEditor } from '../replies.ts';

export const deleteButton = editorComponent('del', async (interaction, row) => {
  await interaction.update(deletePrompt(row));
});

export const deleteConfirmedButton = editorComponent('delok', async (interaction, row, ctx) => {
  await interaction.update({
    content: await deleteTracker(ctx, row),
    embeds: [],
    components: [],
    allowedMentions: { parse: [] },
  });
});

export const deleteCancelledButton = editorComponent('delno', async (interaction, row, ctx) => {
  await updateWithEditor(interaction, ctx, row, `Kept **${escapeMarkdown(row.name)}**: nothing was deleted.`);
});
