// Tracker descriptions as short sentences for the Discord editor: one phrase per clause, joined.
import type { TrackerDefinition } from '../tracker/types.ts';
import { noNames } from './format.ts';
import { findClause } from './registry.ts';
import type { ClauseNameLookup, ClauseValue } from './types.ts';

export interface DescribeOptions {
  /** The tracker's origin, named in "within 10 jumps of Huola". */
  originSolarSystemId?: number | null;
}

/**
 * A short phrase for one clause, e.g. "within 10 jumps of Huola"; ids without a name show as "#id".
 * An unknown key describes itself, so a stale stored tracker still renders.
 */
export function describeClause(
  key: string,
  value: ClauseValue,
  names: ClauseNameLookup = noNames,
  options: DescribeOptions = {},
): string {
  const definition = findClause(key);
  if (!definition) return `${key}: ${JSON.stringify(value)}`;
  return definition.describe(value, { names, originSolarSystemId: options.originSolarSystemId });
}

/** "Kills within 10 jumps of Huola, with at least 20 attackers", or "Every kill" without clauses. */
export function describeTracker(tracker: TrackerDefinition, names: ClauseNameLookup = noNames): string {
  const phrases: string[] = [];
  for (const [key, value] of Object.entries(tracker.clauses)) {
    if (!setsCondition(value)) continue;
    phrases.push(
      describeClause(key, value, names, { originSolarSystemId: tracker.origin_solar_system_id ?? null }),
    );
  }
  return phrases.length === 0 ? 'Every kill' : `Kills ${phrases.join(', ')}`;
}

/** False flags and empty lists set no condition: they are never stored, and ignored where found. */
export function setsCondition(value: unknown): boolean {
  return value !== false && !(Array.isArray(value) && value.length === 0);
}
