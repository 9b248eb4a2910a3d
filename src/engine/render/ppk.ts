// Pay-per-kill on Discord: the claim buttons (on alerts of PPK trackers and on PPK messages) and the PPK
// message itself: the kill's summary, its value and pool, and the public roster per event type, edited in
// place as claims arrive. Plain API JSON; names are escaped and the message never pings anyone.
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import type { ItemCatalog } from '../catalog.ts';
import { formatIsk } from '../format.ts';
import { type SystemLookup, systemValue, typeName } from './embed-fields.ts';
import { escapeMarkdown, plainText } from './escape.ts';
import { DISCORD_LIMITS, joinWithinLimit, truncateMarkdown, truncatePlain } from './limits.ts';
import { killUrl, markdownLink, typeImageUrl } from './links.ts';
import { entityLink, type NameLookup } from './names.ts';

/** The claim buttons, in order: the event type they claim (as stored) and their label. */
export const PPK_CLAIM_BUTTONS = [
  { type: 'participant', label: 'Participant', emoji: '⚔️' },
  { type: 'tackle', label: 'Tackle', emoji: '🕸️' },
  { type: 'dictor', label: 'Dictor', emoji: '🫧' },
  { type: 'logi', label: 'Logi', emoji: '➕' },
  { type: 'scout', label: 'Scout', emoji: '🔭' },
  { type: 'fc', label: 'FC', emoji: '⭐' },
] as const;

export type PpkClaimType = (typeof PPK_CLAIM_BUTTONS)[number]['type'];

/** `ppk1:claim:<killmailId>:<type>`: persistent, so the buttons keep working after a restart. */
export function ppkClaimCustomId(killmailId: number, type: PpkClaimType): string {
  return `ppk1:claim:${killmailId}:${type}`;
}

/** Discord holds at most 5 buttons in an action row: the six claim buttons take two rows of three. */
const BUTTONS_PER_ROW = 3;

/** The rows of claim buttons of a kill; disabled once claims are closed. */
export function ppkClaimRows(
  killmailId: number,
  disabled = false,
): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const buttons: APIButtonComponentWithCustomId[] = PPK_CLAIM_BUTTONS.map(({ type, label, emoji }) => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label,
    emoji: { name: emoji },
    custom_id: ppkClaimCustomId(killmailId, type),
    disabled,
  }));
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  for (let start = 0; start < buttons.length; start += BUTTONS_PER_ROW)
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(start, start + BUTTONS_PER_ROW) });
  return rows;
}

/** One event type's line of the roster: its label and the characters that have it. */
export interface PpkRosterLine {
  label: string;
  characters: ReadonlyArray<{ characterId: number; characterName: string | undefined }>;
}

export interface PpkMessageInput {
  killmailId: number;
  killmailTime: Date;
  solarSystemId: number;
  victim: {
    characterId: number | undefined;
    corporationId: number | undefined;
    allianceId: number | undefined;
    shipTypeId: number;
  };
  /** The value the pool is computed from; undefined when nobody knows it yet. */
  value: number | undefined;
  valueOverridden: boolean;
  /** The kill's pool in whole ISK (0 when it pays nothing). */
  poolIsk: number;
  /** Why the kill pays nothing, in words ("excluded: awox"), or undefined when it pays. */
  noPay: string | undefined;
  claimWindowClosesAt: Date;
  claimWindowOpen: boolean;
  /** Every event type in order, empty ones included. */
  roster: readonly PpkRosterLine[];
  /** Attacker characters on the killmail linked to nobody in the guild. */
  unlinked: ReadonlyArray<{ characterId: number; characterName: string | undefined }>;
  names: NameLookup;
  universe: SystemLookup;
  catalog: ItemCatalog;
}

/** Without content: an alert edited into a PPK message keeps its pings line. */
export interface PpkMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  /** Names come from the killmail and members: nothing in the message may ping. */
  allowed_mentions: { parse: [] };
}

