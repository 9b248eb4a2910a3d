// /tracker set color tracker color: the colour of the alert embeds ("none" = the default colour).
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { findTracker } from '../../../../tracker-ops/find.ts';
import { setColor } from '../../../../tracker-ops/settings.ts';
import type { Subcommand } from '../../../contract.ts';
import type { SubcommandData } from '../../../options.ts';
import { replyWithEditor } from '../../editor/replies.ts';
import { trackerOption } from '../../shared-options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'color',
  description: 'Colour of the alert embeds',
  options: [
    trackerOption,
    {
      type: ApplicationCommandOptionType.String,
      name: 'color',
      description: '#ff5500, a colour name, or "none"',
      required: true,
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const row = await findTracker(ctx.trackers, interaction.guildId, args.tracker);
    const change = await setColor(ctx, row, args.color);
    await replyWithEditor(interaction, ctx, change.row, change.notice);
  },
} satisfies Subcommand<typeof data>;
