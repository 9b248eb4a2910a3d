// What happens to each R2Z2 document: validate, normalize, match against every tracker, then store
// the killmail, one delivery per matched channel and the cursor in a single transaction. A document
// whose store keeps failing the same deterministic way is set aside as a dead letter so the feed moves on.
import type { DeadLetterStore } from '../db/dead-letter-store.ts';
import { describeFailure, isDeterministicFailure } from '../db/errors.ts';
import type { FightCommit, KillmailStore, NewDelivery } from '../db/killmail-store.ts';
import { DEFAULT_FIGHT_RULE, findFight, type FightRule } from '../engine/fight/index.ts';
import type { ItemCatalog, Universe } from '../engine/universe/index.ts';
import {
  type CharacterRoleLinks,
  type Killmail,
  normalizeKillmail,
  parseKillmailDocument,
  type TrackerMatch,
} from '../engine/index.ts';
import type { R2z2InvalidItem, R2z2Item, R2z2Skip } from '../ingest/r2z2/types.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { TrackerSync } from './tracker-sync.ts';

/** Failures in a row, each the same deterministic error, before a document becomes a dead letter. */
export const DEFAULT_DEAD_LETTER_AFTER = 3;

export interface KillmailIngestorOptions {
  store: KillmailStore;
  sync: TrackerSync;
  world: () => { universe: Universe; catalog: ItemCatalog };
  log: Logger;
  metrics?: Metrics;
  /** Character -> role links of a guild, for the *_roles clauses. */
  linksFor?: (guildId: string | undefined) => CharacterRoleLinks | undefined;
  /** Where documents go after failing `deadLetterAfter` times; without it they are retried forever. */
  deadLetters?: DeadLetterStore;
  deadLetterAfter?: number;
  /** Called once a killmail's deliveries are committed: wakes the delivery worker. */
  onDeliveriesCreated?: () => void;
  now?: () => number;
  /** How kills are grouped into fights for trackers with fight reports on. */
  fightRule?: FightRule;
}

/** What storing one document came to. */
export type IngestOutcome =
  | { kind: 'invalid'; error: string }
  | { kind: 'stored'; killmailId: number; deliveries: number }
  | { kind: 'duplicate'; killmailId: number }
  | { kind: 'replaced'; killmailId: number };

/** A store that failed, named by its killmail (the cause says why; parameters are never kept). */
export class KillmailStoreError extends Error {
  constructor(
    readonly killmailId: number,
    readonly sequence: number,
    readonly failures: number,
    cause: unknown,
  ) {
    super(`could not store killmail ${killmailId} (sequence ${sequence})`, { cause });
    this.name = 'KillmailStoreError';
  }
}

/** Groups matches by the channel they post to: one delivery (one message) per channel. */
export function deliveriesFor(matches: readonly TrackerMatch[], sync: TrackerSync): NewDelivery[] {
  const byChannel = new Map<string, NewDelivery>();
  for (const match of matches) {
    const route = sync.route(match.trackerKey);
    if (!route) continue;
    const delivery = byChannel.get(route.channelId);
    if (delivery) delivery.matches.push(match);
    else
      byChannel.set(route.channelId, {
        guildId: route.guildId,
        channelId: route.channelId,
        matches: [match],
      });
  }
  return [...byChannel.values()];
}

/**
 * The trackers with fight reports on among the matches, and how the kill picks its fight: the store
 * applies it to each tracker's open fights inside the transaction that stores the kill.
 */
export function fightsFor(
  killmail: Killmail,
  matches: readonly TrackerMatch[],
  sync: TrackerSync,
  universe: Universe,
  rule: FightRule,
  now: number,
): FightCommit | undefined {
  const trackers = matches.flatMap((match) => {
    if (match.tracker.fight_report !== true) return [];
    const route = sync.route(match.trackerKey);
    return route ? [{ trackerKey: match.trackerKey, ...route }] : [];
  });
  if (trackers.length === 0) return undefined;
  const kill = { time: killmail.time, solarSystemId: killmail.solarSystemId };
  return { trackers, choose: (open) => findFight(open, kill, universe, rule), now: new Date(now) };
}

interface FailureStreak {
  sequence: number;
  republished: boolean;
  error: string;
  count: number;
  firstFailedAt: Date;
}

