// /tracker add-clause tracker clause value: parses the value for the clause's kind, adds it (lists add
// to what the clause had), and answers with the updated editor and a line saying what changed.
import { MessageFlags } from 'discord.js';
import type { BotContext } from '../contract.ts';
import { clauseFromInput } from './clause-input/clause-lookup.ts';
import { parseClauseInput } from './clause-input/parse.ts';
import { guildRolesOf } from './clause-input/roles.ts';
import { saveClauseValue } from './clause-input/save-clause.ts';
import { replyWithEditor } from './editor-reply.ts';
import { type TrackerCommandInteraction, trackerOption } from './tracker-option.ts';

export async function executeAddClause(
  interaction: TrackerCommandInteraction,
  ctx: BotContext,
): Promise<void> {
  const row = await trackerOption(interaction, ctx);
  const definition = clauseFromInput(interaction.options.getString('clause', true));
  const parsed = await parseClauseInput(
    ctx,
    interaction.guildId,
    definition,
    interaction.options.getString('value', true),
    {
      roles: guildRolesOf(interaction),
      // Names ESI has to look up may take longer than Discord's 3 s: defer only then. Once deferred, the
      // router's error boundary puts a UserError's advice in place of the "thinking…" message.
      beforeRemoteLookup: async () => {
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      },
    },
  );
  const change = await saveClauseValue(ctx, row, definition, parsed, 'merge');
  await replyWithEditor(interaction, ctx, change.row, change.notice);
}
