// Follows zKillboard's R2Z2 feed: resumes after the consumer's cursor (or starts at the head), walks
// upward one file at a time, waits politely at the head, skips gaps and expired files, honours
// `sequence_updated`, and hands every document on in order, waiting for the consumer each time.
import { errorBackoffMs } from './backoff.ts';
import { systemClock } from '../../clock.ts';
import { documentPath, parseDocumentBody, republishedSequenceOf } from './feed-files.ts';
import { createFeedReader } from './feed-reader.ts';
import { createR2z2HttpClient, type FeedBody } from './http-client.ts';
import { findNextServed } from './next-served.ts';
import {
  emptyStats,
  type R2z2Poller,
  type R2z2PollerOptions,
  type R2z2PollerStats,
  type R2z2Skip,
} from './types.ts';

/** After a 404 at the head; zKillboard asks for at least 6 s. */
export const HEAD_WAIT_MS = 6_000;
/** sequence.json is re-read after a 404, but not more often than this. */
export const HEAD_REFRESH_MS = 30_000;
/** A 404 below the head is asked once more after this (and after a later file was seen) before it is skipped. */
export const BELOW_HEAD_RETRY_MS = 1_000;
/** A stored cursor this far above sequence.json is not from this feed (reset, or another R2Z2_URL). */
export const CURSOR_AHEAD_LIMIT = 10_000;
const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_REQUESTS_PER_SECOND = 10;

export function createR2z2Poller(options: R2z2PollerOptions): R2z2Poller {
  const stats = emptyStats();
  let running = false;
  return {
    stats: () => ({ ...stats, errorsByStatus: { ...stats.errorsByStatus } }),
    async run(signal) {
      if (running) throw new Error('This R2Z2 poller is already running; start one run at a time.');
      running = true;
      try {
        await followFeed(options, stats, signal);
      } catch (error) {
        if (!signal.aborted) throw error;
      } finally {
        running = false;
      }
    },
  };
}

