// Autocomplete for the /tracker options that take clauses and their values: readable choice names
// ("Jita (0.9, The Forge)") whose values are what parseClauseInput accepts (ids, full ISK amounts).
// Discord allows 25 choices, each name and value 1-100 characters.
import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import {
  CLAUSE_DEFINITIONS,
  type ClauseDefinition,
  type ClauseValue,
  findClause,
  formatClauseNumber,
  formatCount,
  formatIsk,
  type ListValueKind,
  type TrackerDefinition,
  VALUE_KINDS,
  type ValueKindSpec,
  valueInputOf,
} from '../../../engine/index.ts';
import { truncatePlain } from '../../../engine/render/index.ts';
import type { BotContext } from '../../contract.ts';
import { findClauseByInput, GROUP_TITLES } from './clause-lookup.ts';
import { isDigits, splitLastItem } from './list-items.ts';
import { displayName, type NamedValue } from './named-value.ts';
import { parseDecimal, parseFlag, parseIsk, parseWholeNumber } from './numbers.ts';
import { searchPlaces } from './places.ts';
import { type SourceOptions, valueSource } from './sources.ts';

type Choice = APIApplicationCommandOptionChoice<string>;

const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

function choice(name: string, value: string): Choice {
  return { name: truncatePlain(name, MAX_CHOICE_LENGTH), value };
}

/** Solar systems for `origin` and `system` options: value is the system id. */
export async function suggestSystems(ctx: BotContext, typed: string): Promise<Choice[]> {
  return searchPlaces(ctx.world().universe, 'solar_systems', typed, MAX_CHOICES).map((system) =>
    choice(displayName(system), String(system.id)),
  );
}

function matchesTyped(definition: ClauseDefinition, needle: string): 0 | 1 | 2 {
  const label = definition.label.toLowerCase();
  if (needle === '' || label.startsWith(needle)) return 2;
  const words = `${label} ${GROUP_TITLES[definition.group].toLowerCase()} ${definition.key}`;
  return words.includes(needle) ? 1 : 0;
}

/** Every clause of the registry, labels first matching the typed text; value is the clause key. */
export function suggestClauses(typed: string, tracker?: TrackerDefinition): Choice[] {
  const needle = typed.trim().toLowerCase();
  const ranked = CLAUSE_DEFINITIONS.map((definition) => ({
    definition,
    rank: matchesTyped(definition, needle),
  }))
    .filter((entry) => entry.rank > 0)
    .sort((a, b) => b.rank - a.rank);
  return ranked.slice(0, MAX_CHOICES).map(({ definition }) => {
    const set = tracker?.clauses[definition.key] !== undefined ? ' (set)' : '';
    return choice(`${definition.label} · ${GROUP_TITLES[definition.group]}${set}`, definition.key);
  });
}

/** A short, name-free summary of a clause value: "10", "1.5b", "yes", "3 items". */
function summarizeClauseValue(definition: ClauseDefinition | undefined, value: ClauseValue): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number')
    return definition ? formatClauseNumber(definition.valueKind, value) : String(value);
  return value.length === 1 ? '1 item' : `${formatCount(value.length)} items`;
}

/** The clauses a tracker has, for remove-clause; value is the clause key. */
export function suggestTrackerClauses(tracker: TrackerDefinition, typed: string): Choice[] {
  const needle = typed.trim().toLowerCase();
  const present = Object.entries(tracker.clauses).map(([key, value]) => {
    const definition = findClause(key);
    return { key, label: definition?.label ?? key, summary: summarizeClauseValue(definition, value) };
  });
  return present
    .filter((entry) => needle === '' || `${entry.label} ${entry.key}`.toLowerCase().includes(needle))
    .slice(0, MAX_CHOICES)
    .map((entry) => choice(`${entry.label}: ${entry.summary}`, entry.key));
}

