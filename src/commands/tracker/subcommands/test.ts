// /tracker test tracker: posts one sample alert to the tracker's channel now, with the real pings, so the
// admin sees that the bot can post and ping there.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { noticeText } from '../../../tracker-ops/change.ts';
import { findTracker } from '../../../tracker-ops/find.ts';
import { postTestAlert } from '../../../tracker-ops/test-post.ts';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { answerDeferred } from '../../replies.ts';
import { pingWarnings } from '../bot-access.ts';
import { trackerOption } from '../shared-options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'test',
  description: "Post a sample alert to the tracker's channel now",
  options: [trackerOption],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const row = await findTracker(ctx.trackers, interaction.guildId, args.tracker);
    await answerDeferred(interaction, async () => ({
      content:
        noticeText(
          await postTestAlert(ctx, row),
          ...pingWarnings(interaction, row.channelId, row.definition.ping),
        ) ?? '',
    }));
  },
} satisfies Subcommand<typeof data>;
