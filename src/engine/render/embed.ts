// The alert embed: who died in what, where, for how much and to whom; then fitted within Discord's
// per-part and 6000-character limits.
import type { APIEmbed, APIEmbedAuthor, APIEmbedField } from 'discord-api-types/v10';
import { type ItemCatalog, SHIP_CATEGORY_ID } from '../catalog.ts';
import { formatCount } from '../format.ts';
import type { Killmail } from '../killmail/types.ts';
import type { TrackerDefinition, TrackerMatch } from '../tracker/types.ts';
import {
  finalBlowValue,
  mainGroupValue,
  mainShipClassValue,
  type SystemLookup,
  shipValue,
  systemName,
  systemValue,
  trackedShipItems,
  typeName,
  valueValue,
  victimValue,
} from './embed-fields.ts';
import { plainText } from './escape.ts';
import { DISCORD_LIMITS, joinWithinLimit, truncateMarkdown, truncatePlain } from './limits.ts';
import { entityImageUrl, entityUrl, killUrl, typeImageUrl } from './links.ts';
import { entityPlainName, type NameLookup } from './names.ts';
import { originField } from './origin.ts';

export interface AlertEmbedInput {
  killmail: Killmail;
  matches: readonly TrackerMatch[];
  names: NameLookup;
  universe: SystemLookup;
  catalog: ItemCatalog;
  test: boolean;
}

/** Used when no matched tracker sets a colour: a kill-report red. */
export const DEFAULT_ALERT_COLOR = 0xc0392b;
/** Starts the title of a sample alert (/tracker test), so it is never taken for the live one. */
export const TEST_ALERT_TITLE_PREFIX = '[TEST] ';
// Shrinking the embed to 6000 characters never takes a part below this: each keeps a readable start.
const MIN_SHRUNK_LENGTH = 48;

/** A tracker's "#rrggbb" colour as the number Discord wants, or undefined when it sets none. */
export function trackerColor(tracker: TrackerDefinition): number | undefined {
  const match = tracker.color === undefined ? null : /^#([0-9a-f]{6})$/i.exec(tracker.color);
  return match?.[1] ? Number.parseInt(match[1], 16) : undefined;
}

/** Colour of the first matched tracker that sets one, else the default. */
function alertColor(matches: readonly TrackerMatch[]): number {
  for (const { tracker } of matches) {
    const color = trackerColor(tracker);
    if (color !== undefined) return color;
  }
  return DEFAULT_ALERT_COLOR;
}

/** The first matched tracker's own title, else "Rifter destroyed in Huola". */
function alertTitle(input: AlertEmbedInput): string {
  const { killmail, matches, universe, catalog, test } = input;
  const own = matches.find(({ tracker }) => tracker.title !== undefined && tracker.title.trim() !== '');
  const title =
    own?.tracker.title ??
    `${typeName(catalog, killmail.victim.shipTypeId)} destroyed in ${systemName(universe, killmail.solarSystemId)}`;
  return truncateMarkdown(`${test ? TEST_ALERT_TITLE_PREFIX : ''}${plainText(title)}`, DISCORD_LIMITS.title);
}

/** The victim pilot with portrait, or the corporation with its logo (structures have no pilot). */
function alertAuthor(killmail: Killmail, names: NameLookup): APIEmbedAuthor | undefined {
  const { characterId, corporationId } = killmail.victim;
  const [kind, id] =
    characterId !== undefined
      ? (['character', characterId] as const)
      : corporationId !== undefined
        ? (['corporation', corporationId] as const)
        : [undefined, undefined];
  if (kind === undefined) return undefined;
  return {
    name: truncatePlain(entityPlainName(names, kind, id), DISCORD_LIMITS.author),
    url: entityUrl(kind, id),
    icon_url: entityImageUrl(kind, id),
  };
}

/** Ships get their 3D render; structures and other items only have an icon on the image server. */
function shipThumbnail(killmail: Killmail, catalog: ItemCatalog): string {
  const { shipTypeId, shipGroupId } = killmail.victim;
  const categoryId = shipGroupId === undefined ? undefined : catalog.group(shipGroupId)?.categoryId;
  const isShip = categoryId === undefined || categoryId === SHIP_CATEGORY_ID;
  return typeImageUrl(shipTypeId, isShip ? 'render' : 'icon');
}

/** A time Date can represent (toISOString throws otherwise); a broken one leaves the time out. */
function isValidTime(time: number): boolean {
  return Number.isFinite(time) && !Number.isNaN(new Date(time).getTime());
}

/** Kill time relative to the reader ("3 minutes ago") and the kind of kill. */
function alertDescription(killmail: Killmail, test: boolean): string | undefined {
  const lines: string[] = [];
  if (test) lines.push('**Test alert**: a sample, not a live match.');
  const facts: string[] = [];
  if (isValidTime(killmail.time)) facts.push(`Killed <t:${Math.floor(killmail.time / 1000)}:R>`);
  if (killmail.solo) facts.push('**Solo**');
  if (killmail.npc) facts.push('**NPC kill**');
  if (killmail.war) facts.push('**War kill**');
  if (killmail.awox) facts.push('**Awox**');
  if (facts.length > 0) lines.push(facts.join(' · '));
  return lines.length > 0 ? lines.join('\n') : undefined;
}

