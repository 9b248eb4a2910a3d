// Keeps the ESI client polite: remembers when ESI asked us to stop (429/420 Retry-After, the legacy
// error limit, the token buckets of X-Ratelimit-*) and tells the client how long to wait first.
import type { Logger } from '../../log.ts';
import type { Clock } from '../../clock.ts';

export type ResponseHeaders = Record<string, string | string[] | undefined>;

/** Below this many errors left in the window we stop until the window resets (ESI bans at 0). */
export const ERROR_LIMIT_LOW_WATER = 10;
/** Below this many tokens left in a rate-limit group we pace requests to the refill rate. */
export const RATE_LIMIT_LOW_WATER = 10;
/** Used when a 429/420 carries no usable Retry-After: long enough to let the window pass. */
const DEFAULT_PAUSE_MS = 60_000;

export interface EsiPause {
  untilMs: number;
  reason: 'rate-limited' | 'error-limited' | 'token-bucket-low';
}

export class EsiRateLimitGate {
  private pause: EsiPause | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** Milliseconds to wait before the next request may go out (0 = go). */
  waitMs(): number {
    if (!this.pause) return 0;
    const left = this.pause.untilMs - this.clock.now();
    if (left <= 0) {
      this.pause = undefined;
      return 0;
    }
    return left;
  }

  get currentPause(): EsiPause | undefined {
    return this.waitMs() > 0 ? this.pause : undefined;
  }

  /** Reads one response's status and headers and extends the pause when ESI asks for one. */
  observe(status: number, headers: ResponseHeaders): void {
    if (status === 429 || status === 420) {
      const retryAfter =
        parseRetryAfterMs(header(headers, 'retry-after'), this.clock.now()) ??
        secondsHeaderMs(headers, 'x-esi-error-limit-reset') ??
        DEFAULT_PAUSE_MS;
      this.extend(retryAfter, status === 420 ? 'error-limited' : 'rate-limited');
      return;
    }
    const errorsLeft = numberHeader(headers, 'x-esi-error-limit-remain');
    if (errorsLeft !== undefined && errorsLeft < ERROR_LIMIT_LOW_WATER) {
      this.extend(secondsHeaderMs(headers, 'x-esi-error-limit-reset') ?? DEFAULT_PAUSE_MS, 'error-limited');
    }
    const tokensLeft = numberHeader(headers, 'x-ratelimit-remaining');
    const bucket = parseRateLimitLimit(header(headers, 'x-ratelimit-limit'));
    if (tokensLeft !== undefined && bucket && tokensLeft < RATE_LIMIT_LOW_WATER) {
      // Tokens come back one window after they were spent; we do not know when that was, so
      // pace to the average refill rate: the cost of one more request at tokens-per-window.
      const cost = Math.max(1, numberHeader(headers, 'x-ratelimit-used') ?? 2);
      this.extend(Math.ceil((bucket.windowMs / bucket.tokens) * cost), 'token-bucket-low');
    }
  }

  private extend(ms: number, reason: EsiPause['reason']): void {
    const untilMs = this.clock.now() + ms;
    if (this.pause && this.pause.untilMs >= untilMs) return;
    this.pause = { untilMs, reason };
    this.log.warn({ pauseMs: ms, reason }, 'ESI asked us to slow down: pausing name lookups');
  }
}

function header(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function numberHeader(headers: ResponseHeaders, name: string): number | undefined {
  const raw = header(headers, name);
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

function secondsHeaderMs(headers: ResponseHeaders, name: string): number | undefined {
  const seconds = numberHeader(headers, name);
  return seconds !== undefined && seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110). */
export function parseRetryAfterMs(raw: string | undefined, nowMs: number): number | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

const WINDOW_UNITS_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/** `X-Ratelimit-Limit: 150/15m` -> 150 tokens per 15 minutes. */
export function parseRateLimitLimit(
  raw: string | undefined,
): { tokens: number; windowMs: number } | undefined {
  const match = raw?.trim().match(/^(\d+)\/(\d+)([smh])$/);
  if (!match) return undefined;
  const tokens = Number(match[1]);
  const windowMs = Number(match[2]) * (WINDOW_UNITS_MS[match[3] ?? ''] ?? 0);
  return tokens > 0 && windowMs > 0 ? { tokens, windowMs } : undefined;
}
