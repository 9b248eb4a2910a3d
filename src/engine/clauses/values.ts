// Validation of clause values: numbers, flags, EVE id lists and Discord role id lists. Each value kind
// (value-kinds.ts) picks its validator here; each message says what to write instead.
import type { ClauseCheck, ClauseNameKind, ClauseValidationContext } from './types.ts';

/** A list clause holds at most this many ids: more is a mistake (or abuse), never a real tracker. */
const MAX_LIST_LENGTH = 1000;

/** Discord snowflakes are decimal strings of up to 20 digits (they overflow JavaScript numbers). */
const SNOWFLAKE = /^[1-9]\d{0,19}$/;

type Validator = (value: unknown, context: ClauseValidationContext) => ClauseCheck;

export const validateWholeNumber: Validator = (value) =>
  Number.isSafeInteger(value) && (value as number) >= 0
    ? { ok: true, value: value as number }
    : { ok: false, message: `must be a whole number >= 0, got ${show(value)}` };

export const validateDecimal: Validator = (value) =>
  isAmount(value) ? { ok: true, value } : { ok: false, message: `must be a number >= 0, got ${show(value)}` };

export const validateIsk: Validator = (value) =>
  isAmount(value)
    ? { ok: true, value }
    : {
        ok: false,
        message: `must be an amount of ISK >= 0 written out in full (1500000000 for 1.5b), got ${show(value)}`,
      };

export const validateFlag: Validator = (value) =>
  typeof value === 'boolean'
    ? { ok: true, value }
    : { ok: false, message: `must be true or false, got ${show(value)}` };

/** A validator for lists of EVE ids naming `nameKind` (places must exist in the loaded universe). */
export function eveIdsValidator(nameKind: Exclude<ClauseNameKind, 'role'>): Validator {
  // What one id is called in messages: "solar system" for the solar_system name kind.
  const noun = nameKind.replaceAll('_', ' ');
  return (value, context) => {
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
    const unknown = ids.filter((id) => !isKnownPlace(nameKind, id, context));
    if (unknown.length > 0) {
      return {
        ok: false,
        message: `unknown ${noun} id${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}: pick ${noun}s from the loaded SDE (update the SDE if ${unknown.length > 1 ? 'they are' : 'it is'} new)`,
      };
    }
    return { ok: true, value: ids };
  };
}

/** Places must be in the universe when one is given; item types are not checked (new ships precede SDE updates). */
function isKnownPlace(nameKind: ClauseNameKind, id: number, context: ClauseValidationContext): boolean {
  const universe = context.universe;
  if (!universe) return true;
  if (nameKind === 'solar_system') return universe.system(id) !== undefined;
  if (nameKind === 'constellation') return universe.constellation(id) !== undefined;
  if (nameKind === 'region') return universe.region(id) !== undefined;
  return true;
}

export const validateRoleIds: Validator = (value) => {
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
};

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
