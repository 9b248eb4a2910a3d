// How money reads in Discord: the summary embed (top earners, totals, paid vs unpaid), its CSV table, and
// a member's own earnings. Names are escaped; mentions are shown but the answers never ping.
import { stringify } from 'csv-stringify/sync';
import type { APIEmbed } from 'discord-api-types/v10';
import { formatIsk } from '../../engine/index.ts';
import { DISCORD_LIMITS, escapeMarkdown, joinWithinLimit } from '../../engine/render/index.ts';
import type { PpkMe, PpkSummary, PpkSummaryRow } from '../../ppk/operations.ts';

const TOP_EARNERS = 15;
const SUMMARY_COLOR = 0xd4a017;

function rowName(row: PpkSummaryRow, by: 'pilot' | 'corporation'): string {
  const fallback =
    by === 'pilot' ? `Character ${row.id}` : row.id === 0 ? 'Unknown corporation' : `Corporation ${row.id}`;
  return escapeMarkdown(row.name ?? fallback);
}

function earnerLine(row: PpkSummaryRow, rank: number, by: 'pilot' | 'corporation'): string {
  const who = by === 'pilot' && row.userId ? ` (<@${row.userId}>)` : '';
  const unpaid = row.unpaidIsk > 0 && row.paidIsk > 0 ? `, ${formatIsk(row.unpaidIsk)} unpaid` : '';
  return `${rank}. **${rowName(row, by)}**${who}: ${formatIsk(row.isk)} (${row.shares} shares, ${row.events} events${unpaid})`;
}

export function summaryEmbed(summary: PpkSummary): APIEmbed {
  const { totals } = summary;
  const top = summary.rows.slice(0, TOP_EARNERS).map((row, index) => earnerLine(row, index + 1, summary.by));
  const paid = summary.payout
    ? `Marked paid <t:${Math.floor(summary.payout.paidAt.getTime() / 1000)}:f> by <@${summary.payout.byUserId}>.`
    : 'Not marked paid yet (/ppk paid).';
  return {
    title: `Pay-per-kill ${summary.period} by ${summary.by}`,
    color: SUMMARY_COLOR,
    description:
      top.length === 0
        ? 'No paying events in this period.'
        : joinWithinLimit(top, '\n', DISCORD_LIMITS.description - 200),
    fields: [
      { name: 'Kills', value: String(totals.kills), inline: true },
      { name: 'Events', value: String(totals.events), inline: true },
      { name: 'Total', value: formatIsk(totals.isk), inline: true },
      { name: 'Paid', value: formatIsk(totals.paidIsk), inline: true },
      { name: 'Unpaid', value: formatIsk(totals.unpaidIsk), inline: true },
      { name: 'Payout', value: paid, inline: false },
    ],
    footer: {
      text: `${summary.rows.length} ${summary.by === 'pilot' ? 'pilots' : 'corporations'} in all: the attached CSV has every row.`,
    },
  };
}

export function summaryCsv(summary: PpkSummary): string {
  const header =
    summary.by === 'pilot'
      ? ['character_id', 'character_name', 'discord_user_id']
      : ['corporation_id', 'corporation_name'];
  const rows = summary.rows.map((row) => [
    ...(summary.by === 'pilot' ? [row.id, row.name ?? '', row.userId ?? ''] : [row.id, row.name ?? '']),
    row.events,
    row.shares,
    row.isk,
    row.paidIsk,
    row.unpaidIsk,
  ]);
  return stringify(rows, {
    header: true,
    columns: [...header, 'events', 'shares', 'isk', 'paid_isk', 'unpaid_isk'],
  });
}

export function meEmbed(me: PpkMe): APIEmbed {
  const lines = me.rows.map(
    (row) =>
      `**${rowName(row, 'pilot')}**: ${formatIsk(row.isk)} (${row.shares} shares, ${row.events} events; ${formatIsk(row.paidIsk)} paid, ${formatIsk(row.unpaidIsk)} unpaid)`,
  );
  return {
    title: `Your pay-per-kill in ${me.period}`,
    color: SUMMARY_COLOR,
    description:
      lines.length === 0
        ? 'None of your linked characters has a paying event in this period. Claim yours with the buttons on PPK messages.'
        : joinWithinLimit(lines, '\n', DISCORD_LIMITS.description),
    fields: [
      { name: 'Total', value: formatIsk(me.totals.isk), inline: true },
      { name: 'Paid', value: formatIsk(me.totals.paidIsk), inline: true },
      { name: 'Unpaid', value: formatIsk(me.totals.unpaidIsk), inline: true },
    ],
  };
}
