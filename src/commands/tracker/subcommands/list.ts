// /tracker list: every tracker of the guild with its channel, state (and why delivery stopped), last
// match and matches in the last 24 hours, packed into embeds within Discord's limits.
import { MessageFlags } from 'discord.js';
import { type APIEmbed, ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { TrackerRow } from '../../../db/tracker-repository.ts';
import { DISCORD_LIMITS, escapeMarkdown, truncatePlain } from '../../../engine/render/index.ts';
import { listTrackers } from '../../../tracker-ops/list.ts';
import type { Subcommand } from '../../contract.ts';
import type { SubcommandData } from '../../options.ts';

const MAX_EMBEDS = 10;
const LIST_COLOR = 0x3498db;
// Room kept for the title and the closing "and N more" line, in the whole message and in one embed.
const MORE_ROOM = 200;
const TOTAL_BUDGET = DISCORD_LIMITS.embedTotal - MORE_ROOM;
const DESCRIPTION_BUDGET = DISCORD_LIMITS.description - MORE_ROOM;

/** Enabled, Disabled, or stopped by the delivery worker (with Discord's reason, as advice). */
function trackerStateLabel(row: TrackerRow): string {
  if (row.disabledReason !== null) return '⚠️ Stopped';
  return row.definition.enabled ? '🟢 Enabled' : '⚪ Disabled';
}

function trackerLines(row: TrackerRow, matches: number): string {
  const last =
    row.lastMatchAt === null
      ? 'no match yet'
      : `last match <t:${Math.floor(row.lastMatchAt.getTime() / 1000)}:R>`;
  const line = `**${escapeMarkdown(row.name)}** · <#${row.channelId}> · ${trackerStateLabel(row)} · ${matches} in 24 h · ${last}`;
  if (row.disabledReason === null) return line;
  return `${line}\n  ↳ ${escapeMarkdown(truncatePlain(row.disabledReason, 300))}`;
}

/** Packs entries into embeds: each description <= 4096, all together <= 6000 characters, <= 10 embeds. */
function listEmbeds(title: string, entries: readonly string[]): APIEmbed[] {
  const descriptions: string[] = [];
  let current = '';
  let total = title.length;
  let shown = 0;
  for (const entry of entries) {
    const separator = current === '' ? '' : '\n';
    if (total + separator.length + entry.length > TOTAL_BUDGET) break;
    if (current.length + separator.length + entry.length > DESCRIPTION_BUDGET) {
      if (descriptions.length + 1 >= MAX_EMBEDS) break;
      descriptions.push(current);
      current = entry;
    } else {
      current += separator + entry;
    }
    total += separator.length + entry.length;
    shown++;
  }
  if (shown < entries.length) {
    const more = `…and ${entries.length - shown} more. Open one with /tracker show, or get them all with /tracker export.`;
    current = current === '' ? more : `${current}\n${more}`;
  }
  if (current !== '') descriptions.push(current);
  return descriptions.map((description, index) => ({
    ...(index === 0 ? { title } : {}),
    description,
    color: LIST_COLOR,
  }));
}

const data = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'list',
  description: 'All trackers of this server',
} as const satisfies SubcommandData;

export default {
  data,
  async execute(interaction, _args, ctx) {
    const trackers = await listTrackers(ctx, interaction.guildId);
    if (trackers.length === 0) {
      await interaction.reply({
        content: 'This server has no trackers yet. Create one with /tracker create.',
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const entries = trackers.map(({ row, matchesToday }) => trackerLines(row, matchesToday));
    await interaction.reply({
      embeds: listEmbeds(`Trackers of this server (${trackers.length})`, entries),
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  },
} satisfies Subcommand<typeof data>;
