// Paced, patient reads of R2Z2 files: at most N requests a second, and on 429/403/5xx/timeouts a
// jittered backoff and another try, until the feed answers 200 or 404. Counts it all in the stats.
import type { Logger } from '../../log.ts';
import { errorBackoffMs, rateLimitBackoffMs } from './backoff.ts';
import type { Clock } from '../../clock.ts';
import { parseSequenceFile, SEQUENCE_PATH } from './feed-files.ts';
import type { FeedBody, FeedResponse, R2z2HttpClient } from './http-client.ts';
import type { R2z2PollerStats } from './types.ts';

export type FeedFile = { found: true; body: FeedBody } | { found: false };

export interface FeedReader {
  /** Reads one file, retrying failures; only the run's abort ends it early (by throwing). */
  read(path: string, signal: AbortSignal): Promise<FeedFile>;
  /** sequence.json; undefined when it is missing or not `{"sequence": N}` (an empty or broken feed). */
  readHead(signal: AbortSignal): Promise<number | undefined>;
}

export interface FeedReaderOptions {
  client: R2z2HttpClient;
  clock: Clock;
  random: () => number;
  log: Logger;
  stats: R2z2PollerStats;
  maxRequestsPerSecond: number;
}

export function createFeedReader(options: FeedReaderOptions): FeedReader {
  const { client, clock, random, log, stats } = options;
  const minIntervalMs = 1000 / options.maxRequestsPerSecond;
  let lastRequestAt = Number.NEGATIVE_INFINITY;
  // Failures in a row, kept across files: a struggling feed should see us slow down, not reset.
  let failuresInRow = 0;
  let rejectionsInRow = 0;

  async function pace(signal: AbortSignal): Promise<void> {
    const wait = lastRequestAt + minIntervalMs - clock.now();
    if (wait > 0) await clock.sleep(wait, signal);
    lastRequestAt = clock.now();
  }

  async function backOff(
    path: string,
    response: Exclude<FeedResponse, { kind: 'ok' | 'not-found' }>,
    signal: AbortSignal,
  ) {
    let delayMs: number;
    let cause: string;
    if (response.kind === 'rate-limited') {
      rejectionsInRow += 1;
      cause = String(response.status);
      delayMs = rateLimitBackoffMs(rejectionsInRow, random, response.retryAfterMs);
      log.warn(
        { path, status: response.status, delayMs, inRow: rejectionsInRow },
        'R2Z2 refused the request (rate limit); waiting before asking again. Check ZKB_USER_AGENT has a contact.',
      );
    } else {
      failuresInRow += 1;
      cause = response.cause;
      delayMs = errorBackoffMs(failuresInRow, random);
      log.warn(
        { path, cause, detail: response.detail, delayMs, inRow: failuresInRow },
        'R2Z2 request failed; retrying',
      );
    }
    stats.errorsByStatus[cause] = (stats.errorsByStatus[cause] ?? 0) + 1;
    stats.backoffs += 1;
    await clock.sleep(delayMs, signal);
  }

  async function read(path: string, signal: AbortSignal): Promise<FeedFile> {
    for (;;) {
      signal.throwIfAborted();
      await pace(signal);
      stats.requests += 1;
      const response = await client.get(path, signal);
      if (response.kind === 'ok' || response.kind === 'not-found') {
        failuresInRow = 0;
        rejectionsInRow = 0;
        stats.lastResponseAt = clock.now();
        if (response.kind === 'ok') return { found: true, body: response.body };
        stats.notFound += 1;
        return { found: false };
      }
      await backOff(path, response, signal);
    }
  }

  return {
    read,
    async readHead(signal) {
      const file = await read(SEQUENCE_PATH, signal);
      const head = file.found ? parseSequenceFile(file.body) : undefined;
      if (head !== undefined) stats.head = head;
      return head;
    },
  };
}
