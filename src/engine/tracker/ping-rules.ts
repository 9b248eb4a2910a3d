// Tiered pings: a tracker's ordered ping rules (the first whose conditions a kill meets decides who is
// pinged; none met = no ping) and its ping cooldown, as they are written in the tracker JSON.
import { isSnowflake, show } from '../clauses/values.ts';
import { formatCount, formatIsk } from '../format.ts';
import { DISCORD_LIMITS } from '../render/limits.ts';
import type { PingRule, TrackerDefinition, TrackerPing } from './types.ts';

type Report = (key: string, message: string) => void;

/** More rules than this is a mistake: three or four tiers are what alliances use. */
export const MAX_PING_RULES = 10;
/** A day: a longer silence is a disabled ping, which the rules already express. */
export const MAX_PING_COOLDOWN_MINUTES = 24 * 60;

const RULE_KEYS = ['min_value', 'min_attackers', 'ping'];
const PING_KEYS = ['everyone', 'here', 'roles'];
const NO_PING: TrackerPing = { everyone: false, here: false, roles: [] };

/** Facts of a kill the rules read. */
export interface PingFacts {
  /** ISK; undefined when zKillboard gave no value (then no min_value rule matches). */
  value: number | undefined;
  attackerCount: number;
}

/** Whether a kill meets every condition of the rule (a rule without conditions matches every kill). */
export function pingRuleMatches(rule: PingRule, facts: PingFacts): boolean {
  if (rule.min_value !== undefined && (facts.value === undefined || facts.value < rule.min_value))
    return false;
  if (rule.min_attackers !== undefined && facts.attackerCount < rule.min_attackers) return false;
  return true;
}

/** Who an alert of this tracker pings for the kill: the first matching rule's ping, or `ping` without rules. */
export function pingForKill(tracker: TrackerDefinition, facts: PingFacts): TrackerPing {
  const rules = tracker.ping_rules;
  if (rules === undefined || rules.length === 0) return tracker.ping;
  return rules.find((rule) => pingRuleMatches(rule, facts))?.ping ?? NO_PING;
}

export function pingsAnyone(ping: TrackerPing): boolean {
  return ping.everyone || ping.here || ping.roles.length > 0;
}

/** Every ping the tracker may make (its ping and every rule's), for permission checks. */
export function everyPossiblePing(tracker: Pick<TrackerDefinition, 'ping' | 'ping_rules'>): TrackerPing {
  const all = [tracker.ping, ...(tracker.ping_rules ?? []).map((rule) => rule.ping)];
  return {
    everyone: all.some((ping) => ping.everyone),
    here: all.some((ping) => ping.here),
    roles: [...new Set(all.flatMap((ping) => ping.roles))],
  };
}

/** "≥ 1b ISK and ≥ 30 attackers", or "any kill" for a rule without conditions. */
export function describePingRuleCondition(rule: PingRule): string {
  const parts: string[] = [];
  if (rule.min_value !== undefined) parts.push(`≥ ${formatIsk(rule.min_value)} ISK`);
  if (rule.min_attackers !== undefined) parts.push(`≥ ${formatCount(rule.min_attackers)} attackers`);
  return parts.length === 0 ? 'any kill' : parts.join(' and ');
}

export function validatePingRules(value: unknown, problem: Report): PingRule[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    problem(
      'ping_rules',
      `must be a list of rules like [{"min_value": 1000000000, "ping": {"roles": ["123456789012345678"]}}], got ${show(value)}`,
    );
    return undefined;
  }
  if (value.length > MAX_PING_RULES) {
    problem('ping_rules', `holds at most ${MAX_PING_RULES} rules, got ${value.length}: merge some tiers`);
    return undefined;
  }
  const rules: PingRule[] = [];
  value.forEach((item: unknown, index) => {
    const rule = validateRule(item, `ping_rules[${index}]`, problem);
    if (rule) rules.push(rule);
  });
  return rules.length === value.length && rules.length > 0 ? rules : undefined;
}

function validateRule(value: unknown, key: string, problem: Report): PingRule | undefined {
  if (!isRecord(value)) {
    problem(
      key,
      `must be a rule object like {"min_attackers": 30, "ping": {"here": true}}, got ${show(value)}`,
    );
    return undefined;
  }
  let ok = true;
  for (const name of Object.keys(value)) {
    if (!RULE_KEYS.includes(name)) {
      problem(`${key}.${name}`, `unknown key; a ping rule has ${RULE_KEYS.join(', ')}`);
      ok = false;
    }
  }
  const rule: PingRule = { ping: NO_PING };
  if (value.min_value !== undefined) {
    const isk = value.min_value;
    if (typeof isk === 'number' && Number.isFinite(isk) && isk >= 0) rule.min_value = isk;
    else {
      problem(
        `${key}.min_value`,
        `must be an amount of ISK >= 0 written out in full (1000000000 for 1b), got ${show(isk)}`,
      );
      ok = false;
    }
  }
  if (value.min_attackers !== undefined) {
    const count = value.min_attackers;
    if (Number.isSafeInteger(count) && (count as number) >= 1) rule.min_attackers = count as number;
    else {
      problem(`${key}.min_attackers`, `must be a whole number >= 1, got ${show(count)}`);
      ok = false;
    }
  }
  const ping = validateRulePing(value.ping, `${key}.ping`, problem);
  if (ping === undefined) return undefined;
  rule.ping = ping;
  return ok ? rule : undefined;
}

function validateRulePing(value: unknown, key: string, problem: Report): TrackerPing | undefined {
  if (!isRecord(value)) {
    problem(
      key,
      `must be an object like {"here": true, "roles": ["123456789012345678"]} ({} pings nobody), got ${show(value)}`,
    );
    return undefined;
  }
  let ok = true;
  for (const name of Object.keys(value)) {
    if (!PING_KEYS.includes(name)) {
      problem(`${key}.${name}`, `unknown key; ping has ${PING_KEYS.join(', ')}`);
      ok = false;
    }
  }
  const ping: TrackerPing = { everyone: false, here: false, roles: [] };
  for (const flag of ['everyone', 'here'] as const) {
    const raw = value[flag] ?? false;
    if (typeof raw === 'boolean') ping[flag] = raw;
    else {
      problem(`${key}.${flag}`, `must be true or false, got ${show(raw)}`);
      ok = false;
    }
  }
  const roles = value.roles ?? [];
  if (!Array.isArray(roles) || roles.length > DISCORD_LIMITS.allowedRoles) {
    problem(
      `${key}.roles`,
      `must be a list of at most ${DISCORD_LIMITS.allowedRoles} Discord role ids, got ${show(roles)}`,
    );
    return undefined;
  }
  roles.forEach((role: unknown, index) => {
    if (!isSnowflake(role)) {
      problem(
        `${key}.roles[${index}]`,
        `must be a Discord role id written as a string of digits, got ${show(role)}`,
      );
      ok = false;
    } else if (!ping.roles.includes(role)) ping.roles.push(role);
  });
  return ok ? ping : undefined;
}

export function validatePingCooldown(value: unknown, problem: Report): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= MAX_PING_COOLDOWN_MINUTES)
    return value as number;
  problem(
    'ping_cooldown_minutes',
    `must be a whole number of minutes from 1 to ${MAX_PING_COOLDOWN_MINUTES} (a day), got ${show(value)}`,
  );
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