/** Values for the clause chosen in the same command (`clauseKey` is the clause option as typed). */
export async function suggestClauseValues(
  ctx: BotContext,
  guildId: string,
  clauseKey: string,
  typed: string,
  options: Pick<SourceOptions, 'roles'> = {},
): Promise<Choice[]> {
  const definition = findClauseByInput(clauseKey);
  if (!definition) return [];
  const spec: ValueKindSpec = VALUE_KINDS[definition.valueKind];
  const input = valueInputOf(definition.valueKind);
  switch (input.input) {
    case 'whole_number':
      return numberChoices(typed, parseWholeNumber, spec);
    case 'decimal':
      return numberChoices(typed, parseDecimal, spec);
    case 'isk':
      return iskChoices(typed, spec.suggestions ?? []);
    case 'flag':
      return flagChoices(typed);
    case 'universe':
    case 'catalog':
    case 'entities':
    case 'roles':
      return listChoices(ctx, guildId, input.kind, typed, options);
  }
}

/** The typed number if it reads as one, else the kind's suggestions; with the kind's unit ("7.5 LY"). */
function numberChoices(
  typed: string,
  parse: (text: string) => number | undefined,
  spec: ValueKindSpec,
): Choice[] {
  const value = typed.trim() === '' ? undefined : parse(typed);
  const values = value === undefined ? (spec.suggestions ?? []) : [String(value)];
  return values.map((entry) => choice(spec.unit === undefined ? entry : `${entry} ${spec.unit}`, entry));
}

const YES = choice('yes: turn this condition on', 'yes');
const NO = choice('no: remove this condition', 'no');

function flagChoices(typed: string): Choice[] {
  const flag = parseFlag(typed);
  if (flag !== undefined) return [flag ? YES : NO];
  const text = typed.trim().toLowerCase();
  const matching = [YES, NO].filter((entry) => entry.value.startsWith(text));
  return matching.length > 0 ? matching : [YES, NO];
}

function iskChoice(text: string): Choice | undefined {
  const isk = parseIsk(text);
  if (isk === undefined) return undefined;
  return choice(`${formatIsk(isk)} (${formatCount(isk)} ISK)`, String(isk));
}

/** "500" could mean 500m, 500b, 500k or 500 ISK: offer each, millions first. */
function iskChoices(typed: string, suggestions: readonly string[]): Choice[] {
  const text = typed.trim().toLowerCase();
  if (text === '') return suggestions.map(iskChoice).filter((entry) => entry !== undefined);
  const bareNumber = /^[\d.,]+$/.test(text);
  const candidates = bareNumber ? [`${text}m`, `${text}b`, `${text}k`, text] : [text];
  const choices = candidates.map(iskChoice).filter((entry) => entry !== undefined);
  return [...new Map(choices.map((entry) => [entry.value, entry])).values()];
}

/**
 * Completes the last item of a comma-separated list and keeps the earlier ones: the choice shows the
 * whole list by name, its value lists the earlier items as typed (or as ids when that is too long).
 */
async function listChoices(
  ctx: BotContext,
  guildId: string,
  kind: ListValueKind,
  typed: string,
  options: Pick<SourceOptions, 'roles'>,
): Promise<Choice[]> {
  const { earlier, last } = splitLastItem(typed);
  const source = valueSource(ctx, guildId, kind, options);
  const found = await source.search(last, MAX_CHOICES);
  if (found.length === 0) return [];
  let earlierValues = earlier;
  const longest = Math.max(...found.map((value) => String(value.id).length));
  if ([...earlier, 'x'.repeat(longest)].join(',').length > MAX_CHOICE_LENGTH) {
    const resolved = await source.resolve(earlier, { remote: false });
    earlierValues = earlier.map((item, index) =>
      isDigits(item) ? item : String(resolved[index]?.id ?? item),
    );
  }
  const taken = new Set(earlierValues);
  const prefix = earlier.length > 0 ? `${earlier.join(', ')}, ` : '';
  return found
    .filter((value) => !taken.has(String(value.id)))
    .map((value) => listChoice(prefix, earlierValues, value))
    .filter((entry) => entry !== undefined);
}

function listChoice(prefix: string, earlierValues: readonly string[], value: NamedValue): Choice | undefined {
  const choiceValue = [...earlierValues, String(value.id)].join(',');
  if (choiceValue.length > MAX_CHOICE_LENGTH) return undefined;
  const name = `${prefix}${displayName(value)}`;
  // Keep the end of a long list visible: the item just completed is what the admin is choosing.
  const shown =
    name.length > MAX_CHOICE_LENGTH ? `…${name.slice(name.length - MAX_CHOICE_LENGTH + 1)}` : name;
  return { name: shown, value: choiceValue };
}
