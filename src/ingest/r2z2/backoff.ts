// How long to wait after a failed request to R2Z2. Jitter keeps many bots that failed together
// from retrying together; the numbers follow zKillboard's polling etiquette (FACTS.md).

/** First wait after a 5xx, timeout or network error; doubles per failure in a row. */
export const ERROR_BACKOFF_FIRST_MS = 1_000;
export const ERROR_BACKOFF_MAX_MS = 60_000;
/** First wait after a 429/403; zKillboard asks for 10-20 s and blocks offenders for up to an hour. */
export const RATE_LIMIT_BACKOFF_FIRST_MS = 10_000;
export const RATE_LIMIT_BACKOFF_MAX_MS = 300_000;
/** A Retry-After longer than this is treated as this: the poller must come back eventually. */
export const RETRY_AFTER_MAX_MS = 3_600_000;

/** `failures` is the count of failures in a row (1 for the first); ~1 s doubling to ~60 s, +-25 %. */
export function errorBackoffMs(failures: number, random: () => number): number {
  const base = Math.min(ERROR_BACKOFF_FIRST_MS * 2 ** Math.max(0, failures - 1), ERROR_BACKOFF_MAX_MS);
  return Math.round(base * (0.75 + 0.5 * random()));
}

/**
 * `rejections` is the count of 429/403 answers in a row: 10-20 s, then 20-40 s, ... up to 5-10 min.
 * A longer Retry-After from the server wins (capped at an hour).
 */
export function rateLimitBackoffMs(rejections: number, random: () => number, retryAfterMs?: number): number {
  const base = Math.min(
    RATE_LIMIT_BACKOFF_FIRST_MS * 2 ** Math.max(0, rejections - 1),
    RATE_LIMIT_BACKOFF_MAX_MS,
  );
  const jittered = Math.round(base * (1 + random()));
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, RETRY_AFTER_MAX_MS));
}
