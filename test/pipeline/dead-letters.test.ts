// One bad document must not stop the feed: documents the database would refuse are invalid at parse
// time, and a document whose store fails the same deterministic way every time is set aside as a dead
// letter while the feed moves on. A lost connection is retried, never set aside.
import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { createDeadLetterStore } from '../../src/db/dead-letter-store.ts';
import { createKillmailStore, type KillmailStore } from '../../src/db/killmail-store.ts';
import { createTrackerRepository } from '../../src/db/tracker-repository.ts';
import { createMatcher } from '../../src/engine/matcher.ts';
import { createR2z2Poller } from '../../src/ingest/r2z2/poller.ts';
import { silentLogger } from '../../src/log.ts';
import { createMetrics } from '../../src/metrics.ts';
import { createKillmailIngestor } from '../../src/pipeline/ingest-killmail.ts';
import { createTrackerSync } from '../../src/pipeline/tracker-sync.ts';
import type { World } from '../../src/pipeline/world.ts';
import { createFakeClock, type FakeR2z2, startFakeR2z2, syntheticR2z2Document } from '../fakes/r2z2.ts';
import { miniWorld } from '../helpers/bot-harness.ts';
import { describeEachDatabase } from '../helpers/database.ts';

const FIRST = 5000;

let world: World;
beforeAll(async () => {
  world = await miniWorld();
});

/** A synthetic document with one field broken by `change`. */
function poisoned(id: number, change: (document: { hash: string; esi: Record<string, unknown> }) => void) {
  const document = syntheticR2z2Document(id) as { hash: string; esi: Record<string, unknown> };
  change(document);
  return document;
}

describeEachDatabase('a poison document never stops the feed', (getDb) => {
  let feed: FakeR2z2 | undefined;
  afterEach(async () => {
    await feed?.close();
    feed = undefined;
  });

  /**
   * Follows the fake feed until the stored cursor reaches its newest file, or gives up after a generous
   * wait (the poller's back-offs cost nothing on the fake clock, so a stalled feed spins, never sleeps).
   */
  async function follow(
    documents: unknown[],
    store: (real: KillmailStore) => KillmailStore = (real) => real,
  ) {
    const { db } = getDb();
    const killmails = createKillmailStore({ db });
    const deadLetters = createDeadLetterStore({ db });
    const metrics = createMetrics();
    const sync = createTrackerSync({
      trackers: createTrackerRepository({ db }),
      matcher: createMatcher({ universe: world.universe }),
      log: silentLogger,
    });
    await sync.refresh();
    const ingestor = createKillmailIngestor({
      store: store(killmails),
      sync,
      world: () => world,
      log: silentLogger,
      metrics,
      deadLetters,
    });
    feed = await startFakeR2z2({ documents, firstSequence: FIRST });
    const last = feed.newest()!;
    await killmails.advanceCursor(FIRST - 1);
    const abort = new AbortController();
    const poller = createR2z2Poller({
      baseUrl: feed.url,
      userAgent: 'killtracker-tests',
      log: silentLogger,
      clock: createFakeClock(),
      loadCursor: () => killmails.loadCursor(),
      onDocument: async (item) => {
        await ingestor.onDocument(item);
        if (item.sequence >= last) abort.abort();
      },
    });
    const giveUp = setTimeout(() => abort.abort(), 15_000);
    await poller.run(abort.signal);
    clearTimeout(giveUp);
    return { killmails, deadLetters, metrics, poller, last };
  }

  it('GIVEN the poison documents of a hostile feed (system id 3000000000, NUL in the hash, year -100000) WHEN followed THEN each is skipped as invalid and the kills after them are stored', async () => {
    const { killmails, metrics, last } = await follow([
      syntheticR2z2Document(1),
      poisoned(2, (document) => (document.esi.solar_system_id = 3_000_000_000)),
      poisoned(3, (document) => (document.hash = 'abc\u0000def')),
      poisoned(4, (document) => (document.esi.killmail_time = '-100000-01-01T00:00:00Z')),
      syntheticR2z2Document(5),
    ]);
    expect(await killmails.loadCursor()).toBe(last);
    expect(await killmails.get(1)).toBeDefined();
    expect(await killmails.get(5)).toBeDefined();
    for (const id of [2, 3, 4]) expect(await killmails.get(id)).toBeUndefined();
    expect((await metrics.killmailsInvalid.get()).values[0]?.value).toBe(3);
  });

  it('GIVEN a document whose store the database refuses every time WHEN followed THEN it becomes a dead letter, counted, and the feed flows on', async () => {
    const { db } = getDb();
    const { killmails, deadLetters, metrics, last } = await follow(
      [syntheticR2z2Document(11), syntheticR2z2Document(12), syntheticR2z2Document(13)],
      (real) => ({
        ...real,
        // An error nobody foresaw, raised by the database itself for this one killmail.
        commitKillmail: async (input) => {
          if (input.document.killmail_id === 12) await db.execute(sql`select 1 / 0`);
          return real.commitKillmail(input);
        },
      }),
    );
    expect(await killmails.loadCursor()).toBe(last);
    expect(await killmails.get(11)).toBeDefined();
    expect(await killmails.get(13)).toBeDefined();
    const [letter, ...others] = await deadLetters.list();
    expect(others).toEqual([]);
    expect(letter).toMatchObject({ sequence: FIRST + 1, killmailId: 12, attempts: 3, republished: false });
    expect(letter?.error).toBe('22012: division by zero');
    expect(JSON.parse(letter!.document)).toMatchObject({
      killmail_id: 12,
      hash: syntheticR2z2Document(12).hash,
    });
    expect((await metrics.deadLetters.get()).values[0]?.value).toBe(1);
  });

  it('GIVEN the database connection drops more often than the dead-letter limit WHEN followed THEN the document is retried until stored, never set aside', async () => {
    let drops = 7;
    const { killmails, deadLetters, poller } = await follow(
      [syntheticR2z2Document(21), syntheticR2z2Document(22)],
      (real) => ({
        ...real,
        commitKillmail: async (input) => {
          if (input.document.killmail_id === 21 && drops > 0) {
            drops -= 1;
            throw Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), {
              code: 'CONNECTION_CLOSED',
            });
          }
          return real.commitKillmail(input);
        },
      }),
    );
    expect(drops).toBe(0);
    expect(poller.stats().consumerErrors).toBe(7);
    expect(await killmails.get(21)).toBeDefined();
    expect(await killmails.get(22)).toBeDefined();
    expect(await deadLetters.list()).toEqual([]);
  });
});