async function followFeed(
  options: R2z2PollerOptions,
  stats: R2z2PollerStats,
  signal: AbortSignal,
): Promise<void> {
  const { log } = options;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const reader = createFeedReader({
    client: createR2z2HttpClient({
      baseUrl: options.baseUrl,
      userAgent: options.userAgent,
      timeoutMs: options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS,
    }),
    clock,
    random,
    log,
    stats,
    maxRequestsPerSecond: options.maxRequestsPerSecond ?? DEFAULT_MAX_REQUESTS_PER_SECOND,
  });

  /** The consumer's database may be down: keep trying the same call, never skip ahead of it. */
  async function untilItWorks<T>(
    what: string,
    sequence: number | undefined,
    call: () => Promise<T>,
  ): Promise<T> {
    for (let failures = 1; ; failures += 1) {
      signal.throwIfAborted();
      try {
        return await call();
      } catch (error) {
        const delayMs = errorBackoffMs(failures, random);
        stats.consumerErrors += 1;
        stats.backoffs += 1;
        log.error(
          { err: error, sequence, failures, delayMs },
          `${what} failed; retrying it before anything else`,
        );
        await clock.sleep(delayMs, signal);
      }
    }
  }

  async function waitForHead(): Promise<number> {
    for (let failures = 1; ; failures += 1) {
      const found = await reader.readHead(signal);
      if (found !== undefined) {
        if (failures > 1) log.info({ head: found }, 'R2Z2 sequence.json is readable again');
        return found;
      }
      const delayMs = errorBackoffMs(failures, random);
      stats.backoffs += 1;
      if (failures === 1) {
        log.warn(
          { delayMs },
          'R2Z2 sequence.json is missing or is not {"sequence": N}: the feed is empty or broken. ' +
            'Retrying; check R2Z2_URL if this lasts.',
        );
      }
      await clock.sleep(delayMs, signal);
    }
  }

  async function handOn(sequence: number, body: FeedBody, republished: boolean): Promise<void> {
    const parsed = parseDocumentBody(body);
    if (!parsed.ok) {
      stats.invalid += 1;
      log.warn(
        { sequence, republished, error: parsed.error },
        'R2Z2 file is unreadable (not JSON, or too large); skipping it',
      );
      const { onInvalid } = options;
      if (onInvalid) {
        const item = { sequence, error: parsed.error, republished };
        await untilItWorks('Recording an invalid R2Z2 file (onInvalid)', sequence, () => onInvalid(item));
      }
    } else {
      const updated = republished ? undefined : republishedSequenceOf(parsed.document);
      // Before the announcing document: a crash in between then re-fetches it on restart.
      if (updated !== undefined && updated < sequence) await handOnRepublished(updated);
      const item = { sequence, document: parsed.document, republished };
      await untilItWorks('Storing an R2Z2 document (onDocument)', sequence, () => options.onDocument(item));
      if (republished) stats.republished += 1;
      else stats.documents += 1;
      stats.lastDocumentAt = clock.now();
    }
    if (!republished) stats.lastSequence = sequence;
  }

  async function handOnRepublished(sequence: number): Promise<void> {
    const file = await reader.read(documentPath(sequence), signal);
    if (file.found) await handOn(sequence, file.body, true);
    else log.info({ sequence }, 'Republished R2Z2 file is no longer served; ignoring the update');
  }

  async function skip(range: R2z2Skip): Promise<void> {
    const count = range.to - range.from + 1;
    if (range.reason === 'gap') {
      stats.gaps += count;
      log.info({ ...range, count }, 'R2Z2 never served these sequences (a gap); skipping them');
    } else {
      stats.lost += count;
      log.warn(
        { ...range, lost: count },
        `R2Z2 no longer serves sequences ${range.from}..${range.to}: ${count} lost while the bot was away ` +
          'longer than the feed keeps files (about a day)',
      );
    }
    const { onSkip } = options;
    if (onSkip)
      await untilItWorks('Recording skipped R2Z2 sequences (onSkip)', range.from, () => onSkip(range));
    stats.lastSequence = range.to;
  }

  /** A hole right after a file served in this run is a gap; a hole where the old cursor is gone too expired. */
  async function holeReason(from: number, lastServed: number | undefined): Promise<R2z2Skip['reason']> {
    if (lastServed === from - 1) return 'gap';
    if (from === 0) return 'expired';
    return (await reader.read(documentPath(from - 1), signal)).found ? 'gap' : 'expired';
  }

  const cursor = await untilItWorks('Loading the R2Z2 cursor', undefined, options.loadCursor);
  if (cursor !== null && !(Number.isSafeInteger(cursor) && cursor >= 0)) {
    throw new TypeError(`loadCursor returned ${String(cursor)}; expected a sequence number (>= 0) or null`);
  }
  let head = await waitForHead();
  let headReadAt = clock.now();
  let next = startingSequence(cursor, head, options.log);
  let lastServed: number | undefined;
  let missingHeadWarned = false;

  async function accept(sequence: number, body: FeedBody): Promise<void> {
    await handOn(sequence, body, false);
    lastServed = sequence;
    next = sequence + 1;
  }

  for (;;) {
    const file = await reader.read(documentPath(next), signal);
    if (file.found) {
      await accept(next, file.body);
      continue;
    }
    if (clock.now() - headReadAt >= HEAD_REFRESH_MS) {
      headReadAt = clock.now();
      head = (await reader.readHead(signal)) ?? head;
    }
    if (next > head) {
      await clock.sleep(HEAD_WAIT_MS, signal);
      continue;
    }
    // Below the head: a hole, or a file listed a moment before it can be read.
    const served = await findNextServed(reader, next, head, signal);
    if (served === undefined) {
      if (!missingHeadWarned) {
        log.warn({ next, head }, 'R2Z2 lists a head it does not serve; waiting for the feed to recover');
        missingHeadWarned = true;
      }
      await clock.sleep(HEAD_WAIT_MS, signal);
      continue;
    }
    missingHeadWarned = false;
    // Files appear in order, so once a later one is readable, one more look settles the race.
    await clock.sleep(BELOW_HEAD_RETRY_MS, signal);
    const again = await reader.read(documentPath(next), signal);
    if (again.found) {
      await accept(next, again.body);
      continue;
    }
    await skip({ from: next, to: served.sequence - 1, reason: await holeReason(next, lastServed) });
    await accept(served.sequence, served.body);
  }
}

function startingSequence(cursor: number | null, head: number, log: R2z2PollerOptions['log']): number {
  if (cursor === null) {
    log.info({ head }, 'No R2Z2 cursor stored yet: starting at the head of the feed');
    return head;
  }
  if (cursor + 1 > head + CURSOR_AHEAD_LIMIT) {
    log.warn(
      { cursor, head },
      'The stored R2Z2 cursor is far above the feed head (the feed was reset, or R2Z2_URL changed): ' +
        'starting again at the head',
    );
    return head;
  }
  log.info(
    { cursor, head, behind: Math.max(0, head - cursor) },
    'Resuming the R2Z2 feed after the stored cursor',
  );
  return cursor + 1;
}