const PPK_COLOR = 0xd4a017;
// Eight roster fields and the not-linked list must fit Discord's 6000 characters per embed with the rest.
const ROSTER_FIELD_MAX = 550;
const UNLINKED_MAX = 400;

function characterText(character: { characterId: number; characterName: string | undefined }): string {
  const name = character.characterName?.trim()
    ? character.characterName
    : `Character ${character.characterId}`;
  return escapeMarkdown(truncatePlain(name, 100));
}

function field(name: string, value: string, inline: boolean): APIEmbedField {
  return {
    name: truncatePlain(name, DISCORD_LIMITS.fieldName),
    value: truncateMarkdown(value === '' ? '-' : value, DISCORD_LIMITS.fieldValue),
    inline,
  };
}

function valueText(input: PpkMessageInput): string {
  const value = formatIsk(input.value);
  const lines = [input.valueOverridden ? `${value} (set by an admin)` : value];
  lines.push(
    input.noPay ? `Pays nothing: ${escapeMarkdown(input.noPay)}` : `Pool: ${formatIsk(input.poolIsk)}`,
  );
  return lines.join('\n');
}

function victimText(input: PpkMessageInput): string {
  const { names, victim } = input;
  const lines: string[] = [];
  if (victim.characterId !== undefined) lines.push(entityLink(names, 'character', victim.characterId));
  if (victim.corporationId !== undefined) lines.push(entityLink(names, 'corporation', victim.corporationId));
  if (victim.allianceId !== undefined) lines.push(entityLink(names, 'alliance', victim.allianceId));
  return lines.length > 0 ? lines.join('\n') : 'unknown';
}

/** The roster as "**Tackle**: Pilot A, Pilot B", one line per event type, within one field each. */
function rosterFields(input: PpkMessageInput): APIEmbedField[] {
  return input.roster.map((line) =>
    field(
      `${line.label} (${line.characters.length})`,
      line.characters.length === 0
        ? '-'
        : joinWithinLimit(line.characters.map(characterText), ', ', ROSTER_FIELD_MAX),
      true,
    ),
  );
}

/** The PPK message of a kill: summary, value, roster and the claim buttons. */
export function renderPpkMessage(input: PpkMessageInput): PpkMessage {
  const ship = typeName(input.catalog, input.victim.shipTypeId);
  const time = input.killmailTime.getTime();
  const closes = Math.floor(input.claimWindowClosesAt.getTime() / 1000);
  const description = [
    `${markdownLink('zKillboard', killUrl(input.killmailId))} · killed <t:${Math.floor(time / 1000)}:R>`,
    input.claimWindowOpen
      ? `Claim what you did with the buttons below (press again to take it back). Claims close <t:${closes}:R>.`
      : 'Claims are closed for this kill.',
  ].join('\n');
  const fields = [
    field('Victim', victimText(input), true),
    field('System', systemValue(input.universe, input.solarSystemId), true),
    field('Value', valueText(input), true),
    ...rosterFields(input),
  ];
  if (input.unlinked.length > 0) {
    fields.push(
      field(
        `Not linked (${input.unlinked.length})`,
        `${joinWithinLimit(input.unlinked.map(characterText), ', ', UNLINKED_MAX)}\nLink yours with /character link to get credit.`,
        false,
      ),
    );
  }
  const embed: APIEmbed = {
    title: truncatePlain(plainText(`PPK: ${ship} destroyed`), DISCORD_LIMITS.title),
    url: killUrl(input.killmailId),
    color: PPK_COLOR,
    description,
    thumbnail: { url: typeImageUrl(input.victim.shipTypeId, 'render') },
    fields: fields.slice(0, DISCORD_LIMITS.fields),
    footer: { text: `Pay-per-kill · killmail ${input.killmailId}` },
  };
  return {
    embeds: [embed],
    components: ppkClaimRows(input.killmailId, !input.claimWindowOpen),
    allowed_mentions: { parse: [] },
  };
}
