// /tracker disable tracker: stops posting until it is enabled again.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { setEnabled } from '../../../tracker-ops/enable.ts';
import { findTracker } from '../../../tracker-ops/find.ts';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { replyWithEditor } from '../editor/replies.ts';
import { trackerOption } from '../shared-options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'disable',
  description: 'Stop posting alerts',
  options: [trackerOption],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const row = await findTracker(ctx.trackers, interaction.guildId, args.tracker);
    const change = await setEnabled(ctx, row, false);
    await replyWithEditor(interaction, ctx, change.row, change.notice);
  },
} satisfies Subcommand<typeof data>;
