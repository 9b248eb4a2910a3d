// The delivery worker with a ping cooldown: the first alert of a tracker pings, the next inside the
// cooldown posts without a ping and says so, the first at the cooldown's end pings again.
import type { RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { beforeAll, expect, it } from 'vitest';
import { createDeliveryStore } from '../../src/db/delivery-store.ts';
import { createKillmailStore } from '../../src/db/killmail-store.ts';
import { createPingCooldownStore } from '../../src/db/ping-cooldown-store.ts';
import { createTrackerRepository } from '../../src/db/tracker-repository.ts';
import type { AlertSender } from '../../src/delivery/discord-sender.ts';
import { createDeliveryWorker } from '../../src/delivery/worker.ts';
import type { R2z2Document } from '../../src/engine/killmail/types.ts';
import type { TrackerMatch } from '../../src/engine/tracker/types.ts';
import { createMemoryNameCache, createNameResolver } from '../../src/ingest/esi/index.ts';
import { silentLogger } from '../../src/log.ts';
import type { World } from '../../src/pipeline/world.ts';
import { syntheticR2z2Document } from '../fakes/r2z2.ts';
import { miniWorld } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { trackerDefinition } from '../fixtures/trackers.ts';

const MINUTE = 60_000;
const match: TrackerMatch = {
  trackerKey: '5',
  tracker: {
    ...trackerDefinition('Cooled'),
    ping: { everyone: false, here: true, roles: [] },
    ping_cooldown_minutes: 10,
    max_age_minutes: 7 * 24 * 60,
  },
  jumps: null,
  distanceLy: null,
  mainGroup: null,
  mainShipGroup: null,
  matchedShipTypeIds: [],
};

let world: World;
beforeAll(async () => {
  world = await miniWorld();
});

describeEachDatabase('delivery with a ping cooldown', (getDb) => {
  it('GIVEN a 10 minute cooldown THEN alerts at 0 and 10 min ping, the one at 9 min posts without a ping and says so', async () => {
    const { db } = getDb();
    const posted: RESTPostAPIChannelMessageJSONBody[] = [];
    const sender: AlertSender = {
      async send(_channel, body) {
        posted.push(body);
        return { ok: true, messageId: String(posted.length) };
      },
      async edit(_channel, messageId) {
        return { ok: true, messageId };
      },
    };
    const start = Date.now();
    let now = start;
    const worker = createDeliveryWorker({
      deliveries: createDeliveryStore({ db }),
      killmails: createKillmailStore({ db }),
      trackers: createTrackerRepository({ db }),
      cooldowns: createPingCooldownStore({ db }),
      sender,
      names: createNameResolver({
        esi: { names: async () => [] },
        cache: createMemoryNameCache(),
        log: silentLogger,
      }),
      world: () => world,
      log: silentLogger,
      defaultMaxAgeMinutes: 60,
      now: () => now,
    });
    for (const [index, at] of [0, 9 * MINUTE, 10 * MINUTE].entries()) {
      const document = syntheticR2z2Document(900 + index) as unknown as R2z2Document;
      document.esi.killmail_time = new Date(start).toISOString();
      await createKillmailStore({ db }).commitKillmail({
        sequence: index + 1,
        document,
        killTime: new Date(start),
        solarSystemId: document.esi.solar_system_id,
        deliveries: [{ guildId: 'g', channelId: 'c', matches: [match] }],
        matchedTrackerIds: [],
      });
      now = start + at;
      expect(await worker.runOnce()).toBe(1);
    }
    expect(posted.map((body) => body.allowed_mentions)).toEqual([
      { parse: ['everyone'], roles: [] },
      { parse: [], roles: [] },
      { parse: ['everyone'], roles: [] },
    ]);
    expect(posted[0]?.content).toContain('@here');
    expect(posted[1]?.content).not.toContain('@here');
    expect(posted[1]?.content).toContain('-# No ping: Cooled pings at most once every 10 min');
    expect(posted[2]?.content).toContain('@here');
  });
});
