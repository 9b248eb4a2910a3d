// The value modal's submit: parses what was typed for the clause, saves it, and redraws the editor the
// modal was opened from. An invalid value is a UserError (shown ephemerally); the editor stays as it was.
import { MessageFlags, type ModalSubmitInteraction } from 'discord.js';
import { findClause } from '../../../../engine/index.ts';
import { removeClause, setClause } from '../../../../tracker-ops/clauses.ts';
import { UserError } from '../../../../user-error.ts';
import { UNKNOWN_COMPONENT_MESSAGE } from '../../../messages.ts';
import { parseClauseInput } from '../../clause-input/parse.ts';
import { guildRolesOf } from '../../clause-input/roles.ts';
import { editorModal } from '../component.ts';
import { ADD_FIELD, REPLACE_FIELD } from '../value-modal.ts';
import { editorMessage } from '../view.ts';

type Submit = ModalSubmitInteraction<'cached' | 'raw'>;

/** Shows the result where the editor is: in place when the modal came from it, else as a new reply. */
async function answer(interaction: Submit, body: Awaited<ReturnType<typeof editorMessage>>): Promise<void> {
  if (interaction.deferred) await interaction.editReply(body);
  else if (interaction.isFromMessage()) await interaction.update(body);
  else await interaction.reply({ ...body, flags: MessageFlags.Ephemeral });
}

export const clauseValueModalSubmit = editorModal('val', async (interaction, row, ctx, key) => {
  const definition = key === undefined ? undefined : findClause(key);
  if (!definition) throw new UserError(UNKNOWN_COMPONENT_MESSAGE);
  const adds = interaction.fields.fields.has(ADD_FIELD);
  const text = interaction.fields.getTextInputValue(adds ? ADD_FIELD : REPLACE_FIELD);
  // An emptied list box removes the condition.
  if (!adds && text.trim() === '' && Array.isArray(row.definition.clauses[definition.key])) {
    const change = await removeClause(ctx, row, definition.key);
    await answer(interaction, await editorMessage(ctx, change.row, change.notice));
    return;
  }
  const parsed = await parseClauseInput(ctx, interaction.guildId, definition, text, {
    roles: guildRolesOf(interaction),
    // ESI may take longer than Discord's 3 s: acknowledge first, then edit the editor in place.
    beforeRemoteLookup: async () => {
      if (interaction.isFromMessage()) await interaction.deferUpdate();
      else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    },
  });
  const change = await setClause(ctx, row, definition, parsed, adds ? 'merge' : 'replace');
  await answer(interaction, await editorMessage(ctx, change.row, change.notice));
});
