// /tracker set fight-report tracker enabled: kills of one fight go into one report edited in place.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { setFightReport } from '../../../../tracker-ops/fight-report.ts';
import { findTracker } from '../../../../tracker-ops/find.ts';
import type { Subcommand } from '../../../contract.ts';
import type { SubcommandData } from '../../../options.ts';
import { replyWithEditor } from '../../editor/replies.ts';
import { trackerOption } from '../../shared-options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'fight-report',
  description: 'Gather the kills of one fight into one report edited in place',
  options: [
    trackerOption,
    {
      type: ApplicationCommandOptionType.Boolean,
      name: 'enabled',
      description: 'True: one report per fight after its first alert; false: one alert per kill',
      required: true,
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const row = await findTracker(ctx.trackers, interaction.guildId, args.tracker);
    const change = await setFightReport(ctx, row, args.enabled);
    await replyWithEditor(interaction, ctx, change.row, change.notice);
  },
} satisfies Subcommand<typeof data>;
