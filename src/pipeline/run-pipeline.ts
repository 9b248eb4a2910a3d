// The running pipeline of one process: tracker sync, the R2Z2 poller (only in the elected process),
// the delivery worker, the live-message worker (fight reports among them), the closing of quiet fights and
// the daily retention purge. Everything stops on one abort.
import { pause } from '../clock.ts';
import { userAgent } from '../config/user-agent.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { createDeadLetterStore } from '../db/dead-letter-store.ts';
import { createDeliveryStore, OUTBOX_NOTIFY_CHANNEL } from '../db/delivery-store.ts';
import { createDigestRunStore } from '../db/digest-run-store.ts';
import { createKillmailHistory } from '../db/killmail-history.ts';
import { createFightStore, FIGHT_MESSAGE_KIND } from '../db/fight-store.ts';
import { createKillmailStore } from '../db/killmail-store.ts';
import { createLiveMessageStore, LIVE_MESSAGES_NOTIFY_CHANNEL } from '../db/live-message-store.ts';
import { createPingCooldownStore } from '../db/ping-cooldown-store.ts';
import { createTrackerRepository } from '../db/tracker-repository.ts';
import type { AlertSender } from '../delivery/discord-sender.ts';
import { createFightReportRenderer } from '../delivery/fight-report.ts';
import { createOutboxSignal } from '../delivery/outbox-signal.ts';
import { createLiveMessageWorker, type LiveMessageRenderer } from '../delivery/live-messages.ts';
import { createDeliveryWorker, type DeliveryWorkerOptions } from '../delivery/worker.ts';
import type { FightRule } from '../engine/fight/index.ts';
import { createMatcher } from '../engine/index.ts';
import type { NameResolver } from '../ingest/esi/name-resolver.ts';
import { createR2z2Poller } from '../ingest/r2z2/poller.ts';
import type { R2z2Poller } from '../ingest/r2z2/types.ts';
import { updateSde } from '../ingest/sde/update-sde.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { createDigestScheduler } from './digest-scheduler.ts';
import { createKillmailIngestor } from './ingest-killmail.ts';
import { createLinkCache, type LinkCache } from './link-cache.ts';
import { DAY_MS, purgeDaily } from './retention.ts';
import { createTrackerSync, type TrackerSync } from './tracker-sync.ts';
import type { WorldHolder } from './world.ts';

/** Advisory lock key of the R2Z2 poller election ("KT" + "R2Z2"). */
export const POLLER_LOCK_KEY = 0x4b54_5232;

export interface PipelineSettings {
  R2Z2_URL: string;
  ZKB_USER_AGENT: string;
  MAX_AGE_MINUTES: number;
  /** 0 keeps killmails forever. */
  KILLMAIL_RETENTION_DAYS: number;
  /** How long a worker owns a claimed delivery; after a crash it is retried once this expires. */
  DELIVERY_LEASE_SECONDS: number;
  /** Same deterministic store failures in a row before a document is set aside (default 3). */
  DEAD_LETTER_AFTER_FAILURES?: number;
  /** For the daily check for a new SDE build (done by the process that polls R2Z2). */
  SDE_URL: string;
  DATA_DIR: string;
}

export interface PipelineOptions {
  database: DatabaseHandle;
  settings: PipelineSettings;
  /** The universe and catalog; reloaded (and trackers recompiled) when a new SDE build is imported. */
  world: WorldHolder;
  sender: AlertSender;
  /** ESI names for the alerts (shared with the Discord commands). */
  names: NameResolver;
  log: Logger;
  metrics: Metrics;
  /** Poll R2Z2 (default true); worker-only processes set false. */
  ingest?: boolean;
  /** How often trackers and the character -> roles view are checked for changes (default 1 s). */
  trackerRefreshMs?: number;
  /** Renderers of the messages kept edited in place, by kind (see src/delivery/live-messages.ts). */
  liveMessageRenderers?: Readonly<Record<string, LiveMessageRenderer>>;
  /** Told about every alert posted (see DeliveryWorkerOptions.onAlertPosted). */
  onAlertPosted?: DeliveryWorkerOptions['onAlertPosted'];
  /** How kills are grouped into fights and when a fight closes (default DEFAULT_FIGHT_RULE). */
  fightRule?: FightRule;
  /** How often quiet fights are looked for and closed (default 1 minute). */
  fightCloseIntervalMs?: number;
}

