// Options several /tracker subcommands share: the `tracker` option (its completer is the command's, the
// same for every subcommand) and the channel types alerts can be posted in.
import {
  type ApplicationCommandOptionAllowedChannelType,
  ApplicationCommandOptionType,
  ChannelType,
} from 'discord-api-types/v10';
import type { TrackerRow } from '../../db/tracker-repository.ts';
import { truncatePlain } from '../../engine/render/index.ts';
import { findTracker } from '../../tracker-ops/find.ts';
import type { BotContext, Choice, Completer } from '../contract.ts';

export const trackerOption = {
  type: ApplicationCommandOptionType.String,
  name: 'tracker',
  description: 'The tracker (start typing its name)',
  required: true,
  autocomplete: true,
} as const;

export const ALERT_CHANNEL_TYPES: ApplicationCommandOptionAllowedChannelType[] = [
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
];

const MAX_CHOICES = 25;

function stateSuffix(row: TrackerRow): string {
  if (row.disabledReason !== null) return ' (stopped)';
  return row.definition.enabled ? '' : ' (disabled)';
}

/** This guild's trackers whose names start with, then contain, the text; value = the tracker id. */
export const completeTracker: Completer = async ({ typed, interaction }, ctx) => {
  const needle = typed.trim().toLowerCase();
  const rows = await ctx.trackers.list(interaction.guildId);
  const rank = (row: TrackerRow) => {
    const name = row.name.toLowerCase();
    if (needle === '' || name.startsWith(needle)) return 0;
    return name.includes(needle) || String(row.id) === needle ? 1 : 2;
  };
  return rows
    .map((row) => ({ row, rank: rank(row) }))
    .filter(({ rank: found }) => found < 2)
    .sort((a, b) => a.rank - b.rank || a.row.name.localeCompare(b.row.name))
    .slice(0, MAX_CHOICES)
    .map(({ row }): Choice => {
      const suffix = stateSuffix(row);
      return { name: truncatePlain(row.name, 100 - suffix.length) + suffix, value: String(row.id) };
    });
};

/** The tracker named by the `tracker` option typed so far (while completing another option), if found. */
export async function typedTracker(
  ctx: BotContext,
  guildId: string,
  text: string | undefined,
): Promise<TrackerRow | undefined> {
  if (!text) return undefined;
  return findTracker(ctx.trackers, guildId, text).catch(() => undefined);
}
