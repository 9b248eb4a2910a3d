// /tracker set digest tracker period [hour]: a daily or weekly summary of the tracker's matches, with a
// chart, posted in its channel at the hour (UTC); "off" stops it.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { findTracker } from '../../../../tracker-ops/find.ts';
import { setDigest } from '../../../../tracker-ops/digest-settings.ts';
import type { Subcommand } from '../../../contract.ts';
import type { SubcommandData } from '../../../options.ts';
import { replyWithEditor } from '../../editor/replies.ts';
import { trackerOption } from '../../shared-options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'digest',
  description: 'Daily or weekly summary with a chart',
  options: [
    trackerOption,
    {
      type: ApplicationCommandOptionType.String,
      name: 'period',
      description: 'How often',
      required: true,
      choices: [
        { name: 'daily', value: 'daily' },
        { name: 'weekly (Mondays)', value: 'weekly' },
        { name: 'off', value: 'off' },
      ],
    },
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'hour',
      description: 'Hour of day, UTC (0-23)',
      min_value: 0,
      max_value: 23,
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const row = await findTracker(ctx.trackers, interaction.guildId, args.tracker);
    const change = await setDigest(ctx, row, args.period, args.hour);
    await replyWithEditor(interaction, ctx, change.row, change.notice);
  },
} satisfies Subcommand<typeof data>;
