// Validation of the tracker JSON format (version 1): returns the tracker with defaults filled in, or every
// problem at once, each naming its key and saying what to write instead.
import { CLAUSE_DEFINITIONS, CLAUSE_KEYS, findClause } from '../clauses/registry.ts';
import type { ClauseValue } from '../clauses/types.ts';
import { isSnowflake, show } from '../clauses/values.ts';
import { DISCORD_LIMITS } from '../render/limits.ts';
import type { Universe } from '../universe/types.ts';
import { validateDigest, validateDigestHour } from '../digest/options.ts';
import { didYouMean } from './nearest-keys.ts';
import { validatePingCooldown, validatePingRules } from './ping-rules.ts';
import type { TrackerClauses, TrackerDefinition, TrackerPing } from './types.ts';

export interface TrackerProblem {
  /** Where the problem is: "name", "ping.roles", "clauses.require_max_jumps", or "" for the whole value. */
  key: string;
  message: string;
}

export type TrackerValidation =
  { ok: true; tracker: TrackerDefinition } | { ok: false; problems: TrackerProblem[] };

export interface ValidateTrackerOptions {
  /** When given, the origin and listed systems, constellations and regions must exist in it. */
  universe?: Universe;
  /**
   * The most entries one list clause may hold where the tracker is being saved (a bot setting); without it
   * only the engine's ceiling applies, so a tracker saved under a raised limit still loads.
   */
  maxListEntries?: number;
}

const TRACKER_NAME_MAX_LENGTH = 100;
export const TRACKER_DESCRIPTION_MAX_LENGTH = 1000;

/** A tracker's keys in the documented order (README, Tracker JSON): what validation accepts and exports print. */
export const TOP_LEVEL_KEYS = [
  'version',
  'name',
  'description',
  'enabled',
  'origin_solar_system_id',
  'max_age_minutes',
  'color',
  'title',
  'ping',
  'ping_rules',
  'ping_cooldown_minutes',
  'ppk',
  'digest',
  'digest_hour',
  'fight_report',
  'clauses',
];
const PING_KEYS = ['everyone', 'here', 'roles'];
const COLOR = /^#[0-9a-fA-F]{6}$/;

/** Validates one tracker object; defaults: enabled true, no ping, ppk false, no fight report, no clauses. */
export function validateTracker(value: unknown, options: ValidateTrackerOptions = {}): TrackerValidation {
  if (!isRecord(value)) {
    return {
      ok: false,
      problems: [{ key: '', message: `must be a tracker object ({"version": 1, ...}), got ${show(value)}` }],
    };
  }
  const problems: TrackerProblem[] = [];
  const problem: Report = (key, message) => problems.push({ key, message });

  for (const key of Object.keys(value)) {
    if (!TOP_LEVEL_KEYS.includes(key)) {
      problem(key, withHint(`unknown key; a tracker has ${TOP_LEVEL_KEYS.join(', ')}`, key, TOP_LEVEL_KEYS));
    }
  }
  if (value.version === undefined) problem('version', 'missing: add "version": 1');
  else if (value.version !== 1)
    problem('version', `must be 1 (the only tracker format so far), got ${show(value.version)}`);

  const name = readText(value, 'name', TRACKER_NAME_MAX_LENGTH, problem);
  if (value.name === undefined || value.name === null) {
    problem('name', 'missing: give the tracker a name, e.g. "Caps near home"');
  }
  const description = readText(value, 'description', TRACKER_DESCRIPTION_MAX_LENGTH, problem);
  const title = readText(value, 'title', DISCORD_LIMITS.title, problem);
  const enabled = readFlag(value, 'enabled', true, problem);
  const ppk = readFlag(value, 'ppk', false, problem);
  const fightReport = readFlag(value, 'fight_report', false, problem);
  const origin = readOrigin(value.origin_solar_system_id, options, problem);
  const maxAge = readMaxAge(value.max_age_minutes, problem);
  const color = readColor(value.color, problem);
  const ping = validatePing(value.ping, problem);
  const pingRules = validatePingRules(value.ping_rules, problem);
  const pingCooldown = validatePingCooldown(value.ping_cooldown_minutes, problem);
  const digest = validateDigest(value.digest, problem);
  const digestHour = validateDigestHour(value.digest_hour, value.digest, problem);
  const hasOrigin = value.origin_solar_system_id !== undefined && value.origin_solar_system_id !== null;
  const clauses = validateClauses(value.clauses, hasOrigin, options, problem);

  if (problems.length > 0 || name === undefined) return { ok: false, problems };
  // Built in the documented key order, so exported trackers read the same way every time.
  const tracker: TrackerDefinition = {
    version: 1,
    name,
    ...(description !== undefined && { description }),
    enabled,
    ...(origin !== undefined && { origin_solar_system_id: origin }),
    ...(maxAge !== undefined && { max_age_minutes: maxAge }),
    ...(color !== undefined && { color }),
    ...(title !== undefined && { title }),
    ping,
    ...(pingRules !== undefined && { ping_rules: pingRules }),
    ...(pingCooldown !== undefined && { ping_cooldown_minutes: pingCooldown }),
    ppk,
    ...(digest !== undefined && { digest }),
    ...(digestHour !== undefined && { digest_hour: digestHour }),
    ...(fightReport && { fight_report: true }),
    clauses,
  };
  return { ok: true, tracker };
}

