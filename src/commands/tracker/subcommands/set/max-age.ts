// /tracker set max-age tracker minutes: killmails older than this (zKillboard can be late) are not posted.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { findTracker } from '../../../../tracker-ops/find.ts';
import { setMaxAge } from '../../../../tracker-ops/settings.ts';
import type { Subcommand } from '../../../contract.ts';
import type { SubcommandData } from '../../../options.ts';
import { replyWithEditor } from '../../editor/replies.ts';
import { trackerOption } from '../../shared-options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'max-age',
  description: 'Ignore killmails older than this many minutes',
  options: [
    trackerOption,
    {
      type: ApplicationCommandOptionType.Integer,
      name: 'minutes',
      description: 'Minutes (1-10080)',
      required: true,
      min_value: 1,
      max_value: 10_080,
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const row = await findTracker(ctx.trackers, interaction.guildId, args.tracker);
    const change = await setMaxAge(ctx, row, args.minutes);
    await replyWithEditor(interaction, ctx, change.row, change.notice);
  },
} satisfies Subcommand<typeof data>;
