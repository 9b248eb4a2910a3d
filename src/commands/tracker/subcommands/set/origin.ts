// /tracker set origin tracker system: the system jump and light-year conditions measure from ("none"
// clears it, which the engine refuses while such a condition needs it).
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { findTracker } from '../../../../tracker-ops/find.ts';
import { setOrigin } from '../../../../tracker-ops/settings.ts';
import type { Choice, Subcommand } from '../../../contract.ts';
import type { SubcommandData } from '../../../options.ts';
import { suggestSystems } from '../../clause-input/suggest.ts';
import { replyWithEditor } from '../../editor/replies.ts';
import { trackerOption } from '../../shared-options.ts';

const NO_ORIGIN: Choice = { name: 'none (clear the origin)', value: 'none' };

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'origin',
  description: 'Solar system that jump and light-year conditions measure from',
  options: [
    trackerOption,
    {
      type: ApplicationCommandOptionType.String,
      name: 'system',
      description: 'A solar system, or "none" to clear',
      required: true,
      autocomplete: true,
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const row = await findTracker(ctx.trackers, interaction.guildId, args.tracker);
    const change = await setOrigin(ctx, row, args.system);
    await replyWithEditor(interaction, ctx, change.row, change.notice);
  },
  autocomplete: {
    system: async ({ typed }, ctx) => {
      const systems = await suggestSystems(ctx, typed);
      const offerNone = typed.trim() === '' || 'none'.startsWith(typed.trim().toLowerCase());
      return offerNone ? [NO_ORIGIN, ...systems] : systems;
    },
  },
} satisfies Subcommand<typeof data>;
