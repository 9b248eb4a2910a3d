// /tracker enable tracker: starts posting; clears a delivery failure (the admin says it is fixed) and warns
// when the tracker would post every killmail or the bot cannot post in its channel.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { noticeText } from '../../../tracker-ops/change.ts';
import { setEnabled } from '../../../tracker-ops/enable.ts';
import { findTracker } from '../../../tracker-ops/find.ts';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { channelAccessWarning } from '../bot-access.ts';
import { replyWithEditor } from '../editor/replies.ts';
import { trackerOption } from '../shared-options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'enable',
  description: 'Start posting alerts',
  options: [trackerOption],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const row = await findTracker(ctx.trackers, interaction.guildId, args.tracker);
    const change = await setEnabled(ctx, row, true);
    const warning = channelAccessWarning(interaction, change.row.channelId);
    await replyWithEditor(interaction, ctx, change.row, noticeText(change.notice, warning));
  },
} satisfies Subcommand<typeof data>;