export interface RunningPipeline {
  sync: TrackerSync;
  /** The character -> roles view the role clauses read. */
  links: LinkCache;
  poller(): R2z2Poller | undefined;
  /** Resolves when every loop has stopped. */
  stop(): Promise<void>;
}

export async function startPipeline(options: PipelineOptions): Promise<RunningPipeline> {
  const { database, settings, world, log, metrics } = options;
  const newMatcher = () =>
    createMatcher({ universe: world.current().universe, defaultMaxAgeMinutes: settings.MAX_AGE_MINUTES });
  const { db } = database;
  const abort = new AbortController();
  const signal = abort.signal;
  const trackers = createTrackerRepository({ db });
  const liveMessageStore = createLiveMessageStore({ db });
  const fights = createFightStore({
    db,
    liveMessages: liveMessageStore,
    ...(options.fightRule ? { rule: options.fightRule } : {}),
  });
  const killmails = createKillmailStore({ db, fights });
  const deliveries = createDeliveryStore({ db });
  const deadLetters = createDeadLetterStore({ db });

  const sync = createTrackerSync({
    trackers,
    matcher: newMatcher(),
    log: log.child({ component: 'trackers' }),
    onLoaded: (count) => metrics.trackersLoaded.set(count),
  });
  await sync.refresh();
  const links = createLinkCache({ db });
  await links.refresh();

  // Committed deliveries wake the worker: in memory here, through NOTIFY from other processes.
  const outbox = createOutboxSignal();
  const unlisten = await database
    .listen(OUTBOX_NOTIFY_CHANNEL, () => outbox.notify())
    .catch((error: unknown) => {
      log.warn({ err: error }, "cannot LISTEN for new deliveries; other processes' alerts wait for the poll");
      return async () => {};
    });

  const worker = createDeliveryWorker({
    deliveries,
    killmails,
    trackers,
    cooldowns: createPingCooldownStore({ db }),
    sender: options.sender,
    names: options.names,
    world: () => world.current(),
    log: log.child({ component: 'delivery' }),
    metrics,
    defaultMaxAgeMinutes: settings.MAX_AGE_MINUTES,
    leaseMs: settings.DELIVERY_LEASE_SECONDS * 1000,
    wake: outbox,
    ...(options.onAlertPosted ? { onAlertPosted: options.onAlertPosted } : {}),
  });

  const liveWake = createOutboxSignal();
  const unlistenLive = await database
    .listen(LIVE_MESSAGES_NOTIFY_CHANNEL, () => liveWake.notify())
    .catch((error: unknown) => {
      log.warn(
        { err: error },
        "cannot LISTEN for message updates; other processes' changes wait for the poll",
      );
      return async () => {};
    });
  const liveMessages = createLiveMessageWorker({
    store: liveMessageStore,
    sender: options.sender,
    renderers: {
      [FIGHT_MESSAGE_KIND]: createFightReportRenderer({
        fights,
        trackers,
        names: options.names,
        world: () => world.current(),
      }),
      ...options.liveMessageRenderers,
    },
    log: log.child({ component: 'live-messages' }),
    leaseMs: settings.DELIVERY_LEASE_SECONDS * 1000,
    wake: liveWake,
  });

  const digests = createDigestScheduler({
    trackers,
    runs: createDigestRunStore({ db }),
    sender: options.sender,
    killmailHistory: createKillmailHistory({ db }),
    world: () => world.current(),
    nameResolver: options.names,
    log: log.child({ component: 'digests' }),
  });

  let poller: R2z2Poller | undefined;
  const refreshMs = options.trackerRefreshMs ?? 1000;
  const loops: Promise<void>[] = [
    every(refreshMs, signal, () => sync.refresh(), log, 'tracker refresh'),
    worker.run(signal),
    liveMessages.run(signal),
    every(
      options.fightCloseIntervalMs ?? 60_000,
      signal,
      () => fights.closeQuiet(new Date()),
      log,
      'closing quiet fights',
    ),
    purgeDaily({ db, retentionDays: settings.KILLMAIL_RETENTION_DAYS, log, signal }),
    every(60_000, signal, reloadWorld, log, 'static data reload', false),
    every(60_000, signal, () => digests.runOnce(), log, 'digests'),
    // Members' roles change in Discord at any time: the role clauses follow within a second.
    every(refreshMs, signal, () => links.refresh(), log, 'character roles reload', false),
  ];
  if (options.ingest ?? true) loops.push(pollWhenLeader());

  async function reloadWorld(): Promise<void> {
    if (!(await world.reloadIfChanged())) return;
    await sync.rebuild(newMatcher());
    log.info(
      { build: world.build(), systems: world.current().universe.systemCount },
      'new EVE static data loaded',
    );
  }

  /** CCP publishes a new SDE build now and then (new ships, new systems): import it when it appears. */
  async function checkSdeUpdate(): Promise<void> {
    const result = await updateSde({ db, env: settings, log });
    if (result.imported) await reloadWorld();
  }

  async function pollWhenLeader(): Promise<void> {
    const ingestor = createKillmailIngestor({
      store: killmails,
      sync,
      world: () => world.current(),
      log: log.child({ component: 'ingest' }),
      metrics,
      linksFor: links.linksFor,
      deadLetters,
      onDeliveriesCreated: () => outbox.notify(),
      fightRule: fights.rule,
      ...(settings.DEAD_LETTER_AFTER_FAILURES
        ? { deadLetterAfter: settings.DEAD_LETTER_AFTER_FAILURES }
        : {}),
    });
    let announced = false;
    let sdeChecks: Promise<void> | undefined;
    while (!signal.aborted) {
      const release = await database.tryLeaderLock(POLLER_LOCK_KEY).catch((error: unknown) => {
        log.error({ err: error }, 'could not reach the database for the poller election');
        return null;
      });
      if (!release) {
        if (!announced) log.info('another process polls R2Z2; this one delivers and waits to take over');
        announced = true;
        await pause(30_000, signal);
        continue;
      }
      try {
        sdeChecks ??= every(DAY_MS, signal, checkSdeUpdate, log, 'SDE update check', false);
        poller = createR2z2Poller({
          baseUrl: settings.R2Z2_URL,
          userAgent: userAgent(settings.ZKB_USER_AGENT),
          log: log.child({ component: 'r2z2' }),
          loadCursor: () => killmails.loadCursor(),
          onDocument: (item) => ingestor.onDocument(item),
          onInvalid: (item) => ingestor.onInvalid(item),
          onSkip: (skip) => ingestor.onSkip(skip),
        });
        await poller.run(signal);
      } finally {
        await release();
      }
    }
    await sdeChecks;
  }

  return {
    sync,
    links,
    poller: () => poller,
    async stop() {
      abort.abort();
      await Promise.allSettled(loops);
      await unlisten();
      await unlistenLive();
    },
  };
}

/** Runs `task` every `intervalMs` until aborted; a failing run is logged, never fatal. */
async function every(
  intervalMs: number,
  signal: AbortSignal,
  task: () => Promise<unknown>,
  log: Logger,
  name: string,
  immediately = true,
): Promise<void> {
  if (!immediately) await pause(intervalMs, signal);
  while (!signal.aborted) {
    try {
      await task();
    } catch (error) {
      log.error({ err: error }, `${name} failed; will try again`);
    }
    await pause(intervalMs, signal);
  }
}
