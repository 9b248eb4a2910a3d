// The fight report message: one embed with the fight's figures, edited in place as kills arrive.
// Plain API JSON, no I/O; names are resolved by the caller.
import type { APIEmbed, APIEmbedField, RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import type { ItemCatalog } from '../catalog.ts';
import { formatCount, formatIsk } from '../format.ts';
import { typeName, systemLink, systemName, type SystemLookup } from '../render/embed-fields.ts';
import { plainText } from '../render/escape.ts';
import { DISCORD_LIMITS, joinWithinLimit, truncatePlain } from '../render/limits.ts';
import { killUrl, markdownLink } from '../render/links.ts';
import { entityLink, entityName, type NameLookup, nameLabel } from '../render/names.ts';
import type { FightPilotFigures, FightReport, FightSideFigures } from './report.ts';
import type { FightParty, SideIndex } from './sides.ts';

export const FIGHT_REPORT_COLOR = 0xe67e22;
export const FIGHT_REPORT_CLOSED_COLOR = 0x7f8c8d;
/** Parties named in a side's heading before "+N". */
export const FIGHT_SIDE_NAMES = 3;
const SIDE_LETTERS = ['A', 'B'] as const;

export interface FightReportInput {
  report: FightReport;
  /** The tracker the fight was found by (named in the footer). */
  trackerName: string;
  color?: number | undefined;
  closed: boolean;
  names: NameLookup;
  universe: SystemLookup;
  catalog: ItemCatalog;
}

/** Renders the fight report message (no pings: the first kill's alert pinged already). */
export function renderFightReport(
  input: FightReportInput,
): Required<Pick<RESTPostAPIChannelMessageJSONBody, 'embeds' | 'allowed_mentions'>> {
  return { embeds: [fightReportEmbed(input)], allowed_mentions: { parse: [] } };
}

export function fightReportEmbed(input: FightReportInput): APIEmbed {
  const { report, names, universe, catalog } = input;
  const [first] = report.systems;
  const where = first ? systemName(universe, first.solarSystemId) : 'unknown space';
  const more = report.systems.length > 1 ? ` (+${report.systems.length - 1} systems)` : '';
  const fields: APIEmbedField[] = [
    ...([0, 1] as const).map((index) => sideField(index, report.sides[index], names)),
    {
      name: 'Systems',
      value: joinWithinLimit(
        report.systems.map(
          (system) => `${systemLink(universe, system.solarSystemId)} ${formatCount(system.kills)}`,
        ),
        ' · ',
        DISCORD_LIMITS.fieldValue,
      ),
    },
    {
      name: 'Biggest kills',
      value: lines(
        report.biggestKills.map((kill) => {
          const ship = markdownLink(
            nameLabel(typeName(catalog, kill.victimShipTypeId)),
            killUrl(kill.killmailId),
          );
          const pilot =
            kill.victimCharacterId !== undefined
              ? entityLink(names, 'character', kill.victimCharacterId)
              : kill.victimParty
                ? entityLink(names, kill.victimParty.kind, kill.victimParty.id)
                : 'unknown';
          return `${ship} ${formatIsk(kill.value)}: ${pilot}${sideTag(kill.side)}`;
        }),
      ),
    },
    {
      name: 'Top pilots by kills',
      value: lines(
        report.topByKills.map((pilot) => pilotLine(pilot, names, `${formatCount(pilot.kills)} kills`)),
      ),
      inline: true,
    },
    {
      name: 'Top pilots by damage',
      value: lines(report.topByDamage.map((pilot) => pilotLine(pilot, names, formatCount(pilot.damage)))),
      inline: true,
    },
  ];
  const minutes = Math.round((report.endedAt - report.startedAt) / 60_000);
  return {
    title: truncatePlain(
      `${input.closed ? 'Fight' : 'Ongoing fight'} in ${where}${more}`,
      DISCORD_LIMITS.title,
    ),
    description: [
      `${formatCount(report.killCount)} ships destroyed, ${formatIsk(report.iskDestroyed)} ISK`,
      `<t:${Math.floor(report.startedAt / 1000)}:t> to <t:${Math.floor(report.endedAt / 1000)}:t>` +
        ` (${minutes === 1 ? '1 minute' : `${formatCount(minutes)} minutes`})`,
    ].join('\n'),
    color: input.closed ? FIGHT_REPORT_CLOSED_COLOR : (input.color ?? FIGHT_REPORT_COLOR),
    fields,
    footer: {
      text: truncatePlain(
        `${plainText(input.trackerName)} · ${input.closed ? 'fight over' : 'updated as kills arrive'}`,
        DISCORD_LIMITS.footer,
      ),
    },
    timestamp: new Date(report.endedAt).toISOString(),
  };
}

function sideField(index: SideIndex, side: FightSideFigures, names: NameLookup): APIEmbedField {
  const named = side.parties.slice(0, FIGHT_SIDE_NAMES).map((party) => partyName(party, names));
  const rest = side.parties.length - named.length;
  const heading = named.length === 0 ? 'nobody identified' : named.join(', ') + (rest > 0 ? ` +${rest}` : '');
  return {
    name: truncatePlain(`Side ${SIDE_LETTERS[index]}: ${heading}`, DISCORD_LIMITS.fieldName),
    value: [
      `Ships lost: **${formatCount(side.shipsLost)}**`,
      `ISK lost: **${formatIsk(side.iskLost)}**`,
      `Pilots: ${formatCount(side.pilots)}`,
    ].join('\n'),
    inline: true,
  };
}

function partyName(party: FightParty, names: NameLookup): string {
  return plainText(entityName(names, party.kind, party.id));
}

function pilotLine(pilot: FightPilotFigures, names: NameLookup, figure: string): string {
  return `${entityLink(names, 'character', pilot.characterId)} ${figure}${sideTag(pilot.side)}`;
}

function sideTag(side: SideIndex | undefined): string {
  return side === undefined ? '' : ` (${SIDE_LETTERS[side]})`;
}

/** One entry a line, as many whole lines as fit in a field; "none" for an empty list. */
function lines(items: readonly string[]): string {
  if (items.length === 0) return 'none';
  const kept: string[] = [];
  let length = 0;
  for (const item of items) {
    const added = (kept.length > 0 ? 1 : 0) + item.length;
    if (length + added > DISCORD_LIMITS.fieldValue) break;
    kept.push(item);
    length += added;
  }
  return kept.length > 0 ? kept.join('\n') : truncatePlain(items[0]!, DISCORD_LIMITS.fieldValue);
}
