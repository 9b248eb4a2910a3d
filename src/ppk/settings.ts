// Validation of PPK settings changes: each bad value is a UserError that says what is allowed.
import { UserError } from '../user-error.ts';
import { PPK_EVENT_LABELS, type PpkEventType, type PpkSettings, type PpkSettingsPatch } from './types.ts';

export const MAX_SHARES = 1000;
export const MAX_CLAIM_WINDOW_DAYS = 90;
/** Above any kill's value (the most expensive ones are in the hundreds of billions). */
export const MAX_ISK = 10_000_000_000_000;

/** The settings after `patch`, or a UserError naming the first bad value. */
export function applySettingsPatch(current: PpkSettings, patch: PpkSettingsPatch): PpkSettings {
  const next: PpkSettings = structuredClone(current);
  if (patch.shares) {
    for (const [type, count] of Object.entries(patch.shares) as Array<[PpkEventType, number | undefined]>) {
      if (count === undefined) continue;
      if (!Number.isInteger(count) || count < 0 || count > MAX_SHARES) {
        throw new UserError(
          `Shares for ${PPK_EVENT_LABELS[type]} must be a whole number from 0 to ${MAX_SHARES}; got ${count}.`,
        );
      }
      next.shares[type] = count;
    }
  }
  if (patch.pool) {
    const pool = patch.pool;
    if (pool.kind === 'percent') {
      if (!Number.isFinite(pool.percent) || pool.percent <= 0 || pool.percent > 100) {
        throw new UserError(`The percentage must be more than 0 and at most 100; got ${pool.percent}.`);
      }
      if (Math.round(pool.percent * 100) !== pool.percent * 100) {
        throw new UserError(`The percentage takes at most two decimals, like 12.5; got ${pool.percent}.`);
      }
      if (pool.capIsk !== null) checkIsk(pool.capIsk, 'The cap per kill');
      next.pool = { kind: 'percent', percent: pool.percent, capIsk: pool.capIsk };
    } else {
      checkIsk(pool.iskPerShare, 'The ISK per share');
      next.pool = { kind: 'fixed', iskPerShare: pool.iskPerShare };
    }
  }
  if (patch.claimWindowDays !== undefined) {
    const days = patch.claimWindowDays;
    if (!Number.isInteger(days) || days < 1 || days > MAX_CLAIM_WINDOW_DAYS) {
      throw new UserError(
        `The claim window is a whole number of days from 1 to ${MAX_CLAIM_WINDOW_DAYS}; got ${days}.`,
      );
    }
    next.claimWindowDays = days;
  }
  if (patch.managerRoleId !== undefined) next.managerRoleId = patch.managerRoleId;
  return next;
}

function checkIsk(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 1 || value > MAX_ISK) {
    throw new UserError(
      `${what} must be a whole number of ISK from 1 to ${MAX_ISK.toLocaleString('en-US')}; got ${value}.`,
    );
  }
}
