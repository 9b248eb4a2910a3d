// /tracker digest tracker [period]: the tracker's digest for the day (or week) ending now, with its chart,
// shown only to the member who asked (the scheduled digest posts in the channel, see /tracker set digest).
import { AttachmentBuilder } from 'discord.js';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { windowEndingAt } from '../../../engine/index.ts';
import { buildDigest } from '../../../delivery/digest-message.ts';
import { findTracker } from '../../../tracker-ops/find.ts';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { answerDeferred } from '../../replies.ts';
import { trackerOption } from '../shared-options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'digest',
  description: 'Summary of the last day or week, with a chart',
  options: [
    trackerOption,
    {
      type: ApplicationCommandOptionType.String,
      name: 'period',
      description: 'daily (default) or weekly',
      choices: [
        { name: 'last 24 hours', value: 'daily' },
        { name: 'last 7 days', value: 'weekly' },
      ],
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const row = await findTracker(ctx.trackers, interaction.guildId, args.tracker);
    const window = windowEndingAt(args.period ?? 'daily', ctx.now());
    // A week of killmails takes a while to match: one scan at a time per server, deferred.
    await answerDeferred(interaction, async () => {
      const digest = await ctx.historyScans.run(row.guildId, () => buildDigest(ctx, row, window));
      return {
        embeds: digest.body.embeds ?? [],
        files: digest.files.map((file) => new AttachmentBuilder(file.data, { name: file.name })),
      };
    });
  },
} satisfies Subcommand<typeof data>;
