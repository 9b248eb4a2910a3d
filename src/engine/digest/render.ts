// The digest message: one embed with the period's figures (names resolved by the caller) and the chart as
// an attached PNG shown as the embed's image. Plain API JSON; mentions in it ping nobody.
import type { APIEmbed, RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import type { ItemCatalog } from '../catalog.ts';
import { formatCount, formatIsk } from '../format.ts';
import { systemName, typeName, type SystemLookup } from '../render/embed-fields.ts';
import { trackerColor } from '../render/embed.ts';
import { DISCORD_LIMITS, truncateMarkdown } from '../render/limits.ts';
import { killUrl, markdownLink } from '../render/links.ts';
import { entityLink, nameLabel, type NameLookup } from '../render/names.ts';
import type { TrackerDefinition } from '../tracker/types.ts';
import type { DigestFigures, Ranked } from './figures.ts';

export const DIGEST_CHART_FILE = 'digest-chart.png';

export interface DigestRenderInput {
  tracker: TrackerDefinition;
  figures: DigestFigures;
  names: NameLookup;
  universe: SystemLookup;
  catalog: ItemCatalog;
  /** Whether a chart PNG is attached as DIGEST_CHART_FILE. */
  chart: boolean;
}

function day(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

function time(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ');
}

function rankedLines(entries: readonly Ranked[], label: (id: number) => string): string {
  if (entries.length === 0) return 'none';
  const text = entries
    .map((entry, index) => `${index + 1}. ${label(entry.id)} · ${formatCount(entry.count)}`)
    .join('\n');
  return truncateMarkdown(text, DISCORD_LIMITS.fieldValue);
}

export function digestTitle(tracker: TrackerDefinition, figures: DigestFigures): string {
  const what = figures.window.period === 'daily' ? 'Daily digest' : 'Weekly digest';
  return truncateMarkdown(`${what}: ${tracker.name}`, DISCORD_LIMITS.title);
}

export function renderDigest(input: DigestRenderInput): RESTPostAPIChannelMessageJSONBody {
  const { figures, names, universe, catalog } = input;
  const { window } = figures;
  const sideNote = figures.sided
    ? 'Kills and losses are counted for the alliances, corporations and pilots the tracker names.'
    : 'The tracker names no side: every match counts as a kill.';
  const valuable = figures.mostValuable;
  const fields: NonNullable<APIEmbed['fields']> = [
    { name: 'Kills', value: formatCount(figures.kills), inline: true },
    { name: 'ISK destroyed', value: formatIsk(figures.iskDestroyed), inline: true },
    { name: '\u200b', value: '\u200b', inline: true },
    { name: 'Losses', value: formatCount(figures.losses), inline: true },
    { name: 'ISK lost', value: formatIsk(figures.iskLost), inline: true },
    { name: '\u200b', value: '\u200b', inline: true },
    {
      name: 'Top pilots',
      value: rankedLines(figures.topPilots, (id) => entityLink(names, 'character', id)),
      inline: true,
    },
    {
      name: 'Top corporations',
      value: rankedLines(figures.topCorporations, (id) => entityLink(names, 'corporation', id)),
      inline: true,
    },
    { name: '\u200b', value: '\u200b', inline: true },
    {
      name: 'Top systems',
      value: rankedLines(figures.topSystems, (id) => nameLabel(systemName(universe, id))),
      inline: true,
    },
    {
      name: 'Most destroyed ship classes',
      value: rankedLines(figures.topShipGroups, (id) => nameLabel(catalog.groupName(id) ?? `Group ${id}`)),
      inline: true,
    },
    { name: '\u200b', value: '\u200b', inline: true },
    {
      name: 'Most valuable kill',
      value:
        valuable === undefined
          ? 'none'
          : `${markdownLink(`${nameLabel(typeName(catalog, valuable.victimShipTypeId))} (${formatIsk(valuable.value)})`, killUrl(valuable.killmailId))} in ${nameLabel(systemName(universe, valuable.solarSystemId))}${valuable.loss ? ' (a loss)' : ''}`,
    },
  ];
  const embed: APIEmbed = {
    title: digestTitle(input.tracker, figures),
    description: `${time(window.start)} to ${time(window.end)} UTC · ${formatCount(figures.kills + figures.losses)} matches\n-# ${sideNote}`,
    fields,
    footer: {
      text: `${window.period === 'daily' ? 'Kills and ISK per hour' : 'Kills and ISK per day'} · ${day(window.start)} – ${day(window.end)}`,
    },
    timestamp: new Date(window.end).toISOString(),
  };
  const color = trackerColor(input.tracker);
  if (color !== undefined) embed.color = color;
  if (input.chart) embed.image = { url: `attachment://${DIGEST_CHART_FILE}` };
  return {
    embeds: [embed],
    allowed_mentions: { parse: [] },
    ...(input.chart && { attachments: [{ id: 0, filename: DIGEST_CHART_FILE }] }),
  };
}