export interface TrackerBatchProblem extends TrackerProblem {
  /** Position of the tracker in the input array (0 for a single object). */
  index: number;
  /** Its name when it has a readable one, to find it in a long file. */
  name: string | undefined;
}

export type TrackerBatchValidation =
  { ok: true; trackers: TrackerDefinition[] } | { ok: false; problems: TrackerBatchProblem[] };

/**
 * Validates one tracker object or an array of them (an import or `replay --trackers` file). Problems of
 * an array item carry its index in the key ("[2].clauses.require_max_jumps") and its name.
 */
export function validateTrackers(
  value: unknown,
  options: ValidateTrackerOptions = {},
): TrackerBatchValidation {
  if (!Array.isArray(value)) {
    const result = validateTracker(value, options);
    if (result.ok) return { ok: true, trackers: [result.tracker] };
    return {
      ok: false,
      problems: result.problems.map((found) => ({ ...found, index: 0, name: nameOf(value) })),
    };
  }
  const trackers: TrackerDefinition[] = [];
  const problems: TrackerBatchProblem[] = [];
  value.forEach((item: unknown, index) => {
    const result = validateTracker(item, options);
    if (result.ok) {
      trackers.push(result.tracker);
      return;
    }
    for (const found of result.problems) {
      problems.push({
        key: found.key === '' ? `[${index}]` : `[${index}].${found.key}`,
        message: found.message,
        index,
        name: nameOf(item),
      });
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, trackers };
}

type Report = (key: string, message: string) => void;

function validatePing(value: unknown, problem: Report): TrackerPing {
  const ping: TrackerPing = { everyone: false, here: false, roles: [] };
  if (value === undefined || value === null) return ping;
  if (!isRecord(value)) {
    problem(
      'ping',
      `must be an object like {"here": true, "roles": ["123456789012345678"]}, got ${show(value)}`,
    );
    return ping;
  }
  for (const key of Object.keys(value)) {
    if (!PING_KEYS.includes(key)) {
      problem(`ping.${key}`, withHint(`unknown key; ping has ${PING_KEYS.join(', ')}`, key, PING_KEYS));
    }
  }
  for (const key of ['everyone', 'here'] as const) {
    const flag = value[key] ?? false;
    if (typeof flag === 'boolean') ping[key] = flag;
    else problem(`ping.${key}`, `must be true or false, got ${show(flag)}`);
  }
  const roles = value.roles ?? [];
  if (!Array.isArray(roles)) {
    problem(
      'ping.roles',
      `must be a list of Discord role ids, e.g. ["123456789012345678"], got ${show(roles)}`,
    );
  } else if (roles.length > DISCORD_LIMITS.allowedRoles) {
    problem(
      'ping.roles',
      `pings at most ${DISCORD_LIMITS.allowedRoles} roles (Discord's limit), got ${roles.length}: remove ${roles.length - DISCORD_LIMITS.allowedRoles} of them, or ping a role those members share`,
    );
  } else {
    roles.forEach((role: unknown, index) => {
      if (!isSnowflake(role)) {
        problem(
          `ping.roles[${index}]`,
          `must be a Discord role id written as a string of digits, got ${show(role)}`,
        );
      } else if (!ping.roles.includes(role)) {
        ping.roles.push(role);
      }
    });
  }
  return ping;
}

function validateClauses(
  value: unknown,
  hasOrigin: boolean,
  options: ValidateTrackerOptions,
  problem: Report,
): TrackerClauses {
  const clauses: TrackerClauses = {};
  if (value === undefined || value === null) return clauses;
  if (!isRecord(value)) {
    problem(
      'clauses',
      `must be an object of clause keys, e.g. {"require_min_attackers": 20}, got ${show(value)}`,
    );
    return clauses;
  }
  const valid: Record<string, ClauseValue> = {};
  for (const [key, raw] of Object.entries(value)) {
    const definition = findClause(key);
    if (!definition) {
      const hint = didYouMean(key, CLAUSE_KEYS);
      problem(
        `clauses.${key}`,
        hint === undefined
          ? `unknown clause; known clauses: ${CLAUSE_KEYS.join(', ')}`
          : `unknown clause; ${hint}`,
      );
      continue;
    }
    const checked = definition.validate(raw, {
      universe: options.universe,
      maxListEntries: options.maxListEntries,
    });
    if (checked.ok) valid[key] = checked.value;
    else problem(`clauses.${key}`, checked.message);
  }
  for (const [key, clauseValue] of Object.entries(valid)) {
    const message = findClause(key)?.crossCheck?.(clauseValue, { hasOrigin, clauses: valid });
    if (message) problem(`clauses.${key}`, message);
  }
  const spaceClassClauses = CLAUSE_DEFINITIONS.filter((definition) => definition.excludesSpaceClass);
  if (spaceClassClauses.every((definition) => valid[definition.key] === true)) {
    problem(
      'clauses',
      'excludes every space class, so no killmail can match: remove one of the exclude_* space clauses',
    );
  }
  for (const [key, clauseValue] of Object.entries(valid)) {
    clauses[key] = clauseValue as TrackerClauses[string];
  }
  return clauses;
}

function withHint(message: string, typed: string, known: readonly string[]): string {
  const hint = didYouMean(typed, known);
  return hint === undefined ? message : `${message}; ${hint}`;
}

/** Optional trimmed text; undefined when absent or invalid (the problem is reported). */
function readText(
  record: Record<string, unknown>,
  key: string,
  maxLength: number,
  problem: Report,
): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    problem(key, `must be text, got ${show(value)}`);
    return undefined;
  }
  const text = value.trim();
  if (text === '') problem(key, 'must not be empty: write some text or leave the key out');
  else if (text.length > maxLength)
    problem(key, `is ${text.length} characters long; shorten it to ${maxLength} characters or fewer`);
  else return text;
  return undefined;
}

