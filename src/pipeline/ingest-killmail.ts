// What happens to each R2Z2 document: validate, normalize, match against every tracker, then store
// the killmail, one delivery per matched channel and the cursor in a single transaction.
import type { KillmailStore, NewDelivery } from '../db/killmail-store.ts';
import type { ItemCatalog, Universe } from '../engine/universe/index.ts';
import {
  type CharacterRoleLinks,
  normalizeKillmail,
  parseKillmailDocument,
  type TrackerMatch,
} from '../engine/index.ts';
import type { R2z2InvalidItem, R2z2Item, R2z2Skip } from '../ingest/r2z2/types.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { TrackerSync } from './tracker-sync.ts';

export interface KillmailIngestorOptions {
  store: KillmailStore;
  sync: TrackerSync;
  world: () => { universe: Universe; catalog: ItemCatalog };
  log: Logger;
  metrics?: Metrics;
  /** Character -> role links of a guild, for the *_roles clauses. */
  linksFor?: (guildId: string | undefined) => CharacterRoleLinks | undefined;
  now?: () => number;
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

export function createKillmailIngestor(options: KillmailIngestorOptions) {
  const { store, sync, log, metrics } = options;
  const now = options.now ?? Date.now;

  return {
    async onDocument(item: R2z2Item): Promise<void> {
      const parsed = parseKillmailDocument(item.document);
      if (!parsed.ok) {
        metrics?.killmailsInvalid.inc();
        log.warn({ sequence: item.sequence }, `invalid killmail skipped: ${parsed.error}`);
        if (!item.republished) await store.advanceCursor(item.sequence);
        return;
      }
      const document = parsed.document;
      if (item.republished) {
        await store.replaceDocument(document);
        return;
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
      const result = await store.commitKillmail({
        sequence: item.sequence,
        document,
        killTime: new Date(killmail.time),
        solarSystemId: killmail.solarSystemId,
        deliveries,
        matchedTrackerIds: matches.flatMap((match) => sync.route(match.trackerKey)?.trackerId ?? []),
      });
      metrics?.sequence.set(item.sequence);
      if (!result.stored) {
        metrics?.killmailsDuplicate.inc();
        log.debug({ sequence: item.sequence, killmail: document.killmail_id }, 'duplicate killmail ignored');
        return;
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

export type KillmailIngestor = ReturnType<typeof createKillmailIngestor>;
