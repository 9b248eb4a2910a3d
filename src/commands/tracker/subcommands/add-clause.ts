// /tracker add-clause tracker clause value: parses the value for the clause's kind, adds it (lists add to
// what the clause had), and answers with the updated editor and a line saying what changed.
import { MessageFlags } from 'discord.js';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { setClause } from '../../../tracker-ops/clauses.ts';
import { findTracker } from '../../../tracker-ops/find.ts';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { clauseFromInput } from '../clause-input/clause-lookup.ts';
import { parseClauseInput } from '../clause-input/parse.ts';
import { guildRolesOf } from '../clause-input/roles.ts';
import { suggestClauses, suggestClauseValues } from '../clause-input/suggest.ts';
import { replyWithEditor } from '../editor/replies.ts';
import { trackerOption, typedTracker } from '../shared-options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'add-clause',
  description: 'Add a condition to a tracker',
  options: [
    trackerOption,
    {
      type: ApplicationCommandOptionType.String,
      name: 'clause',
      description: 'The condition',
      required: true,
      autocomplete: true,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'value',
      description: 'Its value: a number, 1.5b, yes/no, or names separated by commas',
      required: true,
      autocomplete: true,
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const row = await findTracker(ctx.trackers, interaction.guildId, args.tracker);
    const definition = clauseFromInput(args.clause);
    const parsed = await parseClauseInput(ctx, interaction.guildId, definition, args.value, {
      roles: guildRolesOf(interaction),
      // Names ESI has to look up may take longer than Discord's 3 s: defer only then. Once deferred, the
      // router's error boundary puts a UserError's advice in place of the "thinking…" message.
      beforeRemoteLookup: async () => {
        await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      },
    });
    const change = await setClause(ctx, row, definition, parsed, 'merge');
    await replyWithEditor(interaction, ctx, change.row, change.notice);
  },
  autocomplete: {
    clause: async ({ typed, options, interaction }, ctx) =>
      suggestClauses(typed, (await typedTracker(ctx, interaction.guildId, options.tracker))?.definition),
    value: ({ typed, options, interaction }, ctx) =>
      options.clause
        ? suggestClauseValues(ctx, interaction.guildId, options.clause, typed, {
            roles: guildRolesOf(interaction),
          })
        : [],
  },
} satisfies Subcommand<typeof data>;
