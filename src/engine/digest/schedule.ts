// When digests are due: a daily digest covers the 24 hours ending at its hour (UTC); a weekly one the 7
// days ending on Monday at its hour. On demand, the period ends now.
import type { DigestPeriod } from '../tracker/types.ts';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export interface DigestWindow {
  period: DigestPeriod;
  /** Epoch ms, inclusive. */
  start: number;
  /** Epoch ms, exclusive. */
  end: number;
}

export function periodLength(period: DigestPeriod): number {
  return period === 'daily' ? DAY_MS : 7 * DAY_MS;
}

/** The newest scheduled end at or before `now`: today's (or Monday's) `hour`:00 UTC, or the one before. */
export function latestScheduledWindow(period: DigestPeriod, hour: number, now: number): DigestWindow {
  const day = Math.floor(now / DAY_MS) * DAY_MS;
  let end = day + hour * HOUR_MS;
  if (period === 'weekly') {
    // getUTCDay: 0 = Sunday, 1 = Monday.
    const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
    end -= sinceMonday * DAY_MS;
  }
  if (end > now) end -= periodLength(period);
  return { period, start: end - periodLength(period), end };
}

/** The period that ends now (/tracker digest). */
export function windowEndingAt(period: DigestPeriod, now: number): DigestWindow {
  return { period, start: now - periodLength(period), end: now };
}
