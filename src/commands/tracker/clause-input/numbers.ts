// Numbers as admins type them: ISK with k/m/b/t units ("1.5b"), whole numbers with thousands separators,
// decimals for light years, and yes/no for flags. Each returns undefined for text it cannot read.

const ISK_UNITS: Readonly<Record<string, number>> = {
  '': 1,
  isk: 1,
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mil: 1e6,
  million: 1e6,
  b: 1e9,
  bil: 1e9,
  billion: 1e9,
  t: 1e12,
  trillion: 1e12,
};

// "2,000,000" or "2000000", then optional decimals; commas only as thousands separators, so "1,5b" is
// refused rather than read as 15 billion.
const AMOUNT = /^(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?$/;

/** Splits "1.5 b" into its number and unit text, with spaces and underscores between digits removed. */
function numberAndUnit(text: string): { amount: string; unit: string } | undefined {
  const compact = text
    .trim()
    .toLowerCase()
    .replace(/(\d)[ _](?=\d)/g, '$1');
  const match = /^([\d.,]+)\s*([a-z]*)\s*(isk)?$/.exec(compact);
  if (!match) return undefined;
  return { amount: match[1] ?? '', unit: match[2] ?? '' };
}

function readAmount(amount: string): number | undefined {
  const match = AMOUNT.exec(amount);
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  const value = Number(`${(match[1] ?? '0').replaceAll(',', '')}${match[2] ?? ''}`);
  return Number.isFinite(value) ? value : undefined;
}

/** ISK in full: "500m" -> 500000000, "1.5b", "2,000,000", "750k", "1t"; rounded to whole cents. */
export function parseIsk(text: string): number | undefined {
  const parts = numberAndUnit(text);
  if (!parts) return undefined;
  const multiplier = ISK_UNITS[parts.unit];
  const amount = readAmount(parts.amount);
  if (multiplier === undefined || amount === undefined) return undefined;
  const isk = Math.round(amount * multiplier * 100) / 100;
  return Number.isFinite(isk) && isk <= Number.MAX_SAFE_INTEGER ? isk : undefined;
}

// Unit words an admin may add after a count ("10 jumps", "20 attackers"); anything else is refused.
const COUNT_UNITS = new Set(['', 'j', 'jump', 'jumps', 'attacker', 'attackers', 'pilot', 'pilots']);

/** A whole number >= 0: "10", "1,000", "10 jumps". */
export function parseWholeNumber(text: string): number | undefined {
  const parts = numberAndUnit(text);
  if (!parts || !COUNT_UNITS.has(parts.unit) || parts.amount.includes('.')) return undefined;
  const value = readAmount(parts.amount);
  return value !== undefined && Number.isSafeInteger(value) ? value : undefined;
}

/** A number >= 0 that may have decimals, e.g. light years: "6", "6.5", "7.5 ly". */
export function parseDecimal(text: string): number | undefined {
  const parts = numberAndUnit(text);
  if (!parts || (parts.unit !== '' && parts.unit !== 'ly')) return undefined;
  return readAmount(parts.amount);
}

const YES = new Set(['yes', 'y', 'true', 'on', '1', 'enable', 'enabled']);
const NO = new Set(['no', 'n', 'false', 'off', '0', 'disable', 'disabled']);

/** yes/no, true/false, on/off. */
export function parseFlag(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return undefined;
}
