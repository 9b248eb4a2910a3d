// Scheduled digests: each tick records the digests that came due (once per tracker and period, whichever
// process sees it first), then posts the due ones it leases. A digest may post up to DIGEST_GRACE_MS
// late (the bot was down at its hour); later than that it is skipped, so a long outage does not flood a
// channel with old digests. Posts carry a nonce, so a retry after a lost answer does not post twice.
import type { DigestRunRow, DigestRunStore } from '../db/digest-run-store.ts';
import { isTrackerActive, type TrackerRepository, type TrackerRow } from '../db/tracker-repository.ts';
import type { AlertSender } from '../delivery/discord-sender.ts';
import { retryDelayMs } from '../delivery/worker.ts';
import { HOUR_MS, latestScheduledWindow } from '../engine/index.ts';
import { buildDigest, type DigestDeps } from '../delivery/digest-message.ts';

export const DIGEST_GRACE_MS = 6 * HOUR_MS;
/** A digest that keeps failing for reasons other than the channel is given up after this many tries. */
const MAX_ATTEMPTS = 8;

export interface DigestSchedulerOptions extends DigestDeps {
  trackers: TrackerRepository;
  runs: DigestRunStore;
  sender: AlertSender;
  now?: () => number;
  leaseMs?: number;
}

export function createDigestScheduler(options: DigestSchedulerOptions) {
  const { trackers, runs, sender, log } = options;
  const now = options.now ?? Date.now;
  const leaseMs = options.leaseMs ?? 120_000;

  /** Records every active tracker's newest due digest; resolves with how many this call recorded. */
  async function scheduleDue(rows: readonly TrackerRow[]): Promise<number> {
    let created = 0;
    const at = now();
    for (const row of rows) {
      const { digest, digest_hour: hour } = row.definition;
      if (digest === undefined || !isTrackerActive(row)) continue;
      const window = latestScheduledWindow(digest, hour ?? 0, at);
      if (at - window.end > DIGEST_GRACE_MS) continue;
      if (await runs.schedule(row.id, window)) created++;
    }
    return created;
  }

  async function post(run: DigestRunRow, row: TrackerRow | undefined): Promise<void> {
    if (!row || row.definition.digest === undefined) {
      await runs.markFailed(run.id, 'the tracker was deleted or its digest switched off');
      return;
    }
    const window = { period: run.period, start: run.periodStart.getTime(), end: run.periodEnd.getTime() };
    const message = await buildDigest(options, row, window);
    const result = await sender.send(row.channelId, message.body, `dg${run.id}`, message.files);
    if (result.ok) {
      await runs.markSent(run.id, result.messageId);
      log.info({ tracker: row.id, digest: run.id, period: run.period }, 'digest posted');
      return;
    }
    const { failure } = result;
    if (failure.kind === 'retry' && run.attempts < MAX_ATTEMPTS) {
      await runs.retryLater(run.id, retryDelayMs(run.attempts), failure.reason);
      return;
    }
    log.warn(
      { tracker: row.id, digest: run.id, channel: row.channelId },
      `digest not posted: ${failure.reason}`,
    );
    await runs.markFailed(run.id, failure.reason);
  }

  return {
    /** One tick: schedule what came due, then post what this process leased. Resolves with posts tried. */
    async runOnce(): Promise<number> {
      const rows = await trackers.list();
      await scheduleDue(rows);
      const claimed = await runs.claim(10, leaseMs);
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const run of claimed) {
        try {
          await post(run, byId.get(run.trackerId));
        } catch (error) {
          // A bug or a database hiccup for this digest: its lease runs out and it is tried again.
          log.error({ err: error, digest: run.id }, 'digest failed unexpectedly; it will be retried');
        }
      }
      return claimed.length;
    },
  };
}

export type DigestScheduler = ReturnType<typeof createDigestScheduler>;
