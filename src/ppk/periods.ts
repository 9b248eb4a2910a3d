// Payout periods in UTC (EVE time): calendar months `2026-11` and ISO weeks `2026-W48`, as half-open
// [start, end) ranges, and the inclusive days `YYYY-MM-DD` of the export.
import { UserError } from '../user-error.ts';

export interface PpkPeriod {
  /** Canonical text: `2026-11` or `2026-W48`. */
  label: string;
  kind: 'month' | 'week';
  start: Date;
  /** Exclusive. */
  end: Date;
}

const DAY_MS = 86_400_000;

const BAD_PERIOD = 'Write the period as a month like 2026-11 or an ISO week like 2026-W48 (UTC, EVE time).';

/** Reads `2026-11` or `2026-W48` (week 1-53 as the ISO year has them); UserError otherwise. */
export function parsePeriod(text: string): PpkPeriod {
  const trimmed = text.trim().toUpperCase();
  const month = /^(\d{4})-(\d{2})$/.exec(trimmed);
  if (month) {
    const year = Number(month[1]);
    const monthNumber = Number(month[2]);
    if (monthNumber < 1 || monthNumber > 12) throw new UserError(BAD_PERIOD);
    return monthPeriod(year, monthNumber);
  }
  const week = /^(\d{4})-W(\d{1,2})$/.exec(trimmed);
  if (week) {
    const year = Number(week[1]);
    const weekNumber = Number(week[2]);
    if (weekNumber < 1 || weekNumber > isoWeeksInYear(year)) {
      throw new UserError(`${year} has ISO weeks 1 to ${isoWeeksInYear(year)}. ${BAD_PERIOD}`);
    }
    const start = new Date(isoWeekOneMonday(year) + (weekNumber - 1) * 7 * DAY_MS);
    return {
      label: `${year}-W${String(weekNumber).padStart(2, '0')}`,
      kind: 'week',
      start,
      end: new Date(start.getTime() + 7 * DAY_MS),
    };
  }
  throw new UserError(BAD_PERIOD);
}

function monthPeriod(year: number, month: number): PpkPeriod {
  return {
    label: `${year}-${String(month).padStart(2, '0')}`,
    kind: 'month',
    start: new Date(Date.UTC(year, month - 1, 1)),
    end: new Date(Date.UTC(year, month, 1)),
  };
}

/** The calendar month (UTC) that holds `at`. */
export function monthOf(at: Date): PpkPeriod {
  return monthPeriod(at.getUTCFullYear(), at.getUTCMonth() + 1);
}

/** The ISO week (UTC) that holds `at`. */
export function isoWeekOf(at: Date): PpkPeriod {
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  // The Thursday of the same week decides the ISO year.
  const thursday = day + (3 - ((new Date(day).getUTCDay() + 6) % 7)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - isoWeekOneMonday(year)) / (7 * DAY_MS)) + 1;
  return parsePeriod(`${year}-W${week}`);
}

/** Monday 00:00 UTC of ISO week 1 (the week holding 4 January), epoch ms. */
function isoWeekOneMonday(year: number): number {
  const january4 = Date.UTC(year, 0, 4);
  return january4 - ((new Date(january4).getUTCDay() + 6) % 7) * DAY_MS;
}

function isoWeeksInYear(year: number): number {
  return (isoWeekOneMonday(year + 1) - isoWeekOneMonday(year)) / (7 * DAY_MS);
}

/** Reads an export day `YYYY-MM-DD` as its 00:00 UTC; UserError when it is not a real date. */
export function parseDay(text: string, what: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return date;
    }
  }
  throw new UserError(`${what} must be a day written YYYY-MM-DD (UTC), like 2026-11-01; got "${text}".`);
}

/** The half-open range of the inclusive days `from`..`to`. */
export function dayRange(from: string, to: string): { start: Date; end: Date } {
  const start = parseDay(from, '--from');
  const last = parseDay(to, '--to');
  if (last.getTime() < start.getTime()) {
    throw new UserError(`--to (${to}) is before --from (${from}): give the earlier day first.`);
  }
  return { start, end: new Date(last.getTime() + DAY_MS) };
}
