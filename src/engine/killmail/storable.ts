// What the database can store of a killmail, checked while parsing so that a document it would refuse is
// "invalid" like any other: ids in PostgreSQL's integer range (ESI declares them int32), text without NUL
// or unpaired surrogates (text and jsonb refuse both), items nested no deeper than a real ship's hold.

export const INT32_MIN = -2_147_483_648;
export const INT32_MAX = 2_147_483_647;

/** Items hold containers holding items: a real killmail nests a few levels, never dozens. */
export const MAX_ITEM_DEPTH = 32;

export const UNSTORABLE_TEXT = 'contains a NUL character or broken Unicode, which the database cannot store';

// NUL is exactly what this looks for.
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000\ud800-\udfff]/;

/** False for text holding NUL or a lone UTF-16 surrogate (valid pairs, i.e. emoji, are fine). */
export function isStorableText(text: string): boolean {
  if (!SUSPECT.test(text)) return true;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0) return false;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return false;
    }
  }
  return true;
}

export interface UnstorablePart {
  /** Path below the checked value, e.g. [3, 'items', 0, 'flag']. */
  path: Array<string | number>;
  reason: string;
}

/**
 * The first part of an arbitrary JSON value the database cannot store (a bad string or key, or nesting
 * deeper than MAX_ITEM_DEPTH), or undefined when all of it can be stored.
 */
export function findUnstorable(value: unknown, depth = 0): UnstorablePart | undefined {
  if (typeof value === 'string')
    return isStorableText(value) ? undefined : { path: [], reason: UNSTORABLE_TEXT };
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth >= MAX_ITEM_DEPTH) return { path: [], reason: `nested deeper than ${MAX_ITEM_DEPTH} levels` };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorable(value[i], depth + 1);
      if (found) return { path: [i, ...found.path], reason: found.reason };
    }
    return undefined;
  }
  for (const key in value) {
    if (!isStorableText(key)) return { path: [key], reason: `its name ${UNSTORABLE_TEXT}` };
    const found = findUnstorable((value as Record<string, unknown>)[key], depth + 1);
    if (found) return { path: [key, ...found.path], reason: found.reason };
  }
  return undefined;
}

/** EVE Online opened in May 2003: an earlier kill time is a broken document. */
export const EARLIEST_KILL_TIME = Date.UTC(2003, 0, 1);
/** Clocks drift and time zones get mixed up, but a kill more than a day ahead has not happened. */
export const KILL_TIME_FUTURE_MS = 24 * 60 * 60_000;

/** Why a kill time (epoch ms) is not one to store, or undefined when it is sane. */
export function killTimeProblem(time: number, now: number): string | undefined {
  if (time < EARLIEST_KILL_TIME) return 'is before EVE Online existed (2003)';
  if (time > now + KILL_TIME_FUTURE_MS) return 'is more than a day in the future';
  return undefined;
}
