// Setting and removing one clause of a tracker, with a line saying what changed. Lists typed in a command
// are added to what the clause had ('merge'), the editor's list box replaces it ('replace'); numbers
// replace; "no" or an empty list removes the clause altogether.
import type { TrackerRow } from '../db/tracker-repository.ts';
import {
  type ClauseDefinition,
  type ClauseValue,
  findClause,
  setsCondition,
  type TrackerClauses,
  type TrackerDefinition,
} from '../engine/index.ts';
import type { TrackerChange } from './change.ts';
import type { TrackerStore } from './deps.ts';
import { updateTracker } from './save.ts';

type ListMode = 'merge' | 'replace';

/** A clause value as understood from what an admin typed or picked. */
export interface ClauseInput {
  value: ClauseValue;
  /** How the value reads in a confirmation, markdown-safe: "1.5b", "yes", or the names of a list. */
  shown: string[];
}

function merged(current: unknown, added: readonly (number | string)[]): (number | string)[] {
  const list = Array.isArray(current) ? [...(current as (number | string)[])] : [];
  for (const item of added) if (!list.includes(item)) list.push(item);
  return list;
}

/** A copy of the definition with the clause set (lists merged or replaced); false and [] remove it. */
function withClause(
  definition: TrackerDefinition,
  key: string,
  value: ClauseValue,
  mode: ListMode,
): TrackerDefinition {
  const clauses: TrackerClauses = { ...definition.clauses };
  const next = Array.isArray(value) && mode === 'merge' ? merged(clauses[key], value) : value;
  if (!setsCondition(next)) delete clauses[key];
  else clauses[key] = (Array.isArray(next) ? [...next] : next) as TrackerClauses[string];
  return { ...definition, clauses };
}

function withoutClause(definition: TrackerDefinition, key: string): TrackerDefinition {
  const clauses: TrackerClauses = { ...definition.clauses };
  delete clauses[key];
  return { ...definition, clauses };
}

function listNotice(
  definition: ClauseDefinition,
  input: ClauseInput,
  before: unknown,
  after: unknown,
  mode: ListMode,
): string {
  const label = `**${definition.label}**`;
  const count = Array.isArray(after) ? after.length : 0;
  if (count === 0) return `${label} removed (the list is empty now).`;
  if (mode === 'replace') return `${label} is now: ${input.shown.join(', ')}.`;
  const had = Array.isArray(before) ? (before as unknown[]) : [];
  const values = input.value as ReadonlyArray<number | string>;
  const added = input.shown.filter((_, index) => !had.includes(values[index]));
  const already = input.shown.filter((_, index) => had.includes(values[index]));
  const parts = [
    added.length > 0 ? `added ${added.join(', ')}` : 'nothing new',
    ...(already.length > 0
      ? [`${already.join(', ')} ${already.length === 1 ? 'was' : 'were'} already there`]
      : []),
  ];
  // Lists typed in a command add to what the clause had, never replace it: say so.
  return `${label}: ${parts.join('; ')} (lists add up: ${count} in all).`;
}

export async function setClause(
  deps: TrackerStore,
  row: TrackerRow,
  definition: ClauseDefinition,
  input: ClauseInput,
  mode: ListMode,
): Promise<TrackerChange> {
  const before = row.definition.clauses[definition.key];
  const saved = await updateTracker(deps, row, (tracker) =>
    withClause(tracker, definition.key, input.value, mode),
  );
  const after = saved.definition.clauses[definition.key];
  const label = `**${definition.label}**`;
  let notice: string;
  if (Array.isArray(input.value)) notice = listNotice(definition, input, before, after, mode);
  else if (input.value === true) notice = `${label} is on.`;
  else if (input.value === false)
    notice = before === undefined ? `${label} was not set; nothing changed.` : `${label} removed.`;
  else notice = `${label} set to ${input.shown.join(', ')}.`;
  return { row: saved, notice };
}

/** Removes a clause by key (a stored key the registry no longer knows can be removed too). */
export async function removeClause(deps: TrackerStore, row: TrackerRow, key: string): Promise<TrackerChange> {
  const saved = await updateTracker(deps, row, (tracker) => withoutClause(tracker, key));
  return { row: saved, notice: `**${findClause(key)?.label ?? key}** removed.` };
}
