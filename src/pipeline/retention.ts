// The daily clean-up: killmails past KILLMAIL_RETENTION_DAYS go with their deliveries (an alert tried and
// still not posted by then has failed for good), with dead letters nobody retried and with fights closed
// before then (their kill lists too); names no alert asked for in 30 days leave the cache. Nothing a guild
// or a hostile feed sends grows the database without bound, unless the operator keeps killmails forever
// (KILLMAIL_RETENTION_DAYS=0) to analyse their history.
import { type Clock, systemClock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import { createDeadLetterStore } from '../db/dead-letter-store.ts';
import { purgeClosedFights } from '../db/fight-store.ts';
import { createKillmailStore } from '../db/killmail-store.ts';
import { createNameRepository } from '../db/name-repository.ts';
import type { Logger } from '../log.ts';

export const DAY_MS = 24 * 60 * 60_000;
/** Names no alert needed for this long leave the cache (ESI is asked again if one comes back). */
export const NAMES_UNUSED_DAYS = 30;

export interface PurgeReport {
  killmails: number;
  deliveries: number;
  /** Deliveries never posted: their channel kept failing for the whole retention window. */
  undelivered: number;
  deadLetters: number;
  names: number;
}

export async function purgeExpired(options: {
  db: Database;
  /** 0 keeps killmails, their deliveries and dead letters forever. */
  retentionDays: number;
  log: Logger;
  now?: number;
}): Promise<PurgeReport> {
  const { db, log } = options;
  const now = options.now ?? Date.now();
  const names = await createNameRepository({ db }).purgeUnusedSince(
    new Date(now - NAMES_UNUSED_DAYS * DAY_MS),
  );
  if (options.retentionDays === 0) {
    log.info(
      { names },
      'killmails are kept forever (KILLMAIL_RETENTION_DAYS=0); purged names unused for 30 days',
    );
    return { killmails: 0, deliveries: 0, undelivered: 0, deadLetters: 0, names };
  }
  const cutoff = new Date(now - options.retentionDays * DAY_MS);
  const removed = await createKillmailStore({ db }).purgeReceivedBefore(cutoff);
  const deadLetters = await createDeadLetterStore({ db }).purgeFailedBefore(cutoff);
  const fights = await purgeClosedFights(db, cutoff);
  const report = { ...removed, deadLetters, names };
  log.info(
    { ...report, fights, cutoff },
    'purged killmails, deliveries, dead letters and closed fights past the retention window, and names unused for 30 days',
  );
  if (removed.undelivered > 0) {
    log.warn(
      { undelivered: removed.undelivered, cutoff },
      'alerts that could not be posted within the retention window were dropped (see earlier delivery errors)',
    );
  }
  return report;
}

/**
 * The purge at start and then once a day until `signal` aborts. A failed run is logged and tried again the
 * next day; `clock` lets tests pass the days.
 */
export async function purgeDaily(options: {
  db: Database;
  retentionDays: number;
  log: Logger;
  signal: AbortSignal;
  clock?: Clock;
}): Promise<void> {
  const { signal, log } = options;
  const clock = options.clock ?? systemClock;
  while (!signal.aborted) {
    try {
      await purgeExpired({ db: options.db, retentionDays: options.retentionDays, log, now: clock.now() });
    } catch (error) {
      log.error({ err: error }, 'retention purge failed; will try again in a day');
    }
    await clock.sleep(DAY_MS, signal).catch(() => undefined);
  }
}