function field(name: string, value: string, inline: boolean): APIEmbedField {
  return {
    name: truncatePlain(name, DISCORD_LIMITS.fieldName),
    // Discord rejects an empty field value.
    value: truncateMarkdown(value === '' ? '-' : value, DISCORD_LIMITS.fieldValue),
    inline,
  };
}

function alertFields(input: AlertEmbedInput): APIEmbedField[] {
  const { killmail, matches, names, universe, catalog } = input;
  const fields = [
    field('Victim', victimValue(killmail, names), true),
    field('Ship', shipValue(catalog, killmail.victim.shipTypeId, killmail.victim.shipGroupId), true),
    field('System', systemValue(universe, killmail.solarSystemId), true),
    field('Value', valueValue(killmail), true),
    field('Final blow', finalBlowValue(killmail.finalBlow, names, catalog), true),
    field('Attackers', formatCount(killmail.attackerCount), true),
  ];
  const mainGroup = mainGroupValue(matches, killmail, names);
  if (mainGroup !== undefined) fields.push(field('Main group', mainGroup, true));
  const mainShipClass = mainShipClassValue(matches, killmail, catalog);
  if (mainShipClass !== undefined) fields.push(field('Main ship class', mainShipClass, true));
  const trackedShips = trackedShipItems(matches, killmail, catalog);
  if (trackedShips.length > 0) {
    const value = joinWithinLimit(trackedShips, ', ', DISCORD_LIMITS.fieldValue);
    fields.push(field('Tracked ships', value, false));
  }
  const origin = originField(matches, universe);
  if (origin) fields.push(field(origin.name, origin.value, false));
  return fields.slice(0, DISCORD_LIMITS.fields);
}

function footerText(matches: readonly TrackerMatch[], test: boolean): string {
  const trackerNames = [...new Set(matches.map(({ tracker }) => plainText(tracker.name)))];
  const label = trackerNames.length === 1 ? 'Tracker: ' : 'Trackers: ';
  const text = trackerNames.length > 0 ? label + trackerNames.join(', ') : 'Killtracker';
  return truncatePlain(`${test ? 'Test alert · ' : ''}${text}`, DISCORD_LIMITS.footer);
}

/** Characters Discord counts toward the 6000 limit of an embed. */
export function embedLength(embed: APIEmbed): number {
  let length = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  length += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const { name, value } of embed.fields ?? []) length += name.length + value.length;
  return length;
}

/** Shrinks the longest parts (footer, field values, description) until the embed fits in 6000 characters. */
function fitEmbedTotal(embed: APIEmbed): void {
  let excess = embedLength(embed) - DISCORD_LIMITS.embedTotal;
  while (excess > 0) {
    const fields = embed.fields ?? [];
    const candidates = [
      { length: embed.footer?.text.length ?? 0, shrink: (max: number) => shrinkFooter(embed, max) },
      { length: embed.description?.length ?? 0, shrink: (max: number) => shrinkDescription(embed, max) },
      ...fields.map((item) => ({
        length: item.value.length,
        shrink: (max: number) => {
          item.value = truncateMarkdown(item.value, max);
        },
      })),
    ];
    const longest = candidates.reduce((best, candidate) =>
      candidate.length > best.length ? candidate : best,
    );
    if (longest.length <= MIN_SHRUNK_LENGTH) {
      // Cannot happen with the parts this module builds; dropping the last fields keeps the promise anyway.
      if (fields.length === 0) return;
      fields.pop();
    } else {
      longest.shrink(Math.max(MIN_SHRUNK_LENGTH, longest.length - excess));
    }
    excess = embedLength(embed) - DISCORD_LIMITS.embedTotal;
  }
}

function shrinkFooter(embed: APIEmbed, max: number): void {
  if (embed.footer) embed.footer.text = truncatePlain(embed.footer.text, max);
}

function shrinkDescription(embed: APIEmbed, max: number): void {
  if (embed.description !== undefined) embed.description = truncateMarkdown(embed.description, max);
}

export function renderEmbed(input: AlertEmbedInput): APIEmbed {
  const { killmail, matches, names, catalog, test } = input;
  const embed: APIEmbed = {
    title: alertTitle(input),
    url: killUrl(killmail.id),
    color: alertColor(matches),
    thumbnail: { url: shipThumbnail(killmail, catalog) },
    fields: alertFields(input),
    footer: { text: footerText(matches, test) },
  };
  const author = alertAuthor(killmail, names);
  if (author) embed.author = author;
  const description = alertDescription(killmail, test);
  if (description !== undefined)
    embed.description = truncateMarkdown(description, DISCORD_LIMITS.description);
  if (isValidTime(killmail.time)) embed.timestamp = new Date(killmail.time).toISOString();
  fitEmbedTotal(embed);
  return embed;
}
