// Autocomplete of /tracker, by the focused option: this guild's trackers, solar systems, clauses, clause
// values and pings. Every answer stays within Discord's 25 choices of 100 characters.

import type { AutocompleteInteraction } from 'discord.js';
import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import type { BotContext } from '../contract.ts';
import type { TrackerRow } from '../../db/tracker-repository.ts';
import { truncatePlain } from '../../engine/render/index.ts';
import { guildRolesOf } from './clause-input/roles.ts';
import {
  suggestClauses,
  suggestClauseValues,
  suggestSystems,
  suggestTrackerClauses,
} from './clause-input/suggest.ts';
import { findTracker } from './find-tracker.ts';
import { suggestPings } from './ping-setting.ts';

type Choice = APIApplicationCommandOptionChoice<string>;
type TrackerAutocomplete = AutocompleteInteraction<'cached' | 'raw'>;

const MAX_CHOICES = 25;
const NO_ORIGIN: Choice = { name: 'none (clear the origin)', value: 'none' };

function stateSuffix(row: TrackerRow): string {
  if (row.disabledReason !== null) return ' (stopped)';
  return row.definition.enabled ? '' : ' (disabled)';
}

/** This guild's trackers whose names start with, then contain, the text; value = the tracker id. */
async function suggestTrackers(ctx: BotContext, guildId: string, typed: string): Promise<Choice[]> {
  const needle = typed.trim().toLowerCase();
  const rows = await ctx.trackers.list(guildId);
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
    .map(({ row }) => {
      const suffix = stateSuffix(row);
      return { name: truncatePlain(row.name, 100 - suffix.length) + suffix, value: String(row.id) };
    });
}

/** The tracker named by the (not focused) `tracker` option, if it can be found. */
async function chosenTracker(
  interaction: TrackerAutocomplete,
  ctx: BotContext,
): Promise<TrackerRow | undefined> {
  const text = interaction.options.getString('tracker');
  if (!text) return undefined;
  return findTracker(ctx.trackers, interaction.guildId, text).catch(() => undefined);
}

async function choicesFor(interaction: TrackerAutocomplete, ctx: BotContext): Promise<Choice[]> {
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value);
  const sub = interaction.options.getSubcommand(false);
  switch (focused.name) {
    case 'tracker':
      return suggestTrackers(ctx, interaction.guildId, typed);
    case 'origin':
      return suggestSystems(ctx, typed);
    case 'system': {
      const systems = await suggestSystems(ctx, typed);
      const offerNone = typed.trim() === '' || 'none'.startsWith(typed.trim().toLowerCase());
      return (offerNone ? [NO_ORIGIN, ...systems] : systems).slice(0, MAX_CHOICES);
    }
    case 'clause': {
      const tracker = await chosenTracker(interaction, ctx);
      if (sub === 'remove-clause') return tracker ? suggestTrackerClauses(tracker.definition, typed) : [];
      return suggestClauses(typed, tracker?.definition);
    }
    case 'value': {
      const clause = interaction.options.getString('clause');
      return clause
        ? suggestClauseValues(ctx, interaction.guildId, clause, typed, { roles: guildRolesOf(interaction) })
        : [];
    }
    case 'ping':
      return suggestPings(interaction, typed);
    default:
      return [];
  }
}

export async function trackerAutocomplete(interaction: TrackerAutocomplete, ctx: BotContext): Promise<void> {
  await interaction.respond((await choicesFor(interaction, ctx)).slice(0, MAX_CHOICES));
}
