// The R2Z2 poller's public shapes: what it hands to the consumer and what it counts.
import type { Logger } from '../../log.ts';
import type { Clock } from '../../clock.ts';

/** A document as served, parsed as JSON but not validated. */
export interface R2z2Item {
  sequence: number;
  document: unknown;
  /**
   * True when a newer document said `sequence_updated: <this sequence>` and the file was fetched
   * again. Such items lie below the cursor: update the stored killmail, never move the cursor back.
   */
  republished: boolean;
}

/** A file that is not JSON. The consumer counts it and advances its cursor past it. */
export interface R2z2InvalidItem {
  sequence: number;
  error: string;
  republished: boolean;
}

/** Sequences the feed no longer serves, skipped for good. The consumer advances its cursor to `to`. */
export interface R2z2Skip {
  from: number;
  to: number;
  /** `gap`: missing between served files. `expired`: older than what the feed still keeps. */
  reason: 'gap' | 'expired';
}

export interface R2z2PollerOptions {
  /** R2Z2_URL, e.g. https://r2z2.zkillboard.com */
  baseUrl: string;
  /** ZKB_USER_AGENT: zKillboard blocks blank ones and wants a contact. */
  userAgent: string;
  log: Logger;
  /** The last sequence the consumer stored, or null on the very first start (begin at the head). */
  loadCursor: () => Promise<number | null>;
  /**
   * Called once per sequence in increasing order (a republished item comes just before the document
   * that announced it). Store the killmail and the cursor in one transaction. The poller waits for it;
   * if it throws, the poller logs, backs off and calls it again with the same item.
   */
  onDocument: (item: R2z2Item) => Promise<void>;
  /** Called instead of onDocument for a body that is not JSON; retried like onDocument if it throws. */
  onInvalid?: (item: R2z2InvalidItem) => Promise<void>;
  /** Called for sequences skipped as gaps or expired, before the next document; retried if it throws. */
  onSkip?: (skip: R2z2Skip) => Promise<void>;
  clock?: Clock;
  /** Source of jitter, in [0, 1). */
  random?: () => number;
  /** Per request, headers and body together. Default 15 s. */
  requestTimeoutMs?: number;
  /** Ceiling while catching up. Default 10 (zKillboard's limit is 15-20 per IP). */
  maxRequestsPerSecond?: number;
}

export interface R2z2PollerStats {
  /** HTTP requests sent, retries and probes included. */
  requests: number;
  /** New documents handed to onDocument. */
  documents: number;
  /** Republished documents handed to onDocument. */
  republished: number;
  /** Bodies that were not JSON. */
  invalid: number;
  /** 404 answers, at the head and below it. */
  notFound: number;
  /** Sequences skipped as gaps. */
  gaps: number;
  /** Sequences skipped because the feed had already dropped them. */
  lost: number;
  /** Failed requests by HTTP status ("429", "503") or "timeout" / "network". */
  errorsByStatus: Record<string, number>;
  /** Waits after a failure (feed or consumer). */
  backoffs: number;
  /** Times onDocument/onInvalid/onSkip/loadCursor threw. */
  consumerErrors: number;
  /** The newest sequence dealt with (handed on, invalid or skipped): where the consumer's cursor is. */
  lastSequence: number | null;
  /** sequence.json as last read (it lags the newest file by ~50). */
  head: number | null;
  /** Clock time of the last document handed on. */
  lastDocumentAt: number | null;
  /** Clock time of the last 200 or 404: the feed is reachable. */
  lastResponseAt: number | null;
}

export interface R2z2Poller {
  /** Polls until `signal` aborts, then resolves. Not re-entrant: one run at a time. */
  run(signal: AbortSignal): Promise<void>;
  /** A snapshot of the counters. */
  stats(): R2z2PollerStats;
}

export function emptyStats(): R2z2PollerStats {
  return {
    requests: 0,
    documents: 0,
    republished: 0,
    invalid: 0,
    notFound: 0,
    gaps: 0,
    lost: 0,
    errorsByStatus: {},
    backoffs: 0,
    consumerErrors: 0,
    lastSequence: null,
    head: null,
    lastDocumentAt: null,
    lastResponseAt: null,
  };
}
