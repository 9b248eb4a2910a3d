// The clause registry: every clause key the tracker format knows, one definition each, in the order the
// Discord editor lists them.
import type { TrackerClauses } from '../tracker/types.ts';
import { attackerClauses } from './attackers.ts';
import { idsOf } from './define.ts';
import { kindClauses, valueClauses } from './kind.ts';
import { locationClauses } from './location.ts';
import { memberClauses } from './members.ts';
import type { ClauseDefinition } from './types.ts';
import { victimClauses } from './victim.ts';

export const CLAUSE_DEFINITIONS: readonly ClauseDefinition[] = [
  ...locationClauses,
  ...attackerClauses,
  ...victimClauses,
  ...valueClauses,
  ...kindClauses,
  ...memberClauses,
];

const byKey = new Map(CLAUSE_DEFINITIONS.map((definition) => [definition.key, definition]));

/** Every clause key, in registry order. */
export const CLAUSE_KEYS: readonly string[] = CLAUSE_DEFINITIONS.map((definition) => definition.key);

/** The definition of a clause key, or undefined when the key is unknown. */
export function findClause(key: string): ClauseDefinition | undefined {
  return byKey.get(key);
}

/** A clause key no definition exists for: a coded error, since validation should have caught it. */
export class UnknownClauseError extends Error {
  readonly code = 'UNKNOWN_CLAUSE';

  constructor(readonly key: string) {
    super(`Unknown clause "${key}". Known clauses: ${CLAUSE_KEYS.join(', ')}`);
    this.name = 'UnknownClauseError';
  }
}

/** The definition of a clause key; throws UnknownClauseError for a key the registry does not know. */
export function getClause(key: string): ClauseDefinition {
  const definition = byKey.get(key);
  if (!definition) throw new UnknownClauseError(key);
  return definition;
}

/** Whether a set clause of the tracker makes its jump counts take routes that avoid high-sec. */
export function routesAvoidHighSec(clauses: TrackerClauses): boolean {
  return Object.entries(clauses).some(
    ([key, value]) => value === true && byKey.get(key)?.effects?.routesAvoidHighSec === true,
  );
}

/** The attacker ship type and group ids whose matches the tracker's alerts report. */
export function reportedAttackerShips(clauses: TrackerClauses): { types: number[]; groups: number[] } {
  const reported = { types: [] as number[], groups: [] as number[] };
  for (const [key, value] of Object.entries(clauses)) {
    const reports = byKey.get(key)?.effects?.reportsAttackerShips;
    if (reports !== undefined) reported[reports].push(...idsOf(value));
  }
  return reported;
}
