// The daily purge: nothing stays past the retention window, not even an alert that never got posted or a
// document set aside, and names no alert asked for in 30 days leave the cache.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createDeadLetterStore } from '../../src/db/dead-letter-store.ts';
import { createDeliveryStore } from '../../src/db/delivery-store.ts';
import { createKillmailStore } from '../../src/db/killmail-store.ts';
import { createNameRepository } from '../../src/db/name-repository.ts';
import type { R2z2Document } from '../../src/engine/killmail/types.ts';
import { silentLogger } from '../../src/log.ts';
import { purgeExpired } from '../../src/pipeline/retention.ts';
import { syntheticR2z2Document } from '../fakes/r2z2.ts';
import { describeEachDatabase } from '../helpers/database.ts';

describeEachDatabase('retention purge', (getDb) => {
  async function commit(killmailId: number, channelId: string) {
    const document = syntheticR2z2Document(killmailId) as unknown as R2z2Document;
    await createKillmailStore({ db: getDb().db }).commitKillmail({
      sequence: killmailId,
      document,
      killTime: new Date(document.esi.killmail_time),
      solarSystemId: document.esi.solar_system_id,
      deliveries: [{ guildId: 'g', channelId, matches: [] }],
      matchedTrackerIds: [],
    });
  }

  /** Moves every row written so far `days` into the past. */
  async function age(days: number) {
    const { db } = getDb();
    const interval = sql.raw(`interval '${days} days'`);
    await db.execute(sql`update killmails set received_at = received_at - ${interval}`);
    await db.execute(sql`update deliveries set created_at = created_at - ${interval}`);
    await db.execute(sql`update dead_letters set last_failed_at = last_failed_at - ${interval}`);
    await db.execute(sql`update entity_names set used_at = used_at - ${interval}`);
  }

  it('GIVEN an alert that kept failing past the retention window THEN it is purged with its killmail, and counted', async () => {
    await commit(1, 'broken');
    const [claimed] = await createDeliveryStore({ db: getDb().db }).claim(1, 60_000);
    await createDeliveryStore({ db: getDb().db }).retryLater(claimed!.id, 60_000, 'Discord HTTP 502', true);
    await age(8);
    await commit(2, 'fine');

    const report = await purgeExpired({ db: getDb().db, retentionDays: 7, log: silentLogger });

    expect(report).toMatchObject({ killmails: 1, deliveries: 1, undelivered: 1 });
    const killmails = createKillmailStore({ db: getDb().db });
    expect(await killmails.get(1)).toBeUndefined();
    expect(await killmails.get(2)).toBeDefined();
    expect((await createDeliveryStore({ db: getDb().db }).list()).map((row) => row.killmailId)).toEqual([2]);
  });

  it('GIVEN a dead letter nobody retried within the window THEN it is purged; a recent one stays', async () => {
    const store = createDeadLetterStore({ db: getDb().db });
    const letter = (sequence: number) => ({
      sequence,
      killmailId: sequence,
      republished: false,
      document: syntheticR2z2Document(sequence),
      error: '22012: division by zero',
      attempts: 3,
      firstFailedAt: new Date(),
    });
    await store.record(letter(10));
    await age(8);
    await store.record(letter(11));
    expect((await purgeExpired({ db: getDb().db, retentionDays: 7, log: silentLogger })).deadLetters).toBe(1);
    expect((await store.list()).map((row) => row.sequence)).toEqual([11]);
  });

  it('GIVEN names no alert asked for in 30 days THEN they leave the cache; a name an alert just used stays', async () => {
    const names = createNameRepository({ db: getDb().db });
    await names.put([
      { id: 1, name: 'Forgotten Pilot', category: 'character' },
      { id: 2, name: 'Busy Pilot', category: 'character' },
    ]);
    await age(31);
    await names.get([2]);
    expect((await purgeExpired({ db: getDb().db, retentionDays: 7, log: silentLogger })).names).toBe(1);
    expect([...(await names.get([1, 2])).keys()]).toEqual([2]);
  });
});
