// /tracker add-clause tracker clause value: parses the value for the clause's kind, adds it (lists add
// to what the clause had), and answers with the updated editor and a line saying what changed.
import { type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { type BotContext, UserError } from '../../bot/types.ts';
import { clauseFromInput } from './clause-input/clause-lookup.ts';
import { parseClauseInput } from './clause-input/parse.ts';
import { guildRolesOf } from './clause-input/roles.ts';
import { saveClauseValue } from './clause-input/save-clause.ts';
import { editorMessage } from './editor-reply.ts';
import { findTracker } from './find-tracker.ts';

export async function executeAddClause(
  interaction: ChatInputCommandInteraction<'cached' | 'raw'>,
  ctx: BotContext,
): Promise<void> {
  const row = await findTracker(
    ctx.trackers,
    interaction.guildId,
    interaction.options.getString('tracker', true),
  );
  const definition = clauseFromInput(interaction.options.getString('clause', true));
  const text = interaction.options.getString('value', true);
  // Names ESI has to look up may take longer than Discord's 3 s: defer only then.
  let deferred = false;
  const beforeRemoteLookup = async () => {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    deferred = true;
  };
  try {
    const parsed = await parseClauseInput(ctx, interaction.guildId, definition, text, {
      roles: guildRolesOf(interaction),
      beforeRemoteLookup,
    });
    const change = await saveClauseValue(ctx, row, definition, parsed, 'merge');
    const body = await editorMessage(ctx, change.row, change.notice);
    if (deferred) await interaction.editReply(body);
    else await interaction.reply({ ...body, flags: MessageFlags.Ephemeral });
  } catch (error) {
    // Once deferred, the advice replaces the "thinking…" message instead of following it.
    if (!deferred || !(error instanceof UserError)) throw error;
    await interaction.editReply({
      content: error.message,
      embeds: [],
      components: [],
      allowedMentions: { parse: [] },
    });
  }
}
