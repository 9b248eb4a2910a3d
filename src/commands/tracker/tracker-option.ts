// The `tracker` option of a /tracker subcommand, resolved within the interaction's guild.
import type { ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../contract.ts';
import type { TrackerRow } from '../../db/tracker-repository.ts';
import { findTracker } from './find-tracker.ts';

export type TrackerCommandInteraction = ChatInputCommandInteraction<'cached' | 'raw'>;

export function trackerOption(interaction: TrackerCommandInteraction, ctx: BotContext): Promise<TrackerRow> {
  return findTracker(ctx.trackers, interaction.guildId, interaction.options.getString('tracker', true));
}
