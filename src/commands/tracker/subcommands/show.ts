// /tracker show tracker: opens the editor (ephemeral: only the admin who asked sees it).
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { findTracker } from '../../../tracker-ops/find.ts';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { replyWithEditor } from '../editor/replies.ts';
import { trackerOption } from '../shared-options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'show',
  description: 'Open the tracker editor',
  options: [trackerOption],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    await replyWithEditor(
      interaction,
      ctx,
      await findTracker(ctx.trackers, interaction.guildId, args.tracker),
    );
  },
} satisfies Subcommand<typeof data>;
