// /tracker clone tracker name: a disabled copy in the same channel, to try a variant without touching then// original.
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { findTracker } from '../../../tracker-ops/find.ts';
import { cloneTracker } from '../../../tracker-ops/settings.ts';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { replyWithEditor } from '../editor/replies.ts';
import { trackerOption } from '../shared-options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'clone',
  description: 'Copy a tracker (disabled) under a new name',
  options: [
    trackerOption,
    {
      type: ApplicationCommandOptionType.String,
      name: 'name',
      description: 'Name of the copy',
      required: true,
      max_length: 100,
    },
  ],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const row = await findTracker(ctx.trackers, interaction.guildId, args.tracker);
    const change = await cloneTracker(ctx, row, args.name);
    await replyWithEditor(interaction, ctx, change.row, change.notice);
  },
} satisfies Subcommand<typeof data>;
