import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createDeliveryStore } from '../../src/db/delivery-store.ts';
import { createKillmailStore } from '../../src/db/killmail-store.ts';
import { deliveries } from '../../src/db/schema.ts';
import type { R2z2Document } from '../../src/engine/killmail/types.ts';
import { describeEachDatabase } from '../helpers/database.ts';

const doc = (id: number): R2z2Document => ({
  killmail_id: id,
  hash: `h${id}`,
  esi: {
    killmail_id: id,
    killmail_time: '2026-11-21T08:00:00Z',
    solar_system_id: 30003067,
    victim: { damage_taken: 100, ship_type_id: 587 },
    attackers: [{ damage_done: 100, final_blow: true, security_status: 0, ship_type_id: 587 }],
  },
  zkb: { hash: `h${id}`, npc: false, solo: true, awox: false, totalValue: 1000 },
});

const commit = (
  store: ReturnType<typeof createKillmailStore>,
  sequence: number,
  id: number,
  channels: string[],
) =>
  store.commitKillmail({
    sequence,
    document: doc(id),
    killTime: new Date('2026-11-21T08:00:00Z'),
    solarSystemId: 30003067,
    deliveries: channels.map((channelId) => ({ guildId: 'g', channelId, matches: [] })),
    matchedTrackerIds: [],
  });

describeEachDatabase('killmail store and delivery outbox', (getDb) => {
  const killmailStore = () => createKillmailStore({ db: getDb().db });
  const outbox = () => createDeliveryStore({ db: getDb().db });

  it('stores the killmail, its deliveries and the cursor together; a replay adds nothing', async () => {
    expect(await killmailStore().loadCursor()).toBeNull();
    expect(await commit(killmailStore(), 10, 1, ['a', 'b'])).toEqual({ stored: true, deliveriesCreated: 2 });
    expect(await killmailStore().loadCursor()).toBe(10);
    expect(await commit(killmailStore(), 11, 1, ['a', 'b'])).toEqual({ stored: false, deliveriesCreated: 0 });
    expect(await killmailStore().loadCursor()).toBe(11);
    expect(await outbox().list()).toHaveLength(2);
    expect((await killmailStore().get(1))?.hash).toBe('h1');
  });

  it('never moves the cursor backwards', async () => {
    await killmailStore().advanceCursor(50);
    await killmailStore().advanceCursor(40);
    expect(await killmailStore().loadCursor()).toBe(50);
  });

  it('claims only the oldest unfinished delivery of each channel, and each only once', async () => {
    await commit(killmailStore(), 1, 1, ['a', 'b']);
    await commit(killmailStore(), 2, 2, ['a']);
    const first = await outbox().claim(10, 60_000);
    expect(first.map((row) => [row.channelId, row.killmailId])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect(await outbox().claim(10, 60_000)).toEqual([]);
    await outbox().markSent(first[0]!.id, 'm1');
    const next = await outbox().claim(10, 60_000);
    expect(next.map((row) => [row.channelId, row.killmailId, row.attempts])).toEqual([['a', 2, 1]]);
  });

  it('a delivery waiting for a retry holds back the later ones of its channel', async () => {
    await commit(killmailStore(), 1, 1, ['a']);
    await commit(killmailStore(), 2, 2, ['a']);
    const [head] = await outbox().claim(10, 60_000);
    await outbox().retryLater(head!.id, 60_000, '503');
    expect(await outbox().claim(10, 60_000)).toEqual([]);
    await getDb()
      .db.update(deliveries)
      .set({ nextAttemptAt: sql`now() - interval '1 second'` });
    const again = await outbox().claim(10, 60_000);
    expect(again.map((row) => [row.killmailId, row.attempts, row.lastError])).toEqual([[1, 2, '503']]);
  });

  it('an expired lease (a worker that died) makes the delivery claimable again', async () => {
    await commit(killmailStore(), 1, 1, ['a']);
    await outbox().claim(10, 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const reclaimed = await outbox().claim(10, 60_000);
    expect(reclaimed.map((row) => row.attempts)).toEqual([2]);
  });

  it('failChannel fails every unfinished delivery of that channel only', async () => {
    await commit(killmailStore(), 1, 1, ['dead', 'alive']);
    await commit(killmailStore(), 2, 2, ['dead']);
    expect(await outbox().failChannel('dead', 'Unknown Channel')).toBe(2);
    expect(await outbox().countByStatus()).toMatchObject({ failed: 2, pending: 1 });
  });

  it('purges old killmails with their finished deliveries, keeping unfinished ones', async () => {
    await commit(killmailStore(), 1, 1, ['a']);
    await commit(killmailStore(), 2, 2, ['b']);
    const [a] = await outbox().claim(1, 60_000);
    await outbox().markSent(a!.id, 'm');
    const future = new Date(Date.now() + 60_000);
    expect(await killmailStore().purgeReceivedBefore(future)).toEqual({
      killmails: 1,
      deliveries: 1,
      undelivered: 0,
    });
    expect(await killmailStore().get(1)).toBeUndefined();
    expect(await killmailStore().get(2)).toBeDefined();
  });
});
