// /tracker export [tracker]: the engine's tracker JSON as a file, one object for one tracker, an array for
// all of the server's; /tracker import (or `killtracker trackers import`) reads it back.
import { MessageFlags } from 'discord.js';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { exportTrackers } from '../../../tracker-ops/transfer.ts';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';
import { trackerOption } from '../shared-options.ts';

export const EXPORT_FILE_NAME = 'killtracker-trackers.json';

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'export',
  description: 'Download trackers as a JSON file',
  options: [{ ...trackerOption, required: false, description: 'One tracker (default: all of this server)' }],
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, args, ctx) {
    const exported = await exportTrackers(ctx, interaction.guildId, args.tracker);
    const count = Array.isArray(exported) ? exported.length : 1;
    await interaction.reply({
      content: `${count === 1 ? 'One tracker' : `${count} trackers`} in the tracker JSON format. Import the file with /tracker import (channels are chosen on import; role ids only fit this server).`,
      files: [
        { attachment: Buffer.from(`${JSON.stringify(exported, null, 2)}\n`, 'utf8'), name: EXPORT_FILE_NAME },
      ],
      flags: MessageFlags.Ephemeral,
    });
  },
} satisfies Subcommand<typeof data>;
