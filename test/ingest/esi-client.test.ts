import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEsiClient, type EsiClient, type EsiClientOptions } from '../../src/ingest/esi/client.ts';
import { EsiError, EsiUnavailableError } from '../../src/ingest/esi/errors.ts';
import { parseRateLimitLimit, parseRetryAfterMs } from '../../src/ingest/esi/rate-limit.ts';
import type { EsiName } from '../../src/engine/index.ts';
import { silentLogger } from '../../src/log.ts';
import { createTestEsiClock, FakeEsi, type TestEsiClock } from '../fakes/esi.ts';

const NAMES: EsiName[] = [
  { id: 90000001, name: 'Ishukone Pilot', category: 'character' },
  { id: 90000002, name: 'Jita Trader', category: 'character' },
  { id: 98000001, name: 'Hard Knocks Citizens', category: 'corporation' },
  { id: 99000001, name: 'Goonswarm Federation', category: 'alliance' },
  { id: 500001, name: 'Caldari State', category: 'faction' },
];
const USER_AGENT = 'Killtracker/0.1.0 (test@example.com)';

let fake: FakeEsi;
let clock: TestEsiClock;
let client: EsiClient;

function connect(overrides: Partial<EsiClientOptions> = {}): EsiClient {
  return createEsiClient({
    baseUrl: fake.url,
    userAgent: USER_AGENT,
    log: silentLogger,
    timeoutMs: 1_000,
    clock,
    ...overrides,
  });
}

beforeEach(async () => {
  fake = await FakeEsi.start({ names: NAMES });
  clock = createTestEsiClock();
  client = connect();
});

afterEach(async () => {
  await client.close();
  await fake.stop();
});

/** Ids 1..count, all known to the fake. */
function manyCharacters(count: number, firstId = 2_112_000_000): EsiName[] {
  return Array.from({ length: count }, (_, i) => ({
    id: firstId + i,
    name: `Pilot ${i}`,
    category: 'character',
  }));
}

