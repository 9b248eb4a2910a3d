// The editor's embed: the tracker's conditions as a sentence grouped by Location, Attackers, Victim,
// Value & kind and Members, then where it posts, who it pings, whether it is on, and its alert title and
// description when it has them.
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { TrackerRow } from '../../../db/tracker-repository.ts';
import {
  type ClauseNameLookup,
  describeClause,
  findClause,
  setsCondition,
  type TrackerDefinition,
} from '../../../engine/index.ts';
import {
  DEFAULT_ALERT_COLOR,
  DISCORD_LIMITS,
  embedLength,
  escapeMarkdown,
  trackerColor,
  truncateMarkdown,
} from '../../../engine/render/index.ts';
import { describePing } from '../../../tracker-ops/ping.ts';
import type { BotContext } from '../../contract.ts';
import { GROUP_TITLES } from '../clause-input/clause-lookup.ts';
import { displayName } from '../clause-input/named-value.ts';
import { systemValue } from '../clause-input/places.ts';

/** Roughly how many killmails a day zKillboard publishes: what a tracker without conditions posts. */
const KILLMAILS_PER_DAY = '15,000';

// The headings in the order GROUP_TITLES lists the groups (value and kind share one).
const GROUP_ORDER = [...new Set(Object.values(GROUP_TITLES))];
// One long list (an imported tracker with 500 systems) must not push the other groups out, and the
// whole embed stays under Discord's 6000 characters however long the parts get.
const MAX_GROUP_LINE = 900;
const MAX_DESCRIPTION = 3_500;
const MAX_FIELD = 500;

/** "**Location:** within 10 jumps of Jita, not in high-sec" lines, in the editor's group order. */
function conditionLines(tracker: TrackerDefinition, names: ClauseNameLookup): string[] {
  const phrases = new Map<string, string[]>();
  for (const [key, value] of Object.entries(tracker.clauses)) {
    if (!setsCondition(value)) continue;
    const definition = findClause(key);
    const title = definition ? GROUP_TITLES[definition.group] : 'Other';
    const phrase = describeClause(key, value, names, {
      originSolarSystemId: tracker.origin_solar_system_id ?? null,
    });
    phrases.set(title, [...(phrases.get(title) ?? []), phrase]);
  }
  return [...GROUP_ORDER, 'Other']
    .filter((title) => phrases.has(title))
    .map((title) => truncateMarkdown(`**${title}:** ${phrases.get(title)?.join(', ')}`, MAX_GROUP_LINE));
}

function describeConditions(tracker: TrackerDefinition, names: ClauseNameLookup): string {
  const lines = conditionLines(tracker, names);
  if (lines.length === 0) {
    return [
      `**Every killmail.** No conditions yet: once enabled, this tracker posts every kill (about ${KILLMAILS_PER_DAY} a day).`,
      'Add conditions with the menus below, then press **Enable**.',
    ].join('\n');
  }
  return ['Posts kills that are all of:', ...lines].join('\n');
}

function stateText(row: TrackerRow): string {
  if (row.disabledReason) {
    return truncateMarkdown(
      `Disabled by delivery failure: ${escapeMarkdown(row.disabledReason)}\nFix the channel or the bot's permissions there, then press Enable.`,
      MAX_FIELD,
    );
  }
  return row.definition.enabled ? 'Enabled' : 'Disabled: press **Enable** when the conditions are right';
}

/** Worded as everywhere else a ping is shown (and as the alert pings: @everyone covers @here). */
function pingText(tracker: TrackerDefinition): string {
  return truncateMarkdown(describePing(tracker.ping), MAX_FIELD);
}

function originText(ctx: BotContext, tracker: TrackerDefinition): string {
  const id = tracker.origin_solar_system_id;
  if (id === undefined || id === null) return 'Not set (jump and light-year conditions need one)';
  const system = systemValue(ctx.world().universe, id);
  return system ? escapeMarkdown(displayName(system)) : `#${id} (not in the loaded SDE)`;
}

function maxAgeText(ctx: BotContext, tracker: TrackerDefinition): string {
  const minutes = tracker.max_age_minutes;
  return minutes === undefined ? `${ctx.defaultMaxAgeMinutes} minutes (default)` : `${minutes} minutes`;
}

function lastMatchText(row: TrackerRow): string {
  return row.lastMatchAt ? `<t:${Math.floor(row.lastMatchAt.getTime() / 1000)}:R>` : 'Never';
}

export function editorEmbed(row: TrackerRow, ctx: BotContext, names: ClauseNameLookup): APIEmbed {
  const tracker = row.definition;
  const fields: APIEmbedField[] = [
    { name: 'Channel', value: `<#${row.channelId}>`, inline: true },
    { name: 'Pings', value: pingText(tracker), inline: true },
    { name: 'State', value: stateText(row), inline: true },
    { name: 'Origin', value: originText(ctx, tracker), inline: true },
    { name: 'Max age', value: maxAgeText(ctx, tracker), inline: true },
    { name: 'Last match', value: lastMatchText(row), inline: true },
  ];
  // Shown only when set: the editor stays short for trackers that need none of them.
  if (tracker.ppk)
    fields.push({ name: 'Pay-per-kill', value: 'Alerts carry the claim buttons', inline: true });
  if (tracker.title !== undefined)
    fields.push({ name: 'Alert title', value: truncateMarkdown(escapeMarkdown(tracker.title), MAX_FIELD) });
  if (tracker.fight_report === true) {
    fields.push({
      name: 'Fight report',
      value: 'On: a fight’s first kill is alerted, later kills update one report message',
    });
  }
  if (tracker.description !== undefined) {
    fields.push({
      name: 'Description',
      value: truncateMarkdown(escapeMarkdown(tracker.description), DISCORD_LIMITS.fieldValue),
    });
  }
  const embed: APIEmbed = {
    title: truncateMarkdown(`Tracker: ${escapeMarkdown(tracker.name)}`, DISCORD_LIMITS.title),
    color: trackerColor(tracker) ?? DEFAULT_ALERT_COLOR,
    fields,
    footer: { text: `Tracker #${row.id} · changes apply within a second` },
  };
  // The conditions get what the other parts leave of Discord's 6000 characters.
  const room = DISCORD_LIMITS.embedTotal - embedLength(embed);
  embed.description = truncateMarkdown(describeConditions(tracker, names), Math.min(MAX_DESCRIPTION, room));
  return embed;
}
