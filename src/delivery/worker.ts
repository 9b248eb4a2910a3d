// The outbox worker: lease due deliveries, drop stale ones, resolve names (briefly), render, post,
// and record the outcome. Channels proceed independently (a slow or rate-limited channel holds up only
// itself); each channel's alerts keep their order. Woken on commit, it polls only as a safety net.

import { pause } from '../clock.ts';
import type { DeliveryRow, DeliveryStore } from '../db/delivery-store.ts';
import type { KillmailStore } from '../db/killmail-store.ts';
import type { PingCooldownStore } from '../db/ping-cooldown-store.ts';
import type { TrackerRepository } from '../db/tracker-repository.ts';
import type { ItemCatalog, Universe } from '../engine/universe/index.ts';
import {
  type Killmail,
  normalizeKillmail,
  pingForKill,
  pingsAnyone,
  type TrackerMatch,
} from '../engine/index.ts';
import { type PingHold, renderAlert } from '../engine/render/index.ts';
import type { NameResolver } from '../ingest/esi/name-resolver.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { alertEntityIds, nameLookup } from './alert-names.ts';
import type { AlertSender } from './discord-sender.ts';
import { createOutboxSignal, type OutboxSignal } from './outbox-signal.ts';

export interface DeliveryWorkerOptions {
  deliveries: DeliveryStore;
  killmails: KillmailStore;
  trackers: TrackerRepository;
  /** Where ping cooldowns are decided; without it `ping_cooldown_minutes` holds no ping back. */
  cooldowns?: PingCooldownStore;
  sender: AlertSender;
  names: NameResolver;
  /** The current universe and catalog (they change when the SDE is re-imported). */
  world: () => { universe: Universe; catalog: ItemCatalog };
  log: Logger;
  metrics?: Metrics;
  defaultMaxAgeMinutes: number;
  now?: () => number;
  /** Deliveries in flight at once (each in its own channel). */
  batchSize?: number;
  leaseMs?: number;
  /** Safety-net poll while idle: retry times and expired leases come due without a signal. */
  idleMs?: number;
  /** Rung when deliveries are committed; the worker also rings it itself when one finishes. */
  wake?: OutboxSignal;
  /** How long an alert may wait for ESI names before it is posted with ids. */
  namesDeadlineMs?: number;
  /** Told about every alert Discord accepted (PPK trackers enter the kill into the program). Never throws. */
  onAlertPosted?: (alert: {
    guildId: string;
    channelId: string;
    killmailId: number;
    messageId: string;
    document: Killmail['document'];
    matches: readonly TrackerMatch[];
  }) => Promise<void>;
}

const MAX_RETRY_DELAY_MS = 10 * 60_000;
/** How often an idle worker refreshes the pending-deliveries gauge. */
const GAUGE_INTERVAL_MS = 10_000;

/** Exponential backoff with jitter: ~2 s, 4 s, 8 s ... capped at 10 minutes. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** Math.min(attempts, 20));
  return Math.round(base * (0.75 + random() * 0.5));
}

/** The matches whose tracker still wants the kill at `now` (max_age_minutes). */
export function freshMatches(
  matches: readonly TrackerMatch[],
  killTime: number,
  now: number,
  defaultMaxAgeMinutes: number,
): TrackerMatch[] {
  return matches.filter(
    (match) => now - killTime <= (match.tracker.max_age_minutes ?? defaultMaxAgeMinutes) * 60_000,
  );
}