describe('ESI names: ids to names', () => {
  it('GIVEN an answer larger than 2 MB WHEN asking for names THEN it is not read: ESI counts as unavailable', async () => {
    fake.addNames([{ id: 90000009, name: 'x'.repeat(3 * 1024 * 1024), category: 'character' }]);
    const error = await client.names([90000009]).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(EsiUnavailableError);
    expect((error as EsiUnavailableError).message).toContain('more than');
  });

  it('GIVEN known ids WHEN asking for names THEN returns each id with its name and category', async () => {
    const names = await client.names([90000001, 98000001, 99000001, 500001]);
    expect(names).toEqual(
      expect.arrayContaining([
        { id: 90000001, name: 'Ishukone Pilot', category: 'character' },
        { id: 98000001, name: 'Hard Knocks Citizens', category: 'corporation' },
        { id: 99000001, name: 'Goonswarm Federation', category: 'alliance' },
        { id: 500001, name: 'Caldari State', category: 'faction' },
      ]),
    );
    expect(names).toHaveLength(4);
  });

  it('sends a User-Agent, the compatibility date and JSON headers, and the ids as a JSON array', async () => {
    await client.names([90000001, 90000002]);
    const [sent] = fake.requestsTo('/universe/names/');
    expect(sent?.method).toBe('POST');
    expect(sent?.headers['user-agent']).toBe(USER_AGENT);
    expect(sent?.headers['x-compatibility-date']).toBe('2025-12-16');
    expect(sent?.headers.accept).toBe('application/json');
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(sent?.body).toEqual([90000001, 90000002]);
  });

  it('GIVEN 2500 ids WHEN asking for names THEN sends batches of at most 1000', async () => {
    const pilots = manyCharacters(2500);
    fake.addNames(pilots);
    const names = await client.names(pilots.map((pilot) => pilot.id));
    expect(names).toHaveLength(2500);
    const sizes = fake.requestsTo('/universe/names/').map((request) => (request.body as number[]).length);
    expect(sizes).toEqual([1000, 1000, 500]);
  });

  it('drops duplicates and ids that cannot be ESI ids before asking', async () => {
    const names = await client.names([90000001, 90000001, 0, -5, 1.5, 2 ** 31, Number.NaN]);
    expect(names.map((name) => name.id)).toEqual([90000001]);
    expect(fake.requestsTo('/universe/names/').map((request) => request.body)).toEqual([[90000001]]);
  });

  it('asks nothing for an empty list', async () => {
    expect(await client.names([])).toEqual([]);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('ESI names: a batch with an id ESI does not know', () => {
  it('GIVEN one unknown id among eight WHEN asking THEN splits the batch and returns the seven known names', async () => {
    const pilots = manyCharacters(7);
    fake.addNames(pilots);
    const ids = [...pilots.map((pilot) => pilot.id), 123];
    const names = await client.names(ids);
    expect(names.map((name) => name.id).sort()).toEqual(pilots.map((pilot) => pilot.id).sort());
    const answers = fake.requestsTo('/universe/names/').map((request) => request.status);
    expect(answers[0]).toBe(404);
    expect(answers.filter((status) => status === 404).length).toBeLessThanOrEqual(4);
    expect(client.isKnownUnknown(123)).toBe(true);
  });

  it('GIVEN an id found unknown WHEN asking again soon THEN leaves it out instead of failing the batch again', async () => {
    await client.names([90000001, 123]);
    const before = fake.requests.length;
    const names = await client.names([90000001, 123]);
    expect(names.map((name) => name.id)).toEqual([90000001]);
    const again = fake.requests.slice(before);
    expect(again.map((request) => [request.body, request.status])).toEqual([[[90000001], 200]]);
  });

  it('GIVEN an id found unknown WHEN the memory has expired THEN asks ESI about it again', async () => {
    client = connect({ unknownIdTtlMs: 60_000 });
    await client.names([123]);
    clock.advance(60_001);
    expect(client.isKnownUnknown(123)).toBe(false);
    const before = fake.requests.length;
    await client.names([123]);
    expect(fake.requests.slice(before).map((request) => request.body)).toEqual([[123]]);
  });

  it('GIVEN two unknown ids in a full batch of 1000 THEN isolates both with a bounded number of requests', async () => {
    const pilots = manyCharacters(998);
    fake.addNames(pilots);
    const ids = [...pilots.map((pilot) => pilot.id)];
    ids.splice(100, 0, 7);
    ids.splice(900, 0, 8);
    const names = await client.names(ids);
    expect(names).toHaveLength(998);
    expect(client.isKnownUnknown(7) && client.isKnownUnknown(8)).toBe(true);
    // Halving isolates each bad id in about log2(1000) = 10 levels, two requests per level.
    expect(fake.requestsTo('/universe/names/').length).toBeLessThanOrEqual(41);
  });

  it('GIVEN a wrong ESI_URL (a 404 that names no invalid id) THEN fails with advice instead of marking ids unknown', async () => {
    client = connect({ baseUrl: `${fake.url}/not-esi` });
    const failure = await client.names([90000001]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EsiError);
    expect((failure as Error).message).toMatch(/check ESI_URL/);
    expect(client.isKnownUnknown(90000001)).toBe(false);
  });
});

describe('ESI names: when ESI is down or slow', () => {
  it('GIVEN ESI answers 503 THEN fails with EsiUnavailableError (server-error)', async () => {
    await fake.setDown('unavailable');
    await expect(client.names([90000001])).rejects.toMatchObject({
      name: 'EsiUnavailableError',
      reason: 'server-error',
      status: 503,
    });
  });

  it('GIVEN the connection is refused THEN fails with EsiUnavailableError (network)', async () => {
    await fake.setDown('refused');
    await expect(client.names([90000001])).rejects.toMatchObject({
      name: 'EsiUnavailableError',
      reason: 'network',
    });
    await fake.setDown(false);
    expect(await client.names([90000001])).toHaveLength(1);
  });

  it('GIVEN ESI never answers THEN fails with a timeout instead of hanging', async () => {
    client = connect({ timeoutMs: 200 });
    fake.failNext({ kind: 'hang' });
    await expect(client.names([90000001])).rejects.toMatchObject({
      name: 'EsiUnavailableError',
      reason: 'timeout',
    });
  });

  it('GIVEN ESI answers slowly but within the timeout THEN the names still arrive', async () => {
    fake.failNext({ kind: 'slow', delayMs: 50 });
    expect(await client.names([90000001])).toEqual([
      { id: 90000001, name: 'Ishukone Pilot', category: 'character' },
    ]);
  });

  it('GIVEN a 200 that is not a list of names THEN fails with bad-response', async () => {
    fake.failNext({ kind: 'status', status: 200, body: { unexpected: true } });
    await expect(client.names([90000001])).rejects.toMatchObject({ reason: 'bad-response' });
  });

  it('GIVEN ESI rejects the request with 400 THEN fails with an EsiError that is not "unavailable"', async () => {
    fake.failNext({ kind: 'status', status: 400, body: { error: 'bad' } });
    const failure = await client.names([90000001]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EsiError);
    expect(failure).not.toBeInstanceOf(EsiUnavailableError);
  });
});

describe('ESI names: rate limits and the error limit', () => {
  it('GIVEN a 429 with Retry-After 1 WHEN asking again THEN waits that second first, then gets the names', async () => {
    fake.failNext({ kind: 'rate-limited', retryAfterSeconds: 1 });
    await expect(client.names([90000001])).rejects.toMatchObject({ reason: 'rate-limited', status: 429 });
    expect(await client.names([90000001])).toHaveLength(1);
    expect(clock.sleeps).toEqual([1000]);
  });

  it('GIVEN a 429 with a long Retry-After THEN later calls fail at once without calling ESI until it passes', async () => {
    fake.failNext({ kind: 'rate-limited', retryAfterSeconds: 120 });
    await client.names([90000001]).catch(() => undefined);
    const sent = fake.requests.length;
    const failure = await client.names([90000001]).catch((error: unknown) => error);
    expect(failure).toMatchObject({ reason: 'rate-limited' });
    expect((failure as EsiUnavailableError).retryAfterMs).toBe(120_000);
    expect(fake.requests.length).toBe(sent);
    clock.advance(120_000);
    expect(await client.names([90000001])).toHaveLength(1);
  });

  it('GIVEN a 420 (error limit reached) THEN pauses until the error window resets', async () => {
    fake.failNext({ kind: 'error-limited', resetSeconds: 45 });
    await expect(client.names([90000001])).rejects.toMatchObject({ reason: 'rate-limited', status: 420 });
    const sent = fake.requests.length;
    await expect(client.names([90000001])).rejects.toMatchObject({ reason: 'rate-limited' });
    expect(fake.requests.length).toBe(sent);
    clock.advance(45_000);
    fake.setErrorLimit({ remain: 100, resetSeconds: 60 });
    expect(await client.names([90000001])).toHaveLength(1);
  });

  it('GIVEN fewer than 10 errors left in the window THEN stops calling ESI until the window resets', async () => {
    fake.setErrorLimit({ remain: 9, resetSeconds: 30 });
    expect(await client.names([90000001])).toHaveLength(1);
    const sent = fake.requests.length;
    await expect(client.names([90000002])).rejects.toMatchObject({ reason: 'rate-limited' });
    expect(fake.requests.length).toBe(sent);
    clock.advance(30_000);
    fake.setErrorLimit({ remain: 100, resetSeconds: 60 });
    expect(await client.names([90000002])).toHaveLength(1);
  });

  it('GIVEN a token bucket nearly empty (X-Ratelimit-*) THEN paces the next request to the refill rate', async () => {
    client = connect({ maxWaitMs: 60_000 });
    fake.setRateLimitHeaders({ group: 'universe', limit: '150/15m', remaining: 3, used: 2 });
    await client.names([90000001]);
    await client.names([90000002]);
    // 150 tokens per 900 s, 2 tokens a request: one request every 12 s.
    expect(clock.sleeps).toEqual([12_000]);
  });

  it('GIVEN a token bucket with plenty left THEN does not wait', async () => {
    fake.setRateLimitHeaders({ group: 'universe', limit: '150/15m', remaining: 140, used: 2 });
    await client.names([90000001]);
    await client.names([90000002]);
    expect(clock.sleeps).toEqual([]);
  });
});

describe('ESI ids: exact names to ids', () => {
  it('GIVEN exact names WHEN looking up ids THEN groups them by category and leaves out unknown names', async () => {
    const ids = await client.ids(['Goonswarm Federation', 'Ishukone Pilot', 'No Such Pilot']);
    expect(ids).toEqual({
      alliances: [{ id: 99000001, name: 'Goonswarm Federation' }],
      characters: [{ id: 90000001, name: 'Ishukone Pilot' }],
    });
    const [sent] = fake.requestsTo('/universe/ids/');
    expect(sent?.headers['x-compatibility-date']).toBe('2025-12-16');
    expect(sent?.body).toEqual(['Goonswarm Federation', 'Ishukone Pilot', 'No Such Pilot']);
  });

  it('GIVEN 600 names THEN sends batches of at most 500 and merges the answers', async () => {
    const pilots = manyCharacters(600);
    fake.addNames(pilots);
    const ids = await client.ids(pilots.map((pilot) => pilot.name));
    expect(ids.characters).toHaveLength(600);
    expect(fake.requestsTo('/universe/ids/').map((request) => (request.body as string[]).length)).toEqual([
      500, 100,
    ]);
  });

  it('ignores blank names and asks nothing when none are left', async () => {
    expect(await client.ids(['', '   '])).toEqual({});
    expect(fake.requests).toHaveLength(0);
  });
});

describe('ESI header parsing', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-01T12:00:00Z');
    expect(parseRetryAfterMs('2', now)).toBe(2000);
    expect(parseRetryAfterMs('0.5', now)).toBe(500);
    expect(parseRetryAfterMs('Sun, 01 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
  });

  it('reads X-Ratelimit-Limit as tokens per window', () => {
    expect(parseRateLimitLimit('150/15m')).toEqual({ tokens: 150, windowMs: 900_000 });
    expect(parseRateLimitLimit('20/1s')).toEqual({ tokens: 20, windowMs: 1000 });
    expect(parseRateLimitLimit('1/1h')).toEqual({ tokens: 1, windowMs: 3_600_000 });
    expect(parseRateLimitLimit('lots')).toBeUndefined();
  });
});

describe('ESI affiliations: characters to corporation and alliance', () => {
  it('GIVEN characters WHEN asking for affiliations THEN returns their corporation and alliance, and leaves out ids that are not characters', async () => {
    fake.addAffiliations([
      { character_id: 90000001, corporation_id: 98000001, alliance_id: 99000001 },
      { character_id: 90000002, corporation_id: 98000001 },
    ]);
    const found = await client.affiliations([90000001, 90000002, 98000001]);
    expect(found).toEqual(
      expect.arrayContaining([
        { character_id: 90000001, corporation_id: 98000001, alliance_id: 99000001 },
        { character_id: 90000002, corporation_id: 98000001 },
      ]),
    );
    expect(found).toHaveLength(2);
    expect(fake.requestsTo('/characters/affiliation/')[0]?.body).toEqual([90000001, 90000002, 98000001]);
    expect(client.isKnownUnknown(98000001)).toBe(true);
  });

  it('GIVEN 1500 characters THEN asks in batches of at most 1000', async () => {
    const ids = Array.from({ length: 1500 }, (_, i) => 2_112_000_000 + i);
    fake.addAffiliations(ids.map((id) => ({ character_id: id, corporation_id: 98000001 })));
    expect(await client.affiliations(ids)).toHaveLength(1500);
    expect(fake.requestsTo('/characters/affiliation/').map((r) => (r.body as number[]).length)).toEqual([
      1000, 500,
    ]);
  });
});
