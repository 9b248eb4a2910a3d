// The ISK of a kill and of each of its events, computed exactly: a kill's pool is a percentage of its value
// (at most the cap, when set) or a fixed amount per share; each event gets pool × its shares / the kill's
// total shares, rounded to whole ISK (half up). Amounts are kept in micro-ISK bigints so that percentages
// of values with cents never drift.
import type { PpkNoPayReason, PpkPoolRule } from './types.ts';

/** Micro-ISK per ISK. */
const UNIT = 1_000_000n;

/** What decides whether a kill pays. */
export interface KillPayFacts {
  excluded: boolean;
  npc: boolean;
  awox: boolean;
  /** The override, else zKillboard's value; undefined when neither is known. */
  value: number | undefined;
}

/** Why the kill pays nothing (the first that applies), or undefined when it pays. */
export function noPayReason(kill: KillPayFacts): PpkNoPayReason | undefined {
  if (kill.excluded) return 'excluded';
  if (kill.npc) return 'npc';
  if (kill.awox) return 'awox';
  if (kill.value === undefined) return 'no_value';
  return undefined;
}

/** The kill's pool in micro-ISK for `totalShares` shares recorded on it. */
export function poolMicroIsk(rule: PpkPoolRule, value: number, totalShares: number): bigint {
  if (rule.kind === 'fixed') return BigInt(rule.iskPerShare) * UNIT * BigInt(totalShares);
  // Cents × hundredths of a percent = micro-ISK.
  const cents = BigInt(Math.round(value * 100));
  const hundredthsOfPercent = BigInt(Math.round(rule.percent * 100));
  const pool = cents * hundredthsOfPercent;
  if (rule.capIsk === null) return pool;
  const cap = BigInt(rule.capIsk) * UNIT;
  return pool < cap ? pool : cap;
}

/** Whole ISK of `micro` micro-ISK, rounded half up (amounts are never negative). */
export function wholeIsk(micro: bigint): number {
  return Number((micro + UNIT / 2n) / UNIT);
}

/** One event's ISK: pool × shares / totalShares, rounded half up to whole ISK. */
export function eventIsk(pool: bigint, shares: number, totalShares: number): number {
  if (totalShares <= 0 || shares <= 0) return 0;
  const denominator = BigInt(totalShares) * UNIT;
  return Number((pool * BigInt(shares) * 2n + denominator) / (2n * denominator));
}
