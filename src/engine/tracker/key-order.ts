// A tracker's keys in the documented order (README, Tracker JSON): PostgreSQL's jsonb keeps no key order
// (it stores shorter keys first), so a stored definition is put back in this order before it is shown or
// exported, and every export of the same tracker reads the same way.
import { CLAUSE_KEYS } from '../clauses/registry.ts';
import type { PingRule, TrackerClauses, TrackerDefinition, TrackerPing } from './types.ts';
import { TOP_LEVEL_KEYS } from './validate.ts';

function pingInOrder(ping: TrackerPing): TrackerPing {
  return { everyone: ping.everyone, here: ping.here, roles: ping.roles };
}

function ruleInOrder(rule: PingRule): PingRule {
  return {
    ...(rule.min_value !== undefined && { min_value: rule.min_value }),
    ...(rule.min_attackers !== undefined && { min_attackers: rule.min_attackers }),
    ping: pingInOrder(rule.ping),
  };
}

/** Clauses in the registry's order; a key the registry does not know (none is saved) keeps its place after them. */
function clausesInOrder(clauses: TrackerClauses): TrackerClauses {
  const ordered: TrackerClauses = {};
  for (const key of CLAUSE_KEYS) {
    const value = clauses[key];
    if (value !== undefined) ordered[key] = value;
  }
  for (const [key, value] of Object.entries(clauses)) if (!(key in ordered)) ordered[key] = value;
  return ordered;
}

/** The same tracker with its keys, its pings' and its clauses' in the documented order. */
export function trackerInKeyOrder(tracker: TrackerDefinition): TrackerDefinition {
  const values: Record<string, unknown> = {
    ...tracker,
    ping: pingInOrder(tracker.ping),
    ping_rules: tracker.ping_rules?.map(ruleInOrder),
    // Off is the default and is left out, as the editor saves it.
    fight_report: tracker.fight_report === true ? true : undefined,
    clauses: clausesInOrder(tracker.clauses),
  };
  const ordered: Record<string, unknown> = {};
  for (const key of TOP_LEVEL_KEYS) if (values[key] !== undefined) ordered[key] = values[key];
  return ordered as unknown as TrackerDefinition;
}
