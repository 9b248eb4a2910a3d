// /tracker set title tracker title: the alert's title instead of "Rifter destroyed in Huola", with
// placeholders filled from each kill ("none" = the default), previewed on the newest stored kill.
import { MessageFlags } from 'discord.js';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { DISCORD_LIMITS } from '../../../../engine/render/index.ts';
import { findTracker } from '../../../../tracker-ops/find.ts';
import { setTitle } from '../../../../tracker-ops/title.ts';
import type { Subcommand } from '../../../contract.ts';
import type { SubcommandData } from '../../../options.ts';
import { replyWithEditor } from '../../editor/replies.ts';
import { trackerOption } from '../../shared-options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'title',
  description: 'Title of the alerts',
  options: [
    trackerOption,
    {
      type: ApplicationCommandOptionType.String,
      name: 'title',
      description: 'e.g. "{ship} down in {system} ({value})", or "none" for the default',
      required: true,
      max_length: DISCORD_LIMITS.title,
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const row = await findTracker(ctx.trackers, interaction.guildId, args.tracker);
    // The preview renders the newest stored kill, names from ESI included: that can take a moment.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const change = await setTitle(ctx, row, args.title);
    await replyWithEditor(interaction, ctx, change.row, change.notice);
  },
} satisfies Subcommand<typeof data>;
