// The daily clean-up: killmails past KILLMAIL_RETENTION_DAYS go with their deliveries (an alert tried and
// still not posted by then has failed for good) and with dead letters nobody retried; names no alert asked
// for in 30 days leave the cache. Nothing a guild or a hostile feed sends grows the database without bound.
import type { Database } from '../db/client.ts';
import { createDeadLetterStore } from '../db/dead-letter-store.ts';
import { createKillmailStore } from '../db/killmail-store.ts';
import { createNameRepository } from '../db/name-repository.ts';
import type { Logger } from '../log.ts';

const DAY_MS = 24 * 60 * 60_000;
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
  retentionDays: number;
  log: Logger;
  now?: number;
}): Promise<PurgeReport> {
  const { db, log } = options;
  const now = options.now ?? Date.now();
  const cutoff = new Date(now - options.retentionDays * DAY_MS);
  const removed = await createKillmailStore({ db }).purgeReceivedBefore(cutoff);
  const deadLetters = await createDeadLetterStore({ db }).purgeFailedBefore(cutoff);
  const names = await createNameRepository({ db }).purgeUnusedSince(
    new Date(now - NAMES_UNUSED_DAYS * DAY_MS),
  );
  const report = { ...removed, deadLetters, names };
  log.info(
    { ...report, cutoff },
    'purged killmails, deliveries and dead letters past the retention window, and names unused for 30 days',
  );
  if (removed.undelivered > 0) {
    log.warn(
      { undelivered: removed.undelivered, cutoff },
      'alerts that could not be posted within the retention window were dropped (see earlier delivery errors)',
    );
  }
  return report;
}
