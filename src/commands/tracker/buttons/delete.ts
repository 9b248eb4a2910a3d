// The editor's Delete button asks in place (del); delok deletes and says so; delno brings the editor back.
import { escapeMarkdown } from '../../../engine/render/index.ts';
import { deleteConfirmation } from '../delete.ts';
import { updateWithEditor } from '../editor-reply.ts';
import { editorComponent } from './editor-button.ts';

export const deleteButton = editorComponent('del', async (interaction, row) => {
  await interaction.update(deleteConfirmation(row));
});

export const deleteConfirmedButton = editorComponent('delok', async (interaction, row, ctx) => {
  await ctx.trackers.remove(row.id, row.guildId);
  await interaction.update({
    content: `Deleted the tracker **${escapeMarkdown(row.name)}**.`,
    embeds: [],
    components: [],
    allowedMentions: { parse: [] },
  });
});

export const deleteCancelledButton = editorComponent('delno', async (interaction, row, ctx) => {
  await updateWithEditor(interaction, ctx, row, `Kept **${escapeMarkdown(row.name)}**: nothing was deleted.`);
});
