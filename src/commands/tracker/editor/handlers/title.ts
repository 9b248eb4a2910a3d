// The alert settings' "Title & description…" button opens the form (title); its submit (titleok) saves what
// changed and redraws the alert settings in place, with the title as the newest stored kill would read.
import { MessageFlags } from 'discord.js';
import { escapeMarkdown } from '../../../../engine/render/index.ts';
import { noticeText } from '../../../../tracker-ops/change.ts';
import { setDescription } from '../../../../tracker-ops/settings.ts';
import { setTitle } from '../../../../tracker-ops/title.ts';
import { alertSettingsMessage } from '../alert-settings.ts';
import { editorComponent, editorModal } from '../component.ts';
import { DESCRIPTION_FIELD, TITLE_FIELD, titleModal } from '../title-modal.ts';

export const titleButton = editorComponent('title', async (interaction, row) => {
  await interaction.showModal(titleModal(row));
});

export const titleModalSubmit = editorModal('titleok', async (interaction, row, ctx) => {
  // The title preview renders the newest stored kill (names from ESI): acknowledge first.
  if (interaction.isFromMessage()) await interaction.deferUpdate();
  else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const title = interaction.fields.getTextInputValue(TITLE_FIELD).trim();
  const description = interaction.fields.getTextInputValue(DESCRIPTION_FIELD).trim();
  let current = row;
  const notices: string[] = [];
  if (description !== (current.definition.description ?? '')) {
    const change = await setDescription(ctx, current, description);
    current = change.row;
    notices.push(change.notice);
  }
  if (title !== (current.definition.title ?? '')) {
    const change = await setTitle(ctx, current, title);
    current = change.row;
    notices.push(change.notice);
  }
  const notice = noticeText(...notices) ?? `Nothing changed for **${escapeMarkdown(current.name)}**.`;
  await interaction.editReply(alertSettingsMessage(interaction, current, notice));
});
