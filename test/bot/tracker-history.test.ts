import { expect, it } from 'vitest';
import { createKillmailHistory } from '../../src/db/killmail-history.ts';
import { createKillmailStore } from '../../src/db/killmail-store.ts';
import { deliveries } from '../../src/db/schema.ts';
import { createTrackerStats } from '../../src/db/tracker-stats.ts';
import type { R2z2Document } from '../../src/engine/killmail/types.ts';
import type { TrackerMatch } from '../../src/engine/tracker/types.ts';
import { syntheticR2z2Document } from '../fakes/r2z2.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { definition } from './tracker-support.ts';

const NOW = Date.parse('2026-11-21T12:00:00Z');

describeEachDatabase('tracker history reads: killmail pages and match counts', (getDb) => {
  async function store(id: number, killMinutesAgo: number, receivedMinutesAgo: number): Promise<void> {
    const document = syntheticR2z2Document(id) as unknown as R2z2Document;
    const killTime = new Date(NOW - killMinutesAgo * 60_000);
    document.esi.killmail_time = killTime.toISOString();
    await createKillmailStore({ db: getDb().db }).commitKillmail({
      sequence: id,
      document,
      killTime,
      solarSystemId: document.esi.solar_system_id,
      deliveries: [],
      matchedTrackerIds: [],
      receivedAt: new Date(NOW - receivedMinutesAgo * 60_000),
    });
  }

  it('GIVEN killmails sharing kill times WHEN read in small pages THEN each received one comes once, newest kill first', async () => {
    await store(1, 10, 1);
    await store(2, 10, 1);
    await store(3, 10, 1);
    await store(4, 5, 1);
    await store(5, 20, 2);
    await store(6, 1, 3);
    await store(7, 0, 60 * 30);
    const history = createKillmailHistory({ db: getDb().db });
    const pages: number[][] = [];
    for await (const page of history.receivedSince(new Date(NOW - 24 * 60 * 60_000), 2)) {
      pages.push(page.map((document) => document.killmail_id));
    }
    expect(pages.every((page) => page.length <= 2)).toBe(true);
    expect(pages.flat()).toEqual([6, 4, 3, 2, 1, 5]);
  });

  it('GIVEN no killmails in the window THEN no page is produced', async () => {
    await store(1, 10, 60 * 30);
    const history = createKillmailHistory({ db: getDb().db });
    const pages = [];
    for await (const page of history.receivedSince(new Date(NOW - 60 * 60_000))) pages.push(page);
    expect(pages).toEqual([]);
  });

  it('GIVEN deliveries of several trackers THEN matches are counted per tracker for one guild since a time', async () => {
    const match = (trackerKey: string): TrackerMatch => ({
      trackerKey,
      tracker: definition(`tracker ${trackerKey}`),
      jumps: null,
      distanceLy: null,
      mainGroup: null,
      mainShipGroup: null,
      matchedShipTypeIds: [],
    });
    const recent = new Date(NOW - 60 * 60_000);
    const old = new Date(NOW - 30 * 60 * 60_000);
    await getDb()
      .db.insert(deliveries)
      .values([
        {
          guildId: 'g1',
          channelId: 'c1',
          killmailId: 1,
          matches: [match('11'), match('12')],
          createdAt: recent,
        },
        { guildId: 'g1', channelId: 'c2', killmailId: 1, matches: [match('13')], createdAt: recent },
        { guildId: 'g1', channelId: 'c1', killmailId: 2, matches: [match('11')], createdAt: recent },
        { guildId: 'g1', channelId: 'c1', killmailId: 3, matches: [match('11')], createdAt: old },
        { guildId: 'g1', channelId: 'c1', killmailId: 4, matches: [match('replay-0')], createdAt: recent },
        { guildId: 'g2', channelId: 'c9', killmailId: 1, matches: [match('21')], createdAt: recent },
      ]);
    const counts = await createTrackerStats({ db: getDb().db }).matchesSince(
      'g1',
      new Date(NOW - 24 * 60 * 60_000),
    );
    expect(Object.fromEntries(counts)).toEqual({ 11: 2, 12: 1, 13: 1 });
  });
});
