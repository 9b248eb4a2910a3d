// Validation of clause values by value kind: numbers, flags, EVE id lists and Discord role id lists.
// Each message says what to write instead.
import { NAME_KINDS } from './format.ts';
import type { ClauseCheck, ClauseValidationContext, ClauseValueKind } from './types.ts';

/** A list clause holds at most this many ids: more is a mistake (or abuse), never a real tracker. */
const MAX_LIST_LENGTH = 1000;

/** Discord snowflakes are decimal strings of up to 20 digits (they overflow JavaScript numbers). */
const SNOWFLAKE = /^[1-9]\d{0,19}$/;

export function validateClauseValue(
  kind: ClauseValueKind,
  value: unknown,
  context: ClauseValidationContext,
): ClauseCheck {
  switch (kind) {
    case 'int':
      return Number.isSafeInteger(value) && (value as number) >= 0
        ? { ok: true, value: value as number }
        : { ok: false, message: `must be a whole number >= 0, got ${show(value)}` };
    case 'number':
      return isAmount(value)
        ? { ok: true, value }
        : { ok: false, message: `must be a number >= 0, got ${show(value)}` };
    case 'isk':
      return isAmount(value)
        ? { ok: true, value }
        : {
            ok: false,
            message: `must be an amount of ISK >= 0 written out in full (1500000000 for 1.5b), got ${show(value)}`,
          };
    case 'flag':
      return typeof value === 'boolean'
        ? { ok: true, value }
        : { ok: false, message: `must be true or false, got ${show(value)}` };
    case 'roles':
      return validateRoleIds(value);
    default:
      return validateEveIds(kind, value, context);
  }
}

function validateEveIds(
  kind: ClauseValueKind,
  value: unknown,
  context: ClauseValidationContext,
): ClauseCheck {
  // What one id is called in messages: "solar system" for the solar_system name kind.
  const noun = NAME_KINDS[kind]?.replaceAll('_', ' ') ?? 'EVE';
  if (!Array.isArray(value))
    return { ok: false, message: `must be a list of ${noun} ids, e.g. [123], got ${show(value)}` };
  if (value.length > MAX_LIST_LENGTH) {
    return {
      ok: false,
      message: `lists at most ${MAX_LIST_LENGTH} ids, got ${value.length}: split the tracker`,
    };
  }
  const ids: number[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < value.length; i++) {
    const id: unknown = value[i];
    if (!Number.isSafeInteger(id) || (id as number) <= 0) {
      return {
        ok: false,
        message: `item ${i} must be ${withArticle(noun)} id (a whole number > 0), got ${show(id)}`,
      };
    }
    if (!seen.has(id as number)) {
      seen.add(id as number);
      ids.push(id as number);
    }
  }
  const unknown = context.universe ? unknownLocations(kind, ids, context) : [];
  if (unknown.length > 0) {
    return {
      ok: false,
      message: `unknown ${noun} id${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: pick ${noun}s from the loaded SDE (update the SDE if ${unknown.length > 1 ? 'they are' : 'it is'} new)`,
    };
  }
  return { ok: true, value: ids };
}

/** Location ids the universe does not know (item types are not checked: new ships precede SDE updates). */
function unknownLocations(
  kind: ClauseValueKind,
  ids: readonly number[],
  context: ClauseValidationContext,
): number[] {
  const universe = context.universe;
  if (!universe) return [];
  if (kind === 'solar_systems') return ids.filter((id) => universe.system(id) === undefined);
  if (kind === 'constellations') return ids.filter((id) => universe.constellation(id) === undefined);
  if (kind === 'regions') return ids.filter((id) => universe.region(id) === undefined);
  return [];
}

function validateRoleIds(value: unknown): ClauseCheck {
  if (!Array.isArray(value)) {
    return {
      ok: false,
      message: `must be a list of Discord role ids, e.g. ["123456789012345678"], got ${show(value)}`,
    };
  }
  if (value.length > MAX_LIST_LENGTH) {
    return {
      ok: false,
      message: `lists at most ${MAX_LIST_LENGTH} roles, got ${value.length}: keep only the roles that matter`,
    };
  }
  const roles: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const role: unknown = value[i];
    if (!isSnowflake(role)) {
      return {
        ok: false,
        message: `item ${i} must be a Discord role id written as a string of digits, e.g. "123456789012345678", got ${show(role)}`,
      };
    }
    if (!roles.includes(role)) roles.push(role);
  }
  return { ok: true, value: roles };
}

export function isSnowflake(value: unknown): value is string {
  return typeof value === 'string' && SNOWFLAKE.test(value);
}

function withArticle(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

function isAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/** A short rendering of a bad value for messages. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}
