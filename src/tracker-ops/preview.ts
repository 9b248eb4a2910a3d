// What a tracker would have posted over the stored killmails of the last hours: "would have posted N
// alerts", with the newest rendered as they would appear. The tracker's state does not matter (drafts too).
import type { APIEmbed } from 'discord-api-types/v10';
import type { TrackerRow } from '../db/tracker-repository.ts';
import { DISCORD_LIMITS, embedLength, escapeMarkdown } from '../engine/render/index.ts';
import { renderSampleAlert } from './alert-sample.ts';
import type { HistoryDeps } from './deps.ts';
import { scanHistory } from './history.ts';
import { describePing } from './ping.ts';

export const DEFAULT_PREVIEW_HOURS = 24;
const MAX_PREVIEW_HOURS = 168;
const SHOWN_ALERTS = 3;
const HOUR_MS = 60 * 60 * 1000;

interface TrackerPreview {
  content: string;
  embeds: APIEmbed[];
}

const plural = (count: number, word: string) =>
  `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;

export async function previewTracker(
  deps: HistoryDeps,
  row: TrackerRow,
  hours: number,
): Promise<TrackerPreview> {
  const span = Math.min(MAX_PREVIEW_HOURS, Math.max(1, Math.round(hours)));
  const scan = await scanHistory(deps, row, {
    since: new Date(deps.now() - span * HOUR_MS),
    keep: SHOWN_ALERTS,
  });
  const name = `**${escapeMarkdown(row.name)}**`;
  const window = `the last ${plural(span, 'hour')}`;
  if (scan.scanned === 0) {
    return {
      content: `No killmails were received in ${window}, so there is nothing to preview yet. The bot keeps what it receives from zKillboard: try again once it has run for a while, or look further back with a larger \`hours\`.`,
      embeds: [],
    };
  }
  const lines = [
    `${name} would have posted **${plural(scan.matched, 'alert')}** in ${window} (${plural(scan.scanned, 'killmail')} checked).`,
  ];
  if (scan.matched === 0) {
    lines.push(
      'Loosen a condition (the editor lists them) or look further back with a larger `hours` to see what it catches.',
    );
  } else {
    const ping = describePing(row.definition.ping);
    if (ping !== 'nobody') lines.push(`Each would ping ${ping}.`);
    lines.push(
      scan.newest.length === 1
        ? 'As it would appear:'
        : `The ${scan.newest.length} newest, as they would appear:`,
    );
  }
  const embeds: APIEmbed[] = [];
  let total = 0;
  for (const { killmail, match } of scan.newest) {
    const body = await renderSampleAlert(deps, killmail, [match], false);
    for (const embed of body.embeds ?? []) {
      const length = embedLength(embed);
      if (total + length > DISCORD_LIMITS.embedTotal || embeds.length >= 10) break;
      embeds.push(embed);
      total += length;
    }
  }
  return { content: lines.join('\n'), embeds };
}
