// /tracker set channel tracker channel: moves the alerts. A delivery failure reason is cleared (the admin
// is fixing it), and missing permissions in the new channel are reported at once.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { noticeText } from '../../../../tracker-ops/change.ts';
import { findTracker } from '../../../../tracker-ops/find.ts';
import { setChannel } from '../../../../tracker-ops/settings.ts';
import type { Subcommand } from '../../../contract.ts';
import type { SubcommandData } from '../../../options.ts';
import { channelAccessWarning, pingWarnings } from '../../bot-access.ts';
import { replyWithEditor } from '../../editor/replies.ts';
import { ALERT_CHANNEL_TYPES, trackerOption } from '../../shared-options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'channel',
  description: 'Channel the alerts go to',
  options: [
    trackerOption,
    {
      type: ApplicationCommandOptionType.Channel,
      name: 'channel',
      description: 'The new channel',
      required: true,
      channel_types: ALERT_CHANNEL_TYPES,
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const row = await findTracker(ctx.trackers, interaction.guildId, args.tracker);
    const channelId = args.channel.id;
    const change = await setChannel(ctx, row, channelId);
    await replyWithEditor(
      interaction,
      ctx,
      change.row,
      noticeText(
        change.notice,
        channelAccessWarning(interaction, channelId),
        ...pingWarnings(interaction, channelId, change.row.definition.ping),
      ),
    );
  },
} satisfies Subcommand<typeof data>;