export function createKillmailIngestor(options: KillmailIngestorOptions) {
  const { store, sync, log, metrics } = options;
  const now = options.now ?? Date.now;
  const deadLetterAfter = options.deadLetterAfter ?? DEFAULT_DEAD_LETTER_AFTER;
  let streak: FailureStreak | undefined;

  /** Parses, matches and stores one document; throws when the store fails. */
  async function ingest(item: R2z2Item): Promise<IngestOutcome> {
    const parsed = parseKillmailDocument(item.document, { now: now() });
    if (!parsed.ok) {
      metrics?.killmailsInvalid.inc();
      log.warn({ sequence: item.sequence }, `invalid killmail skipped: ${parsed.error}`);
      if (!item.republished) await store.advanceCursor(item.sequence);
      return { kind: 'invalid', error: parsed.error };
    }
    const document = parsed.document;
    if (item.republished) {
      await store.replaceDocument(document);
      return { kind: 'replaced', killmailId: document.killmail_id };
    }
    const { universe, catalog } = options.world();
    const killmail = normalizeKillmail(document, { universe, catalog });
    const started = performance.now();
    const matches = sync.matcher().match(killmail, {
      now: now(),
      ...(options.linksFor ? { linksFor: options.linksFor } : {}),
    });
    metrics?.matchSeconds.observe((performance.now() - started) / 1000);
    const deliveries = deliveriesFor(matches, sync);
    const fights = fightsFor(
      killmail,
      matches,
      sync,
      universe,
      options.fightRule ?? DEFAULT_FIGHT_RULE,
      now(),
    );
    const result = await store.commitKillmail({
      sequence: item.sequence,
      document,
      killTime: new Date(killmail.time),
      solarSystemId: killmail.solarSystemId,
      deliveries,
      matchedTrackerIds: matches.flatMap((match) => sync.route(match.trackerKey)?.trackerId ?? []),
      ...(fights ? { fights } : {}),
    });
    if (result.deliveriesCreated > 0) options.onDeliveriesCreated?.();
    metrics?.sequence.set(item.sequence);
    if (!result.stored) {
      metrics?.killmailsDuplicate.inc();
      log.debug({ sequence: item.sequence, killmail: document.killmail_id }, 'duplicate killmail ignored');
      return { kind: 'duplicate', killmailId: document.killmail_id };
    }
    metrics?.killmailsReceived.inc();
    metrics?.matches.inc(matches.length);
    metrics?.ingestLag.set(Math.max(0, (now() - killmail.time) / 1000));
    if (matches.length > 0) {
      log.info(
        {
          killmail: document.killmail_id,
          sequence: item.sequence,
          trackers: matches.length,
          channels: deliveries.length,
        },
        'killmail matched',
      );
    }
    return { kind: 'stored', killmailId: document.killmail_id, deliveries: result.deliveriesCreated };
  }

  /** Counts a failure; resolves with the streak when the document should become a dead letter now. */
  function countFailure(item: R2z2Item, error: unknown): FailureStreak | undefined {
    if (!options.deadLetters || !isDeterministicFailure(error)) {
      streak = undefined;
      return undefined;
    }
    const description = describeFailure(error);
    const same =
      streak?.sequence === item.sequence &&
      streak.republished === item.republished &&
      streak.error === description;
    streak = same
      ? { ...streak!, count: streak!.count + 1 }
      : {
          sequence: item.sequence,
          republished: item.republished,
          error: description,
          count: 1,
          firstFailedAt: new Date(now()),
        };
    return streak.count >= deadLetterAfter ? streak : undefined;
  }

  async function setAside(item: R2z2Item, failed: FailureStreak): Promise<void> {
    const killmailId = killmailIdOf(item.document);
    await options.deadLetters!.record({
      sequence: item.sequence,
      killmailId,
      republished: item.republished,
      document: item.document,
      error: failed.error,
      attempts: failed.count,
      firstFailedAt: failed.firstFailedAt,
    });
    streak = undefined;
    metrics?.deadLetters.inc();
    log.error(
      { sequence: item.sequence, killmail: killmailId, attempts: failed.count, error: failed.error },
      'killmail set aside as a dead letter after failing the same way every time; the feed moves on. ' +
        'See "killtracker deadletter list", fix the cause, then "killtracker deadletter retry ID".',
    );
  }

  return {
    ingest,

    /** For the poller: a throw makes it back off and call again with the same item. */
    async onDocument(item: R2z2Item): Promise<void> {
      try {
        await ingest(item);
        streak = undefined;
      } catch (error) {
        const failed = countFailure(item, error);
        if (failed) {
          await setAside(item, failed);
          return;
        }
        const killmailId = killmailIdOf(item.document) ?? 0;
        throw new KillmailStoreError(killmailId, item.sequence, streak?.count ?? 1, error);
      }
    },

    async onInvalid(item: R2z2InvalidItem): Promise<void> {
      metrics?.killmailsInvalid.inc();
      log.warn({ sequence: item.sequence }, `unreadable R2Z2 document skipped: ${item.error}`);
      if (!item.republished) await store.advanceCursor(item.sequence);
    },

    async onSkip(skip: R2z2Skip): Promise<void> {
      metrics?.sequencesSkipped.inc({ reason: skip.reason }, skip.to - skip.from + 1);
      await store.advanceCursor(skip.to);
    },
  };
}

function killmailIdOf(document: unknown): number | null {
  const id = (document as { killmail_id?: unknown } | null)?.killmail_id;
  return typeof id === 'number' && Number.isSafeInteger(id) ? id : null;
}

export type KillmailIngestor = ReturnType<typeof createKillmailIngestor>;
