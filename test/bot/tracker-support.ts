// Small helpers shared by the /tracker end-to-end tests: tracker definitions, stored killmails, and
// waiting for a deferred answer to be filled in.
import { type APIEmbed, type APIMessage, MessageFlags } from 'discord-api-types/v10';
import type { TrackerRow } from '../../src/db/tracker-repository.ts';
import type { R2z2Document } from '../../src/engine/killmail/types.ts';
import type { TrackerDefinition } from '../../src/engine/tracker/types.ts';
import type { RecordedInteractionCallback } from '../fakes/discord/index.ts';
import { syntheticR2z2Document } from '../fakes/r2z2.ts';
import { trackerDefinition } from '../fixtures/trackers.ts';
import type { BotHarness } from '../helpers/bot-harness.ts';

export const JITA = 30000142;
export const AMARR = 30002187;

/** A tracker as /tracker create starts one: disabled until the admin enables it. */
export function definition(name: string, extra: Partial<TrackerDefinition> = {}): TrackerDefinition {
  return trackerDefinition(name, {}, { enabled: false, ...extra });
}

export function addTracker(
  harness: BotHarness,
  name: string,
  extra: Partial<TrackerDefinition> = {},
  where: { guildId?: string; channelId?: string } = {},
): Promise<TrackerRow> {
  return harness.ctx.trackers.create({
    guildId: where.guildId ?? harness.guildId,
    channelId: where.channelId ?? harness.channels.alerts,
    definition: definition(name, extra),
  });
}

/** A killmail in `systemId`, `minutesAgo` before now, stored (received a minute later) as the pipeline does. */
export async function storeKillmail(
  harness: BotHarness,
  id: number,
  systemId: number,
  minutesAgo = 10,
  extra: { deliveries?: Array<{ channelId: string; tracker: TrackerRow }> } = {},
): Promise<R2z2Document> {
  const document = syntheticR2z2Document(id) as unknown as R2z2Document;
  const killTime = new Date(Date.now() - minutesAgo * 60_000);
  document.esi.solar_system_id = systemId;
  document.esi.killmail_time = killTime.toISOString();
  const deliveries = extra.deliveries ?? [];
  await harness.ctx.killmails.commitKillmail({
    sequence: id,
    document,
    killTime,
    solarSystemId: systemId,
    deliveries: deliveries.map(({ channelId, tracker }) => ({
      guildId: tracker.guildId,
      channelId,
      matches: [
        {
          trackerKey: String(tracker.id),
          tracker: tracker.definition,
          jumps: null,
          distanceLy: null,
          mainGroup: null,
          mainShipGroup: null,
          matchedShipTypeIds: [],
        },
      ],
    })),
    matchedTrackerIds: deliveries.map(({ tracker }) => tracker.id),
    receivedAt: new Date(killTime.getTime() + 60_000),
  });
  return document;
}

/** The answer of a deferred interaction, once the bot has filled in its "thinking…" message. */
export function deferredAnswer(
  harness: BotHarness,
  callback: RecordedInteractionCallback,
): Promise<APIMessage> {
  return harness.fake.waitForOriginal(
    callback.token,
    (message) => ((message.flags ?? 0) & MessageFlags.Loading) === 0,
    { timeoutMs: 15_000 },
  );
}

export const contentOf = (callback: RecordedInteractionCallback): string =>
  String(callback.data?.content ?? '');

export const embedsOf = (callback: RecordedInteractionCallback): APIEmbed[] =>
  (callback.data?.embeds ?? []) as APIEmbed[];

/** The first embed of an answer (the editor's); fails the test when there is none. */
export function embedOf(callback: RecordedInteractionCallback): APIEmbed {
  const embed = embedsOf(callback)[0];
  if (!embed) throw new Error(`no embed in the answer: ${JSON.stringify(callback.data)}`);
  return embed;
}

export const componentsOf = (callback: RecordedInteractionCallback): unknown[] =>
  (callback.data?.components ?? []) as unknown[];
