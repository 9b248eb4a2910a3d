// What reaches the log: a failed database write shows its message, code and cause next to the killmail
// id, never the query's parameters (the whole killmail); interaction and bot tokens are redacted.
import { Writable } from 'node:stream';
import { DiscordAPIError } from '@discordjs/rest';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.ts';
import { createKillmailStore } from '../../src/db/killmail-store.ts';
import type { R2z2Document } from '../../src/engine/killmail/types.ts';
import { createLogger } from '../../src/log.ts';
import { syntheticR2z2Document } from '../fakes/r2z2.ts';

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
