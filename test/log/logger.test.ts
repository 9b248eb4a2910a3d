// What reaches the log: a failed database write shows its message, code and cause next to the killmail
// id, never the query's parameters (the whole killmail); interaction and bot tokens are redacted.
import { Writable } from 'node:stream';
import { DiscordAPIError } from '@discordjs/rest';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.ts';
import { createKillmailStore } from '../../src/db/killmail-store.ts';
import { createTrackerRepository } from '../../src/db/tracker-repository.ts';
import type { R2z2Document } from '../../src/engine/killmail/types.ts';
import { createMatcher } from '../../src/engine/matcher.ts';
import { createR2z2Poller } from '../../src/ingest/r2z2/poller.ts';
import { createLogger, silentLogger } from '../../src/log.ts';
import { createKillmailIngestor } from '../../src/pipeline/ingest-killmail.ts';
import { createTrackerSync } from '../../src/pipeline/tracker-sync.ts';
import { createFakeClock, startFakeR2z2, syntheticR2z2Document } from '../fakes/r2z2.ts';
import { miniWorld } from '../helpers/bot-harness.ts';

/** A JSON logger whose lines the test reads back. */
function capturedLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const log = createLogger({ level: 'debug', destination });
  return { log, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const INTERACTION_TOKEN = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OnNlY3JldHRva2VuZm9ydGVzdHM';

describe('log output', () => {
  let pglite: PGlite;
  let handle: DatabaseHandle;
  beforeAll(async () => {
    pglite = await PGlite.create();
    handle = await openDatabase({ pglite });
    await handle.migrate();
  });
  afterAll(async () => {
    await handle?.close();
    await pglite?.close();
  });

  it('GIVEN a killmail the database rejects WHEN the failed write is logged THEN the line holds the error, its code and the killmail id, not the killmail', async () => {
    const document = syntheticR2z2Document(77001) as unknown as R2z2Document;
    document.esi.solar_system_id = 3_000_000_000;
    document.zkb.href = 'https://example.invalid/UNIQUE-DOCUMENT-MARKER';
    const error = await createKillmailStore({ db: handle.db })
      .commitKillmail({
        sequence: 1,
        document,
        killTime: new Date(document.esi.killmail_time),
        solarSystemId: document.esi.solar_system_id,
        deliveries: [],
        matchedTrackerIds: [],
      })
      .then(
        () => undefined,
        (failure: unknown) => failure,
      );
    expect(error).toBeInstanceOf(Error);

    const { log, lines, parsed } = capturedLogger();
    log.error({ err: error, killmail: 77001 }, 'could not store the killmail');
    log.error(error as Error);

    const text = lines.join('\n');
    expect(text).not.toContain('UNIQUE-DOCUMENT-MARKER');
    expect(text).not.toContain(document.hash);
    expect(text).not.toContain('params');
    const [first] = parsed();
    expect(first).toMatchObject({ killmail: 77001, msg: 'could not store the killmail' });
    expect(JSON.stringify(first?.err)).toContain('22003');
    expect(JSON.stringify(first?.err)).toContain('out of range for type integer');
  });

  it('GIVEN the live feed cannot store a killmail WHEN the poller logs the failure THEN the line names the killmail and the driver error, never the document', async () => {
    const world = await miniWorld();
    const real = createKillmailStore({ db: handle.db });
    const sync = createTrackerSync({
      trackers: createTrackerRepository({ db: handle.db }),
      matcher: createMatcher({ universe: world.universe }),
      log: silentLogger,
    });
    await sync.refresh();
    const ingestor = createKillmailIngestor({
      // The database refuses the write with the whole killmail among the query's parameters.
      store: {
        ...real,
        commitKillmail: (input) => real.commitKillmail({ ...input, solarSystemId: 3_000_000_000 }),
      },
      sync,
      world: () => world,
      log: silentLogger,
    });
    const document = { ...syntheticR2z2Document(77002), hash: 'f00d'.repeat(10) };
    const feed = await startFakeR2z2({ documents: [document], firstSequence: 600 });
    const { log, lines, parsed } = capturedLogger();
    const abort = new AbortController();
    try {
      await createR2z2Poller({
        baseUrl: feed.url,
        userAgent: 'killtracker-tests',
        log,
        clock: createFakeClock(),
        loadCursor: async () => 599,
        onDocument: async (item) => {
          abort.abort();
          await ingestor.onDocument(item);
        },
      }).run(abort.signal);
    } finally {
      await feed.close();
    }
    const failure = parsed().find((line) => line.level === 50);
    expect(failure).toBeDefined();
    const err = JSON.stringify(failure?.err);
    expect(err).toContain('could not store killmail 77002');
    expect(err).toContain('"killmailId":77002');
    expect(err).toContain('22003');
    expect(lines.join('\n')).not.toContain('f00df00d');
    expect(lines.join('\n')).not.toContain('params');
  });

  it('GIVEN an interaction token in a Discord error URL and in a message WHEN logged THEN the token is redacted', () => {
    const url = `https://discord.com/api/v10/webhooks/1234567890/${INTERACTION_TOKEN}/messages/@original`;
    const error = new DiscordAPIError({ code: 10015, message: 'Unknown Webhook' }, 10015, 404, 'PATCH', url, {
      body: undefined,
      files: undefined,
    });
    const { log, lines } = capturedLogger();
    log.error({ err: error }, 'could not edit the reply');
    log.warn(`callback failed: POST /interactions/99887766/${INTERACTION_TOKEN}/callback`);
    log.info({ request: { url } }, 'request');
    log.info({ header: 'Bot MTE4NzY1NDMyMTA5ODc2NTQz.GabcDE.secretpartofthebottoken123' }, 'auth');

    const text = lines.join('\n');
    expect(lines).toHaveLength(4);
    expect(text).not.toContain(INTERACTION_TOKEN);
    expect(text).not.toContain('secretpartofthebottoken123');
    expect(text).toContain('/webhooks/1234567890/[redacted]');
    expect(text).toContain('/interactions/99887766/[redacted]');
  });
});
