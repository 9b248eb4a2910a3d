// Fight reports through the database: a tracker's kills of one fight commit with their fight and its
// report message, the first kill alone gets an alert, the report is posted once and edited with coalesced
// changes, a restarted process finds the pending edit, and a quiet fight closes with one last edit.
import type { RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createDeliveryStore } from '../../src/db/delivery-store.ts';
import { createFightStore, FIGHT_MESSAGE_KIND, purgeClosedFights } from '../../src/db/fight-store.ts';
import { createKillmailStore } from '../../src/db/killmail-store.ts';
import { createLiveMessageStore } from '../../src/db/live-message-store.ts';
import { deliveries } from '../../src/db/schema.ts';
import { createTrackerRepository } from '../../src/db/tracker-repository.ts';
import type { AlertSender, SendResult } from '../../src/delivery/discord-sender.ts';
import { createFightReportRenderer } from '../../src/delivery/fight-report.ts';
import { createLiveMessageWorker } from '../../src/delivery/live-messages.ts';
import { createMatcher } from '../../src/engine/matcher.ts';
import { createMemoryNameCache, createNameResolver } from '../../src/ingest/esi/index.ts';
import { silentLogger } from '../../src/log.ts';
import { createKillmailIngestor } from '../../src/pipeline/ingest-killmail.ts';
import { createTrackerSync } from '../../src/pipeline/tracker-sync.ts';
import type { World } from '../../src/pipeline/world.ts';
import { syntheticR2z2Document } from '../fakes/r2z2.ts';
import { trackerDefinition } from '../fixtures/trackers.ts';
import { miniWorld } from '../helpers/bot-harness.ts';
import { offlineEsi } from '../fakes/esi.ts';
import { describeEachDatabase } from '../helpers/database.ts';

const JITA = 30000142;
const PERIMETER = 30000144;
const AMARR = 30002187;
const KILL_TIME = Date.UTC(2026, 10, 1, 12, 0, 0);
const MINUTE = 60_000;

/** A kill `minutes` after KILL_TIME in `systemId`, worth `value` ISK. */
function kill(id: number, systemId: number, minutes: number, value = 1_000_000): Record<string, unknown> {
  const document = syntheticR2z2Document(id) as {
    esi: Record<string, unknown>;
    zkb: Record<string, unknown>;
  };
  document.esi.solar_system_id = systemId;
  document.esi.killmail_time = new Date(KILL_TIME + minutes * MINUTE).toISOString();
  document.zkb.totalValue = value;
  return document;
}

interface Sent {
  kind: 'post' | 'edit';
  channelId: string;
  messageId: string;
  body: RESTPostAPIChannelMessageJSONBody;
}

class RecordingSender implements AlertSender {
  readonly calls: Sent[] = [];
  async send(channelId: string, body: RESTPostAPIChannelMessageJSONBody): Promise<SendResult> {
    const messageId = `m${this.calls.length + 1}`;
    this.calls.push({ kind: 'post', channelId, messageId, body });
    return { ok: true, messageId };
  }
  async edit(
    channelId: string,
    messageId: string,
    body: RESTPostAPIChannelMessageJSONBody,
  ): Promise<SendResult> {
    this.calls.push({ kind: 'edit', channelId, messageId, body });
    return { ok: true, messageId };
  }
}

let world: World;
beforeAll(async () => {
  world = await miniWorld();
});

