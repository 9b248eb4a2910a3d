// Number formatting as EVE players read it: ISK like zKillboard (1.23b), security like the game
// map (0.4), light years and jump counts. Pure and locale-independent, so alerts read the same everywhere.

const ISK_UNITS = ['k', 'm', 'b', 't'] as const;

/** Up to two decimals, trailing zeros dropped: 1.2 -> "1.2", 456.70 -> "456.7", 3.00 -> "3". */
function trimmedDecimals(value: number): string {
  return value.toFixed(2).replace(/\.?0+$/, '');
}

/**
 * ISK the way zKillboard shows it: `1.23b`, `456.7m`, `12.3k`, `950 ISK`, `0 ISK`.
 * A missing or non-finite value (zKillboard gave none) reads "unknown".
 */
export function formatIsk(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'unknown';
  if (value < 0) return `-${formatIsk(-value)}`;
  if (Number(value.toFixed(2)) < 1000) return `${trimmedDecimals(value)} ISK`;
  let scaled = value;
  let unit = 0;
  scaled /= 1000;
  // Move up a unit when rounding would print 1000 of the current one (999,999 ISK is "1m", not "1000k").
  while (unit < ISK_UNITS.length - 1 && Number(scaled.toFixed(2)) >= 1000) {
    scaled /= 1000;
    unit += 1;
  }
  return `${trimmedDecimals(scaled)}${ISK_UNITS[unit]}`;
}

/**
 * Security status as shown in game: one decimal, halves rounded away from zero (-0.05 -> "-0.1",
 * 0.449 -> "0.4"), except 0 < s < 0.05 shows "0.1" because such systems are low-sec.
 */
export function formatSecurity(security: number): string {
  if (!Number.isFinite(security)) return '?';
  if (security > 0 && security < 0.05) return '0.1';
  const tenths = Math.round(Math.abs(security) * 10);
  if (tenths === 0) return '0.0';
  return `${security < 0 ? '-' : ''}${(tenths / 10).toFixed(1)}`;
}

/** Whole numbers with thousands separators: 12345 -> "12,345". */
export function formatCount(value: number): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Light years with two decimals: "2.15 LY". */
export function formatLightYears(lightYears: number): string {
  return `${lightYears.toFixed(2)} LY`;
}

/** "1 jump", "7 jumps", "0 jumps" (the kill is in the origin system). */
export function formatJumps(jumps: number): string {
  return jumps === 1 ? '1 jump' : `${formatCount(jumps)} jumps`;
}
