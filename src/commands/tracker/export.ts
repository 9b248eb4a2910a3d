// /tracker export [tracker]: the engine's tracker JSON as a file: one object for one tracker, an array
// for all of the server's; /tracker import (or `killtracker trackers import`) reads it back.
import { MessageFlags } from 'discord.js';
import type { BotContext } from '../contract.ts';
import { UserError } from '../../user-error.ts';
import type { TrackerDefinition } from '../../engine/tracker/types.ts';
import { findTracker } from './find-tracker.ts';
import type { TrackerCommandInteraction } from './tracker-option.ts';

export const EXPORT_FILE_NAME = 'killtracker-trackers.json';

export async function executeExport(interaction: TrackerCommandInteraction, ctx: BotContext): Promise<void> {
  const text = interaction.options.getString('tracker');
  let exported: TrackerDefinition | TrackerDefinition[];
  let count: number;
  if (text !== null) {
    exported = (await findTracker(ctx.trackers, interaction.guildId, text)).definition;
    count = 1;
  } else {
    const rows = await ctx.trackers.list(interaction.guildId);
    if (rows.length === 0)
      throw new UserError('This server has no trackers to export yet. Create one with /tracker create.');
    exported = rows.map((row) => row.definition);
    count = rows.length;
  }
  await interaction.reply({
    content: `${count === 1 ? 'One tracker' : `${count} trackers`} in the tracker JSON format. Import the file with /tracker import (channels are chosen on import; role ids only fit this server).`,
    files: [
      { attachment: Buffer.from(`${JSON.stringify(exported, null, 2)}\n`, 'utf8'), name: EXPORT_FILE_NAME },
    ],
    flags: MessageFlags.Ephemeral,
  });
}