export function createDeliveryWorker(options: DeliveryWorkerOptions) {
  const { deliveries, killmails, log, metrics } = options;
  const now = options.now ?? Date.now;
  const batchSize = options.batchSize ?? 25;
  const leaseMs = options.leaseMs ?? 30_000;
  const wake = options.wake ?? createOutboxSignal();
  const reportedChannels = new Set<string>();
  let gaugeUpdatedAt = 0;

  /** One killmail's deliveries to several channels usually share a batch: load and normalize it once. */
  function killmailLoader(): (id: number) => Promise<Killmail | undefined> {
    const loaded = new Map<number, Promise<Killmail | undefined>>();
    return (id) => {
      let killmail = loaded.get(id);
      if (!killmail) {
        killmail = killmails
          .get(id)
          .then((document) => document && normalizeKillmail(document, options.world()));
        loaded.set(id, killmail);
      }
      return killmail;
    };
  }

  /**
   * An earlier attempt may have reached Discord without being marked sent (the database dropped the
   * connection after the POST, or the worker died): if the alert is in the channel, take it as sent.
   */
  async function alreadyPosted(row: DeliveryRow, nonce: string): Promise<boolean> {
    if (!row.postUnconfirmed || !options.sender.findPosted) return false;
    let messageId: string | undefined;
    try {
      messageId = await options.sender.findPosted(row.channelId, { nonce, killmailId: row.killmailId });
    } catch (error) {
      log.warn(
        { err: error, delivery: row.id, channel: row.channelId },
        'could not read the channel to check for an earlier post (give the bot Read Message History); posting',
      );
      return false;
    }
    if (messageId === undefined) return false;
    await deliveries.markSent(row.id, messageId);
    metrics?.deliveries.inc({ outcome: 'sent' });
    log.info(
      { delivery: row.id, channel: row.channelId, killmail: row.killmailId, message: messageId },
      'alert was already posted by an earlier attempt; marked sent without posting it again',
    );
    return true;
  }

  /**
   * The trackers whose ping cooldown holds back their pings on this alert. Only a tracker that would ping
   * for this kill takes its cooldown, at delivery time, so alerts that ping nobody never start one.
   */
  async function pingHolds(
    row: DeliveryRow,
    killmail: Killmail,
    matches: TrackerMatch[],
  ): Promise<PingHold[]> {
    const cooldowns = options.cooldowns;
    if (!cooldowns) return [];
    const holds: PingHold[] = [];
    for (const match of matches) {
      const minutes = match.tracker.ping_cooldown_minutes;
      const trackerId = Number(match.trackerKey);
      if (minutes === undefined || !Number.isSafeInteger(trackerId)) continue;
      if (!pingsAnyone(pingForKill(match.tracker, killmail))) continue;
      const decision = await cooldowns.claim({
        trackerId,
        deliveryId: row.id,
        cooldownMinutes: minutes,
        at: new Date(now()),
      });
      if (!decision.ping) holds.push({ trackerKey: match.trackerKey, until: decision.until.getTime() });
    }
    return holds;
  }

  async function deliver(
    row: DeliveryRow,
    loadKillmail: (id: number) => Promise<Killmail | undefined>,
  ): Promise<void> {
    const nonce = `kt${row.id}`;
    if (await alreadyPosted(row, nonce)) return;
    const killmail = await loadKillmail(row.killmailId);
    if (!killmail) {
      await deliveries.markFailed(row.id, 'killmail no longer stored');
      metrics?.deliveries.inc({ outcome: 'failed' });
      return;
    }
    const { universe, catalog } = options.world();
    const matches = freshMatches(row.matches, killmail.time, now(), options.defaultMaxAgeMinutes);
    if (matches.length === 0) {
      await deliveries.markStale(row.id, "older than the trackers' max age at delivery time");
      metrics?.deliveries.inc({ outcome: 'stale' });
      log.debug({ delivery: row.id, killmail: row.killmailId }, 'stale alert not posted');
      return;
    }
    // Never throws: names ESI cannot give in time are left out and the alert shows ids.
    const resolved = await options.names.resolve(alertEntityIds(killmail, matches), {
      deadlineMs: options.namesDeadlineMs ?? 3000,
    });
    const pingsHeld = await pingHolds(row, killmail, matches);
    const body = renderAlert({
      killmail,
      matches,
      names: nameLookup(resolved),
      universe,
      catalog,
      pingsHeld,
    });
    const result = await options.sender.send(row.channelId, body, nonce);
    if (result.ok) {
      await deliveries.markSent(row.id, result.messageId);
      metrics?.deliveries.inc({ outcome: 'sent' });
      await options.onAlertPosted?.({
        guildId: row.guildId,
        channelId: row.channelId,
        killmailId: row.killmailId,
        messageId: result.messageId,
        document: killmail.document,
        matches,
      });
      return;
    }
    const { failure } = result;
    metrics?.discordErrors.inc({ kind: failure.kind });
    if (failure.kind === 'retry') {
      const delay = retryDelayMs(row.attempts);
      log.warn(
        { delivery: row.id, channel: row.channelId, attempts: row.attempts, retryInMs: delay },
        failure.reason,
      );
      await deliveries.retryLater(row.id, delay, failure.reason, failure.mayHaveLanded ?? true);
    } else if (failure.kind === 'message') {
      log.error({ delivery: row.id, channel: row.channelId, killmail: row.killmailId }, failure.reason);
      await deliveries.markFailed(row.id, failure.reason);
      metrics?.deliveries.inc({ outcome: 'failed' });
    } else {
      await deliveries.markFailed(row.id, failure.reason);
      const others = await deliveries.failChannel(row.channelId, failure.reason);
      const disabled = await options.trackers.disableChannel(row.channelId, failure.reason);
      metrics?.deliveries.inc({ outcome: 'failed' }, 1 + others);
      if (!reportedChannels.has(row.channelId)) {
        reportedChannels.add(row.channelId);
        log.error(
          {
            channel: row.channelId,
            guild: row.guildId,
            trackersDisabled: disabled,
            deliveriesDropped: others,
          },
          `stopped posting to channel ${row.channelId}: ${failure.reason}`,
        );
      }
    }
  }

  async function deliverSafely(
    row: DeliveryRow,
    loadKillmail: (id: number) => Promise<Killmail | undefined>,
  ): Promise<void> {
    try {
      await deliver(row, loadKillmail);
    } catch (error) {
      // A bug or a database hiccup for this one delivery: its lease expires and it is retried.
      log.error({ err: error, delivery: row.id }, 'delivery failed unexpectedly; it will be retried');
    }
  }

  async function updateGauge(claimed: number): Promise<void> {
    if (!metrics || (claimed === 0 && now() - gaugeUpdatedAt <= GAUGE_INTERVAL_MS)) return;
    gaugeUpdatedAt = now();
    metrics.deliveriesPending.set(await deliveries.countUnfinished());
  }

  return {
    /** Delivers one batch and waits for all of it; resolves with how many deliveries it handled. */
    async runOnce(): Promise<number> {
      const rows = await deliveries.claim(batchSize, leaseMs);
      const loadKillmail = killmailLoader();
      await Promise.all(rows.map((row) => deliverSafely(row, loadKillmail)));
      await updateGauge(rows.length);
      return rows.length;
    },

    /**
     * Works until the signal aborts. Claims whatever is due whenever a slot is free, never waiting for
     * a batch to finish: a channel stuck behind a rate limit keeps one slot, the others keep posting.
     */
    async run(signal: AbortSignal): Promise<void> {
      const inFlight = new Set<Promise<void>>();
      let failures = 0;
      while (!signal.aborted) {
        const free = batchSize - inFlight.size;
        let claimed = 0;
        if (free > 0) {
          try {
            const rows = await deliveries.claim(free, leaseMs);
            failures = 0;
            claimed = rows.length;
            const loadKillmail = killmailLoader();
            for (const row of rows) {
              const task: Promise<void> = deliverSafely(row, loadKillmail).finally(() => {
                inFlight.delete(task);
                // The channel's next alert may be due now.
                wake.notify();
              });
              inFlight.add(task);
            }
            await updateGauge(claimed);
          } catch (error) {
            failures++;
            log.error(
              { err: error },
              'delivery worker could not claim deliveries (database down?); retrying',
            );
            await pause(Math.min(30_000, 1000 * 2 ** Math.min(failures, 5)), signal);
            continue;
          }
        }
        if (claimed > 0 && claimed === free) continue;
        await wake.wait(options.idleMs ?? 2_000, signal);
      }
      await Promise.allSettled(inFlight);
    },
  };
}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;
