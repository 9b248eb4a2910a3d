// /tracker preview tracker [hours]: the tracker run over the stored killmails of the last hours, "would
// have posted N alerts", with the newest rendered as they would appear.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { findTracker } from '../../../tracker-ops/find.ts';
import { DEFAULT_PREVIEW_HOURS, previewTracker } from '../../../tracker-ops/preview.ts';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { answerDeferred } from '../../replies.ts';
import { trackerOption } from '../shared-options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'preview',
  description: 'What the tracker would have posted over recent killmails',
  options: [
    trackerOption,
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'hours',
      description: 'How far back to look (default 24)',
      min_value: 1,
      max_value: 168,
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const row = await findTracker(ctx.trackers, interaction.guildId, args.tracker);
    // Matching a day of killmails can take longer than Discord's 3 seconds.
    await answerDeferred(interaction, () => previewTracker(ctx, row, args.hours ?? DEFAULT_PREVIEW_HOURS));
  },
} satisfies Subcommand<typeof data>;
