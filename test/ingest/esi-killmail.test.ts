import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEsiClient, type EsiClient } from '../../src/ingest/esi/client.ts';
import { EsiUnavailableError } from '../../src/ingest/esi/errors.ts';
import { silentLogger } from '../../src/log.ts';
import { killmailDocument } from '../fixtures/killmails/builder.ts';
import { createTestEsiClock, FakeEsi } from '../fakes/esi.ts';

const HASH = 'abcdef0123456789abcdef0123456789abcdef01';
const KILL = killmailDocument({ id: 131000009 });

let fake: FakeEsi;
let client: EsiClient;

beforeEach(async () => {
  fake = await FakeEsi.start();
  fake.addKillmails([{ hash: HASH, esi: KILL.esi }]);
  client = createEsiClient({
    baseUrl: fake.url,
    userAgent: 'Killtracker/0.1.0 (test@example.com)',
    log: silentLogger,
    timeoutMs: 1_000,
    clock: createTestEsiClock(),
  });
});

afterEach(async () => {
  await client.close();
  await fake.stop();
});

describe('ESI killmails by id and hash', () => {
  it('GIVEN the right id and hash THEN the killmail comes back as ESI sent it, asked for with GET and the compatibility date', async () => {
    expect(await client.killmail(KILL.killmail_id, HASH.toUpperCase())).toEqual(KILL.esi);
    const [request] = fake.requestsTo(`/killmails/${KILL.killmail_id}/${HASH}/`);
    expect(request?.method).toBe('GET');
    expect(request?.headers['x-compatibility-date']).toBeDefined();
    expect(request?.headers['user-agent']).toBe('Killtracker/0.1.0 (test@example.com)');
  });

  it('GIVEN a wrong hash (ESI answers 422) or something that is not a hash THEN there is no killmail', async () => {
    expect(await client.killmail(KILL.killmail_id, 'f'.repeat(40))).toBeUndefined();
    const asked = fake.requests.length;
    expect(await client.killmail(KILL.killmail_id, '../../universe/names')).toBeUndefined();
    expect(await client.killmail(-1, HASH)).toBeUndefined();
    expect(fake.requests).toHaveLength(asked);
  });

  it('GIVEN ESI down THEN the caller is told it is unavailable (to try again later)', async () => {
    await fake.setDown('unavailable');
    await expect(client.killmail(KILL.killmail_id, HASH)).rejects.toBeInstanceOf(EsiUnavailableError);
  });
});
