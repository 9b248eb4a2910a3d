// Puts a parsed value into a tracker's clauses: lists typed in a command are added to the list the
// clause already has, numbers replace, and "no" or an empty list removes the clause altogether.
import { setsCondition } from '../../../engine/clauses/describe.ts';
import type { ClauseValue, TrackerClauses, TrackerDefinition } from '../../../engine/index.ts';

export type ListMode = 'merge' | 'replace';

function merged(current: unknown, added: readonly (number | string)[]): (number | string)[] {
  const list = Array.isArray(current) ? [...(current as (number | string)[])] : [];
  for (const item of added) if (!list.includes(item)) list.push(item);
  return list;
}

/** A copy of the definition with the clause set (lists merged or replaced); false and [] remove it. */
export function withClause(
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

export function withoutClause(definition: TrackerDefinition, key: string): TrackerDefinition {
  const clauses: TrackerClauses = { ...definition.clauses };
  delete clauses[key];
  return { ...definition, clauses };
}
