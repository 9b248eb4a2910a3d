// /tracker set description tracker description: what the tracker is for, in the admins' words, shown in
// the editor ("none" removes it).
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { TRACKER_DESCRIPTION_MAX_LENGTH } from '../../../../engine/index.ts';
import { findTracker } from '../../../../tracker-ops/find.ts';
import { setDescription } from '../../../../tracker-ops/settings.ts';
import type { Subcommand } from '../../../contract.ts';
import type { SubcommandData } from '../../../options.ts';
import { replyWithEditor } from '../../editor/replies.ts';
import { trackerOption } from '../../shared-options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'description',
  description: 'What the tracker is for (shown in the editor)',
  options: [
    trackerOption,
    {
      type: ApplicationCommandOptionType.String,
      name: 'description',
      description: 'A few words for the other admins, or "none" to remove it',
      required: true,
      max_length: TRACKER_DESCRIPTION_MAX_LENGTH,
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const row = await findTracker(ctx.trackers, interaction.guildId, args.tracker);
    const change = await setDescription(ctx, row, args.description);
    await replyWithEditor(interaction, ctx, change.row, change.notice);
  },
} satisfies Subcommand<typeof data>;
