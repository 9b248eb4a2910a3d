// /tracker remove-clause tracker clause: removes one condition and answers with the updated editor.
import { type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { type BotContext, UserError } from '../../bot/types.ts';
import { findClause } from '../../engine/index.ts';
import { escapeMarkdown } from '../../engine/render/index.ts';
import { findClauseByInput } from './clause-input/clause-lookup.ts';
import { removeClause } from './clause-input/save-clause.ts';
import { editorMessage } from './editor-reply.ts';
import { findTracker } from './find-tracker.ts';

export async function executeRemoveClause(
  interaction: ChatInputCommandInteraction<'cached' | 'raw'>,
  ctx: BotContext,
): Promise<void> {
  const row = await findTracker(
    ctx.trackers,
    interaction.guildId,
    interaction.options.getString('tracker', true),
  );
  const typed = interaction.options.getString('clause', true);
  // A stored key the registry no longer knows can still be removed by its key.
  const key = findClauseByInput(typed)?.key ?? typed.trim();
  if (row.definition.clauses[key] === undefined) {
    const present = Object.keys(row.definition.clauses).map((name) => findClause(name)?.label ?? name);
    throw new UserError(
      present.length === 0
        ? `**${escapeMarkdown(row.name)}** has no conditions to remove.`
        : `**${escapeMarkdown(row.name)}** has no condition "${escapeMarkdown(typed.trim().slice(0, 80))}". Its conditions: ${present.join(', ')}. Pick one from the list while typing.`,
    );
  }
  const change = await removeClause(ctx, row, key);
  await interaction.reply({
    ...(await editorMessage(ctx, change.row, change.notice)),
    flags: MessageFlags.Ephemeral,
  });
}
