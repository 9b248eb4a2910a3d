// Prometheus metrics of the pipeline (prom-client), one registry per process (tests make their own).
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface MetricsOptions {
  /**
   * Also prom-client's standard process metrics (resident memory, V8 heap and external memory, event
   * loop lag, GC pauses, open handles): for the running bot, not for the many registries tests make.
   */
  process?: boolean;
}

export function createMetrics(options: MetricsOptions = {}) {
  const registry = new Registry();
  if (options.process) collectDefaultMetrics({ register: registry });
  const metrics = {
    registry,
    killmailsReceived: new Counter({
      name: 'killtracker_killmails_received_total',
      help: 'Killmail documents received from R2Z2 and stored (duplicates excluded)',
      registers: [registry],
    }),
    killmailsDuplicate: new Counter({
      name: 'killtracker_killmails_duplicate_total',
      help: 'Killmails received again (already stored)',
      registers: [registry],
    }),
    killmailsInvalid: new Counter({
      name: 'killtracker_killmails_invalid_total',
      help: 'Documents skipped because they failed validation',
      registers: [registry],
    }),
    deadLetters: new Counter({
      name: 'killtracker_deadletters_total',
      help: 'Documents set aside after their store failed the same deterministic way several times',
      registers: [registry],
    }),
    sequencesSkipped: new Counter({
      name: 'killtracker_sequences_skipped_total',
      help: 'R2Z2 sequences skipped as gaps or lost because the feed no longer had them',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    sequence: new Gauge({
      name: 'killtracker_ingest_sequence',
      help: 'Last processed R2Z2 sequence',
      registers: [registry],
    }),
    ingestLag: new Gauge({
      name: 'killtracker_ingest_lag_seconds',
      help: 'Seconds between the newest processed killmail upload and now',
      registers: [registry],
    }),
    matches: new Counter({
      name: 'killtracker_matches_total',
      help: 'Tracker matches',
      registers: [registry],
    }),
    matchSeconds: new Histogram({
      name: 'killtracker_match_seconds',
      help: 'Time to match one killmail against every tracker',
      buckets: [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05],
      registers: [registry],
    }),
    trackersLoaded: new Gauge({
      name: 'killtracker_trackers_loaded',
      help: 'Enabled trackers in the matcher',
      registers: [registry],
    }),
    deliveriesPending: new Gauge({
      name: 'killtracker_deliveries_pending',
      help: 'Deliveries waiting to be posted',
      registers: [registry],
    }),
    deliveries: new Counter({
      name: 'killtracker_deliveries_total',
      help: 'Finished deliveries by outcome (sent, failed, stale)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    discordErrors: new Counter({
      name: 'killtracker_discord_errors_total',
      help: 'Failed Discord posts by kind (retry, channel, message)',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    esiErrors: new Counter({
      name: 'killtracker_esi_errors_total',
      help: 'Failed ESI name lookups',
      registers: [registry],
    }),
  };
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;
