import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEsiClient, type EsiClient } from '../../src/ingest/esi/client.ts';
import { createMemoryNameCache, type MemoryNameCache } from '../../src/ingest/esi/memory-name-cache.ts';
import { createNameResolver, type NameResolverOptions } from '../../src/ingest/esi/name-resolver.ts';
import type { NameCache } from '../../src/db/name-repository.ts';
import type { EsiName } from '../../src/engine/index.ts';
import { silentLogger } from '../../src/log.ts';
import { createTestEsiClock, FakeEsi, type TestEsiClock } from '../fakes/esi.ts';

const PILOT: EsiName = { id: 90000001, name: 'Ishukone Pilot', category: 'character' };
const CORP: EsiName = { id: 98000001, name: 'Hard Knocks Citizens', category: 'corporation' };
const ALLIANCE: EsiName = { id: 99000001, name: 'Goonswarm Federation', category: 'alliance' };
const FACTION: EsiName = { id: 500001, name: 'Caldari State', category: 'faction' };

let fake: FakeEsi;
let clock: TestEsiClock;
let esi: EsiClient;
let cache: MemoryNameCache;

function resolverWith(overrides: Partial<NameResolverOptions> = {}) {
  return createNameResolver({ esi, cache, log: silentLogger, clock, ...overrides });
}

beforeEach(async () => {
  fake = await FakeEsi.start({ names: [PILOT, CORP, ALLIANCE, FACTION] });
  clock = createTestEsiClock();
  esi = createEsiClient({
    baseUrl: fake.url,
    userAgent: 'Killtracker/test',
    log: silentLogger,
    clock,
    timeoutMs: 2_000,
  });
  cache = createMemoryNameCache();
});

afterEach(async () => {
  await esi.close();
  await fake.stop();
});

describe('name resolver', () => {
  it('GIVEN every name cached WHEN resolving THEN answers from the cache without calling ESI', async () => {
    cache = createMemoryNameCache([PILOT, CORP]);
    const names = await resolverWith().resolve([PILOT.id, CORP.id]);
    expect(names.get(PILOT.id)).toEqual({ name: 'Ishukone Pilot', category: 'character' });
    expect(names.get(CORP.id)).toEqual({ name: 'Hard Knocks Citizens', category: 'corporation' });
    expect(fake.requests).toHaveLength(0);
  });

  it('GIVEN some names missing from the cache THEN asks ESI for only those and stores the answers', async () => {
    cache = createMemoryNameCache([PILOT]);
    const names = await resolverWith().resolve([PILOT.id, CORP.id, ALLIANCE.id, FACTION.id]);
    expect([...names.keys()].sort()).toEqual([PILOT.id, CORP.id, ALLIANCE.id, FACTION.id].sort());
    expect([...((fake.requests[0]?.body ?? []) as number[])].sort()).toEqual(
      [CORP.id, ALLIANCE.id, FACTION.id].sort(),
    );
    expect(cache.has(CORP.id) && cache.has(ALLIANCE.id) && cache.has(FACTION.id)).toBe(true);
  });

  it('GIVEN an id ESI does not know THEN resolves the others and leaves that one out', async () => {
    const names = await resolverWith().resolve([PILOT.id, 123]);
    expect([...names.keys()]).toEqual([PILOT.id]);
  });

  it('GIVEN ESI is down THEN answers with the cached names instead of failing', async () => {
    cache = createMemoryNameCache([PILOT]);
    await fake.setDown('unavailable');
    const names = await resolverWith().resolve([PILOT.id, CORP.id]);
    expect([...names.keys()]).toEqual([PILOT.id]);
  });

  it('GIVEN ESI is down THEN each failed lookup is reported (for the ESI error metric)', async () => {
    await fake.setDown('unavailable');
    const failures: unknown[] = [];
    await resolverWith({ onEsiFailure: (error) => failures.push(error) }).resolve([CORP.id]);
    expect(failures).toHaveLength(1);
  });

  it('GIVEN ESI just failed THEN skips ESI during the cooldown, and fills names again once it is over', async () => {
    const resolver = resolverWith({ cooldownAfterFailureMs: 30_000 });
    await fake.setDown('refused');
    expect((await resolver.resolve([CORP.id])).size).toBe(0);
    await fake.setDown(false);
    expect((await resolver.resolve([CORP.id])).size).toBe(0);
    expect(fake.requests).toHaveLength(0);
    clock.advance(30_000);
    expect((await resolver.resolve([CORP.id])).get(CORP.id)?.name).toBe('Hard Knocks Citizens');
  });

  it('GIVEN ESI slower than the deadline THEN answers without those names, and they reach the cache when ESI answers', async () => {
    fake.failNext({ kind: 'slow', delayMs: 400 });
    const names = await resolverWith({ deadlineMs: 50 }).resolve([CORP.id]);
    expect(names.has(CORP.id)).toBe(false);
    await vi.waitFor(() => expect(cache.has(CORP.id)).toBe(true), { timeout: 60_000 });
  });

  it('GIVEN two alerts resolving the same ids at once THEN ESI is asked once', async () => {
    fake.failNext({ kind: 'slow', delayMs: 100 });
    const resolver = resolverWith();
    const [first, second] = await Promise.all([
      resolver.resolve([CORP.id, ALLIANCE.id]),
      resolver.resolve([ALLIANCE.id, CORP.id]),
    ]);
    expect(first.get(CORP.id)?.name).toBe('Hard Knocks Citizens');
    expect(second.get(ALLIANCE.id)?.name).toBe('Goonswarm Federation');
    expect(fake.requestsTo('/universe/names/')).toHaveLength(1);
  });

  it('GIVEN a cache that fails to read or write THEN still resolves names through ESI', async () => {
    const broken: NameCache = {
      get: () => Promise.reject(new Error('database restarting')),
      put: () => Promise.reject(new Error('database restarting')),
    };
    const names = await resolverWith({ cache: broken }).resolve([PILOT.id]);
    expect(names.get(PILOT.id)?.name).toBe('Ishukone Pilot');
  });

  it('ignores duplicate and impossible ids', async () => {
    const names = await resolverWith().resolve([PILOT.id, PILOT.id, 0, -1]);
    expect([...names.keys()]).toEqual([PILOT.id]);
    expect(fake.requests.map((request) => request.body)).toEqual([[PILOT.id]]);
  });
});
