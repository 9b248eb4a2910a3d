// /tracker remove-clause tracker clause: removes one condition and answers with the updated editor.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { findClause } from '../../../engine/index.ts';
import { escapeMarkdown } from '../../../engine/render/index.ts';
import { removeClause } from '../../../tracker-ops/clauses.ts';
import { findTracker } from '../../../tracker-ops/find.ts';
import { UserError } from '../../../user-error.ts';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { findClauseByInput } from '../clause-input/clause-lookup.ts';
import { suggestTrackerClauses } from '../clause-input/suggest.ts';
import { replyWithEditor } from '../editor/replies.ts';
import { trackerOption, typedTracker } from '../shared-options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'remove-clause',
  description: 'Remove a condition from a tracker',
  options: [
    trackerOption,
    {
      type: ApplicationCommandOptionType.String,
      name: 'clause',
      description: 'The condition to remove',
      required: true,
      autocomplete: true,
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const row = await findTracker(ctx.trackers, interaction.guildId, args.tracker);
    // A stored key the registry no longer knows can still be removed by its key.
    const key = findClauseByInput(args.clause)?.key ?? args.clause.trim();
    if (row.definition.clauses[key] === undefined) {
      const present = Object.keys(row.definition.clauses).map((name) => findClause(name)?.label ?? name);
      throw new UserError(
        present.length === 0
          ? `**${escapeMarkdown(row.name)}** has no conditions to remove.`
          : `**${escapeMarkdown(row.name)}** has no condition "${escapeMarkdown(args.clause.trim().slice(0, 80))}". Its conditions: ${present.join(', ')}. Pick one from the list while typing.`,
      );
    }
    const change = await removeClause(ctx, row, key);
    await replyWithEditor(interaction, ctx, change.row, change.notice);
  },
  autocomplete: {
    clause: async ({ typed, options, interaction }, ctx) => {
      const tracker = await typedTracker(ctx, interaction.guildId, options.tracker);
      return tracker ? suggestTrackerClauses(tracker.definition, typed) : [];
    },
  },
} satisfies Subcommand<typeof data>;