function readFlag(record: Record<string, unknown>, key: string, fallback: boolean, problem: Report): boolean {
  const value = record[key] ?? fallback;
  if (typeof value === 'boolean') return value;
  problem(key, `must be true or false, got ${show(value)}`);
  return fallback;
}

function readOrigin(
  value: unknown,
  options: ValidateTrackerOptions,
  problem: Report,
): number | null | undefined {
  if (value === undefined || value === null) return value;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    problem('origin_solar_system_id', `must be a solar system id like 30003067, got ${show(value)}`);
    return undefined;
  }
  if (options.universe && !options.universe.system(value)) {
    problem(
      'origin_solar_system_id',
      `unknown solar system ${value}: pick a system from the loaded SDE (update the SDE if it is new)`,
    );
    return undefined;
  }
  return value;
}

/** 7 days: older kills are history (previews), not alerts; and a delivery never waits on one forever. */
const MAX_AGE_MINUTES_LIMIT = 7 * 24 * 60;

function readMaxAge(value: unknown, problem: Report): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (
    typeof value === 'number' &&
    Number.isSafeInteger(value) &&
    value >= 1 &&
    value <= MAX_AGE_MINUTES_LIMIT
  ) {
    return value;
  }
  problem(
    'max_age_minutes',
    `must be a whole number of minutes from 1 to ${MAX_AGE_MINUTES_LIMIT} (7 days), got ${show(value)}`,
  );
  return undefined;
}

function readColor(value: unknown, problem: Report): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && COLOR.test(value)) return value;
  problem('color', `must be a colour like "#ff5500", got ${show(value)}`);
  return undefined;
}

function nameOf(value: unknown): string | undefined {
  return isRecord(value) && typeof value.name === 'string' && value.name.trim() !== ''
    ? value.name.trim()
    : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Thrown where an invalid tracker cannot simply be reported (e.g. loading a stored one into the matcher). */
export class InvalidTrackerError extends Error {
  readonly code = 'INVALID_TRACKER';

  constructor(
    readonly trackerName: string | undefined,
    readonly problems: readonly TrackerProblem[],
  ) {
    const where = trackerName === undefined ? 'Tracker' : `Tracker "${trackerName}"`;
    const list = problems.map((found) =>
      found.key === '' ? found.message : `${found.key}: ${found.message}`,
    );
    super(`${where} is invalid; fix it and save it again: ${list.join('; ')}`);
    this.name = 'InvalidTrackerError';
  }
}