describeEachDatabase('fight reports: one message per fight, kept edited through the outbox', (getDb) => {
  /** One process: its stores, ingestor and live-message worker. `editIntervalMs` coalesces edits. */
  function startProcess(clock: { now: number }, editIntervalMs = 0) {
    const { db } = getDb();
    const trackers = createTrackerRepository({ db });
    const liveMessages = createLiveMessageStore({ db, editIntervalMs });
    const fights = createFightStore({ db, liveMessages });
    const killmails = createKillmailStore({ db, fights });
    const sync = createTrackerSync({
      trackers,
      matcher: createMatcher({ universe: world.universe }),
      log: silentLogger,
    });
    const ingestor = createKillmailIngestor({
      store: killmails,
      sync,
      world: () => world,
      log: silentLogger,
      now: () => clock.now,
    });
    const sender = new RecordingSender();
    const worker = createLiveMessageWorker({
      store: liveMessages,
      sender,
      renderers: {
        [FIGHT_MESSAGE_KIND]: createFightReportRenderer({
          fights,
          trackers,
          names: createNameResolver({ esi: offlineEsi, cache: createMemoryNameCache(), log: silentLogger }),
          world: () => world,
          namesDeadlineMs: 10,
        }),
      },
      log: silentLogger,
    });
    let sequence = 1000;
    const ingest = async (document: Record<string, unknown>) => {
      await sync.refresh();
      return ingestor.ingest({ sequence: sequence++, document, republished: false });
    };
    return {
      trackers,
      liveMessages,
      fights,
      deliveries: createDeliveryStore({ db }),
      ingest,
      sender,
      worker,
    };
  }

  async function createFightTracker(p: ReturnType<typeof startProcess>) {
    return p.trackers.create({
      guildId: 'g',
      channelId: 'fights',
      definition: trackerDefinition('Jita brawls', {}, { fight_report: true }),
    });
  }

  const alertedKills = async () =>
    (
      await getDb().db.select({ id: deliveries.killmailId }).from(deliveries).orderBy(deliveries.killmailId)
    ).map((row) => row.id);

  it('GIVEN a tracker with fight reports WHEN three kills of one fight arrive THEN only the first is alerted and the report is posted once with all three', async () => {
    const clock = { now: KILL_TIME + MINUTE };
    const p = startProcess(clock);
    await createFightTracker(p);
    await p.ingest(kill(1, JITA, 0, 100_000_000));
    clock.now += MINUTE;
    await p.ingest(kill(2, PERIMETER, 3, 20_000_000));
    await p.ingest(kill(3, JITA, 5, 5_000_000));

    const deliveries = await p.deliveries.countByStatus();
    expect(deliveries.pending).toBe(1);
    const [fight] = await p.fights.listByTracker((await p.trackers.list('g'))[0]!.id);
    expect(await p.fights.killIds(fight!.id)).toEqual([1, 2, 3]);
    expect(fight!.systemIds).toEqual([JITA, PERIMETER]);

    expect(await p.worker.runOnce()).toBe(1);
    expect(p.sender.calls.map((call) => [call.kind, call.channelId])).toEqual([['post', 'fights']]);
    const embed = p.sender.calls[0]!.body.embeds![0]!;
    expect(embed.title).toBe('Ongoing fight in Jita (+1 systems)');
    expect(embed.description).toContain('3 ships destroyed, 125m ISK');
    expect(p.sender.calls[0]!.body.allowed_mentions).toEqual({ parse: [] });
    expect(await p.worker.runOnce()).toBe(0);
  });

  it('GIVEN a posted report and an edit interval WHEN two more kills join THEN they make one edit showing both', async () => {
    const clock = { now: KILL_TIME + MINUTE };
    const p = startProcess(clock, 60_000);
    await createFightTracker(p);
    await p.ingest(kill(1, JITA, 0));
    await p.ingest(kill(2, JITA, 1));
    expect(await p.worker.runOnce()).toBe(1);
    await p.ingest(kill(3, JITA, 2));
    await p.ingest(kill(4, JITA, 3));
    // Inside the interval since the post: nothing is due yet.
    expect(await p.worker.runOnce()).toBe(0);
    await getDb().db.execute(sql`update live_messages set due_at = now()`);
    expect(await p.worker.runOnce()).toBe(1);
    expect(p.sender.calls.map((call) => call.kind)).toEqual(['post', 'edit']);
    expect(p.sender.calls[1]!.messageId).toBe('m1');
    expect(p.sender.calls[1]!.body.embeds![0]!.description).toContain('4 ships destroyed');
  });

  it('GIVEN kills committed by a process that died before editing WHEN another process starts THEN it posts the report with them', async () => {
    const clock = { now: KILL_TIME + MINUTE };
    const crashed = startProcess(clock);
    await createFightTracker(crashed);
    await crashed.ingest(kill(1, JITA, 0));
    await crashed.ingest(kill(2, JITA, 1));
    await crashed.ingest(kill(3, PERIMETER, 2));
    // The first process never ran its worker; a new one starts on the same database.
    const restarted = startProcess(clock);
    expect(await restarted.worker.runOnce()).toBe(1);
    expect(crashed.sender.calls).toEqual([]);
    expect(restarted.sender.calls).toHaveLength(1);
    expect(restarted.sender.calls[0]!.body.embeds![0]!.description).toContain('3 ships destroyed');
  });

  it('GIVEN a fight in Jita WHEN a kill happens in Amarr (not adjacent) THEN it starts another fight and is alerted', async () => {
    const clock = { now: KILL_TIME + MINUTE };
    const p = startProcess(clock);
    await createFightTracker(p);
    await p.ingest(kill(1, JITA, 0));
    await p.ingest(kill(2, JITA, 1));
    await p.ingest(kill(3, AMARR, 2));
    expect(await alertedKills()).toEqual([1, 3]);
    expect(await p.fights.listByTracker((await p.trackers.list('g'))[0]!.id)).toHaveLength(2);
  });

  it('GIVEN an open fight WHEN it has been quiet for 20 minutes THEN it closes with one last edit and a later kill starts a new fight with an alert', async () => {
    const clock = { now: KILL_TIME + MINUTE };
    const p = startProcess(clock);
    await createFightTracker(p);
    await p.ingest(kill(1, JITA, 0));
    await p.ingest(kill(2, JITA, 1));
    await p.worker.runOnce();

    expect(await p.fights.closeQuiet(new Date(clock.now + 19 * MINUTE))).toEqual([]);
    const closed = await p.fights.closeQuiet(new Date(clock.now + 20 * MINUTE));
    expect(closed).toHaveLength(1);
    expect(await p.worker.runOnce()).toBe(1);
    const last = p.sender.calls.at(-1)!;
    expect(last.kind).toBe('edit');
    expect(last.body.embeds![0]!.title).toBe('Fight in Jita');
    expect(last.body.embeds![0]!.footer?.text).toBe('Jita brawls · fight over');
    expect((await p.liveMessages.list({ kind: FIGHT_MESSAGE_KIND }))[0]?.status).toBe('closed');

    clock.now += 25 * MINUTE;
    await p.ingest(kill(3, JITA, 10));
    expect(await alertedKills()).toEqual([1, 3]);

    // The retention purge removes closed fights only.
    const trackerId = (await p.trackers.list('g'))[0]!.id;
    expect(await purgeClosedFights(getDb().db, new Date(clock.now + 60 * MINUTE))).toBe(1);
    const [open] = await p.fights.listByTracker(trackerId);
    expect(await p.fights.killIds(open!.id)).toEqual([3]);
  });

  it('GIVEN a tracker without fight reports WHEN kills of a fight arrive THEN each is alerted and no fight is kept', async () => {
    const clock = { now: KILL_TIME + MINUTE };
    const p = startProcess(clock);
    const row = await p.trackers.create({
      guildId: 'g',
      channelId: 'all',
      definition: trackerDefinition('All', {}),
    });
    await p.ingest(kill(1, JITA, 0));
    await p.ingest(kill(2, JITA, 1));
    expect(await alertedKills()).toEqual([1, 2]);
    expect(await p.fights.listByTracker(row.id)).toEqual([]);
  });
});
