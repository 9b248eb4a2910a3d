// A tracker's keys in the documented order (README, Tracker JSON): PostgreSQL's jsonb keeps no key order
// (it stores shorter keys first), so a stored definition is put back in this order before it is shown or
// exported, and every export of the same tracker reads the same way.
import { CLAUSE_KEYS } from '../clauses/registry.ts';
import type { PingRule, TrackerClauses, TrackerDefinition, TrackerPing } from './types.ts';

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
  return {
    version: tracker.version,
    name: tracker.name,
    ...(tracker.description !== undefined && { description: tracker.description }),
    enabled: tracker.enabled,
    ...(tracker.origin_solar_system_id !== undefined && {
      origin_solar_system_id: tracker.origin_solar_system_id,
    }),
    ...(tracker.max_age_minutes !== undefined && { max_age_minutes: tracker.max_age_minutes }),
    ...(tracker.color !== undefined && { color: tracker.color }),
    ...(tracker.title !== undefined && { title: tracker.title }),
    ping: pingInOrder(tracker.ping),
    ...(tracker.ping_rules !== undefined && { ping_rules: tracker.ping_rules.map(ruleInOrder) }),
    ...(tracker.ping_cooldown_minutes !== undefined && {
      ping_cooldown_minutes: tracker.ping_cooldown_minutes,
    }),
    ppk: tracker.ppk,
    ...(tracker.digest !== undefined && { digest: tracker.digest }),
    ...(tracker.digest_hour !== undefined && { digest_hour: tracker.digest_hour }),
    ...(tracker.fight_report === true && { fight_report: true }),
    clauses: clausesInOrder(tracker.clauses),
  };
}
