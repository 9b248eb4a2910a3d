// The digest settings of the tracker JSON: "digest": "daily" | "weekly" and "digest_hour" (0-23, UTC).
import { show } from '../clauses/values.ts';
import type { DigestPeriod } from '../tracker/types.ts';

type Report = (key: string, message: string) => void;

export const DIGEST_PERIODS: readonly DigestPeriod[] = ['daily', 'weekly'];

export function validateDigest(value: unknown, problem: Report): DigestPeriod | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && (DIGEST_PERIODS as readonly string[]).includes(value))
    return value as DigestPeriod;
  problem('digest', `must be "daily" or "weekly" (leave it out for no digest), got ${show(value)}`);
  return undefined;
}

export function validateDigestHour(value: unknown, digest: unknown, problem: Report): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) > 23) {
    problem('digest_hour', `must be a whole hour from 0 to 23 (UTC), got ${show(value)}`);
    return undefined;
  }
  if (digest === undefined || digest === null) {
    problem(
      'digest_hour',
      'is set without "digest": add "digest": "daily" or "weekly", or remove digest_hour',
    );
    return undefined;
  }
  return value as number;
}
