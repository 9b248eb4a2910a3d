// Errors of the ESI client. Callers that only want names treat any EsiError as "post with ids".

export type EsiUnavailableReason = 'server-error' | 'timeout' | 'network' | 'rate-limited' | 'bad-response';

/** ESI refused a request for a reason that retrying will not fix (a 4xx other than 404). */
export class EsiError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EsiError';
  }
}

/** ESI is down, slow, rate limiting us or answering nonsense: try again later. */
export class EsiUnavailableError extends EsiError {
  readonly reason: EsiUnavailableReason;
  /** How long ESI asked us to stay away, when it said so. */
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    details: { reason: EsiUnavailableReason; status?: number; retryAfterMs?: number; cause?: unknown },
  ) {
    super(message, details.status, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'EsiUnavailableError';
    this.reason = details.reason;
    this.retryAfterMs = details.retryAfterMs;
  }
}
