// /tracker delete tracker only asks: the tracker is removed when the admin presses "Delete it" (the
// editor's delok button); "Keep it" keeps it.
import { MessageFlags } from 'discord.js';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { findTracker } from '../../../tracker-ops/find.ts';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { deletePrompt } from '../editor/delete-prompt.ts';
import { trackerOption } from '../shared-options.ts';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'delete',
  description: 'Delete a tracker (asks to confirm)',
  options: [trackerOption],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const row = await findTracker(ctx.trackers, interaction.guildId, args.tracker);
    await interaction.reply({ ...deletePrompt(row), flags: MessageFlags.Ephemeral });
  },
} satisfies Subcommand<typeof data>;
