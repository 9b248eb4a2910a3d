// An alert of a PPK tracker, posted by the real delivery worker, enters its kill into the guild's program
// with the derived events at once; an alert of another tracker leaves the program alone.
import type { RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { beforeAll, expect, it } from 'vitest';
import { createCharacterRepository } from '../../src/db/character-repository.ts';
import { createDeliveryStore } from '../../src/db/delivery-store.ts';
import { createKillmailStore } from '../../src/db/killmail-store.ts';
import { createTrackerRepository } from '../../src/db/tracker-repository.ts';
import type { AlertSender, SendResult } from '../../src/delivery/discord-sender.ts';
import { createDeliveryWorker } from '../../src/delivery/worker.ts';
import type { TrackerMatch } from '../../src/engine/index.ts';
import { createMemoryNameCache, createNameResolver } from '../../src/ingest/esi/index.ts';
import { silentLogger } from '../../src/log.ts';
import type { World } from '../../src/pipeline/world.ts';
import { createPpkAlertEntry } from '../../src/ppk/alert-entry.ts';
import { createPpkOperations } from '../../src/ppk/operations.ts';
import { attacker, KILL_TIME_MS, killmailDocument } from '../fixtures/killmails/builder.ts';
import { trackerDefinition } from '../fixtures/trackers.ts';
import { miniWorld } from '../helpers/bot-harness.ts';
import { offlineEsi } from '../fakes/esi.ts';
import { describeEachDatabase } from '../helpers/database.ts';

const GUILD = '123456789012345678';
const PPK_CHANNEL = '323456789012345678';
const INTEL_CHANNEL = '323456789012345679';
const ALICE = '400000000000000001';
const ALICE_MAIN = 2112000201;
const CAROL = 2112000203;

class RecordingSender implements AlertSender {
  readonly posts: Array<{ channelId: string; body: RESTPostAPIChannelMessageJSONBody }> = [];
  async send(channelId: string, body: RESTPostAPIChannelMessageJSONBody): Promise<SendResult> {
    this.posts.push({ channelId, body });
    return { ok: true, messageId: `90000000000000000${this.posts.length}` };
  }
  async edit(_channelId: string, messageId: string): Promise<SendResult> {
    return { ok: true, messageId };
  }
}

let world: World;
beforeAll(async () => {
  world = await miniWorld();
});

function match(name: string, ppk: boolean): TrackerMatch {
  return {
    trackerKey: name,
    tracker: trackerDefinition(name, {}, { ppk }),
    jumps: null,
    distanceLy: null,
    mainGroup: null,
    mainShipGroup: null,
    matchedShipTypeIds: [],
  };
}

describeEachDatabase('PPK alerts entering the program', (getDb) => {
  it('GIVEN a PPK tracker and an intel tracker matching one kill WHEN both alerts are posted THEN the kill enters once, on the PPK alert, with its derived events', async () => {
    const { db } = getDb();
    await createCharacterRepository({ db }).importLinks(GUILD, [
      { userId: ALICE, characterId: ALICE_MAIN, verified: false },
    ]);
    const document = killmailDocument({
      attackers: [
        attacker({ character: ALICE_MAIN, damage: 300, finalBlow: true }),
        attacker({ character: CAROL, damage: 900 }),
      ],
    });
    const killmails = createKillmailStore({ db });
    await killmails.commitKillmail({
      sequence: 1,
      document,
      killTime: new Date(KILL_TIME_MS),
      solarSystemId: document.esi.solar_system_id,
      deliveries: [
        { guildId: GUILD, channelId: INTEL_CHANNEL, matches: [match('Intel', false)] },
        { guildId: GUILD, channelId: PPK_CHANNEL, matches: [match('Our kills', true)] },
      ],
      matchedTrackerIds: [],
    });
    const now = () => KILL_TIME_MS + 60_000;
    const ppk = createPpkOperations({ db, log: silentLogger, now });
    const kept: string[] = [];
    const sender = new RecordingSender();
    const worker = createDeliveryWorker({
      deliveries: createDeliveryStore({ db }),
      killmails,
      trackers: createTrackerRepository({ db }),
      sender,
      names: createNameResolver({ esi: offlineEsi, cache: createMemoryNameCache(), log: silentLogger }),
      world: () => world,
      log: silentLogger,
      defaultMaxAgeMinutes: 60,
      now,
      onAlertPosted: createPpkAlertEntry({
        ppk,
        keepEdited: async ({ channelId, messageId }) => {
          kept.push(`${channelId}/${messageId}`);
        },
        log: silentLogger,
      }),
    });
    for (let round = 0; round < 10 && (await worker.runOnce()) > 0; round++);

    expect(sender.posts.map((post) => post.channelId).sort()).toEqual([PPK_CHANNEL, INTEL_CHANNEL].sort());
    const ppkPost = sender.posts.findIndex((post) => post.channelId === PPK_CHANNEL);
    const messageId = `90000000000000000${ppkPost + 1}`;
    const view = await ppk.killView(GUILD, document.killmail_id);
    expect(view).toMatchObject({ channelId: PPK_CHANNEL, messageId, unlinkedCharacterIds: [CAROL] });
    expect(view?.roster.participant.map((entry) => entry.characterId)).toEqual([ALICE_MAIN]);
    expect(view?.roster.final_blow.map((entry) => entry.characterId)).toEqual([ALICE_MAIN]);
    // Carol did the most damage but is not linked: nobody has top damage.
    expect(view?.roster.top_damage).toEqual([]);
    expect(kept).toEqual([`${PPK_CHANNEL}/${messageId}`]);
  });
});
