// The R2Z2 poller against the local fake feed, on a fake clock: order, etiquette, holes, faults, stopping.
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BELOW_HEAD_RETRY_MS, createR2z2Poller, HEAD_WAIT_MS } from '../../src/ingest/r2z2/poller.ts';
import type { R2z2InvalidItem, R2z2Item, R2z2PollerOptions, R2z2Skip } from '../../src/ingest/r2z2/types.ts';
import {
  createFakeClock,
  type FakeClock,
  type FakeR2z2,
  type FakeR2z2Options,
  startFakeR2z2,
  syntheticR2z2Document,
  syntheticR2z2Documents,
} from '../fakes/r2z2.ts';
import { describeWithSharedData, sharedKillmailLines } from '../helpers/shared-data.ts';

const USER_AGENT = 'Killtracker tests (contact: tests@example.com)';
const FIRST = 90_000_000;

interface Polling {
  fake: FakeR2z2;
  clock: FakeClock;
  poller: ReturnType<typeof createR2z2Poller>;
  /** Items onDocument accepted, in order. */
  stored: R2z2Item[];
  invalid: R2z2InvalidItem[];
  skips: R2z2Skip[];
  logs: Array<Record<string, unknown>>;
  running: Promise<void>;
  stop(): Promise<void>;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function startPolling(
  setup: {
    feed?: FakeR2z2Options;
    cursor?: number | null;
    clock?: FakeClock;
    baseUrl?: string;
    onDocument?: (item: R2z2Item) => Promise<void>;
    poller?: Partial<R2z2PollerOptions>;
  } = {},
): Promise<Polling> {
  const clock = setup.clock ?? createFakeClock();
  const fake = await startFakeR2z2({ firstSequence: FIRST, now: clock.now, ...setup.feed });
  const stored: R2z2Item[] = [];
  const invalid: R2z2InvalidItem[] = [];
  const skips: R2z2Skip[] = [];
  const logs: Array<Record<string, unknown>> = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => logs.push(JSON.parse(line)) });
  const poller = createR2z2Poller({
    baseUrl: setup.baseUrl ?? fake.url,
    userAgent: USER_AGENT,
    log,
    clock,
    loadCursor: async () => (setup.cursor === undefined ? FIRST - 1 : setup.cursor),
    onDocument: async (item) => {
      await setup.onDocument?.(item);
      stored.push(item);
    },
    onInvalid: async (item) => {
      invalid.push(item);
    },
    onSkip: async (skip) => {
      skips.push(skip);
    },
    requestTimeoutMs: 2_000,
    ...setup.poller,
  });
  const controller = new AbortController();
  const running = poller.run(controller.signal);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    controller.abort();
    await running;
    await fake.close();
  };
  cleanups.push(stop);
  return { fake, clock, poller, stored, invalid, skips, logs, running, stop };
}

const sequencesOf = (items: R2z2Item[]) => items.map((item) => item.sequence);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);
const until = (check: () => void) => vi.waitFor(check, { timeout: 60_000, interval: 5 });

/** Fake-clock times of the requests for one path, in order. */
const timesOf = (fake: FakeR2z2, path: string) =>
  fake.requests.filter((request) => request.path === path).map((request) => request.at);
const gaps = (times: number[]) => times.slice(1).map((time, index) => time - (times[index] as number));

describe('R2Z2 poller: following the feed', () => {
  it('GIVEN no stored cursor WHEN it starts THEN it reads sequence.json and walks upward from that head', async () => {
    const polling = await startPolling({
      cursor: null,
      feed: { documents: syntheticR2z2Documents(20), headLag: 5 },
    });
    await until(() => expect(sequencesOf(polling.stored)).toEqual(range(FIRST + 14, FIRST + 19)));
    expect(polling.fake.requests[0]?.path).toBe('/ephemeral/sequence.json');
    expect(Math.min(...polling.fake.documentRequests())).toBe(FIRST + 14);
    expect(polling.stored[0]?.document).toMatchObject({ killmail_id: 131_000_014, sequence_id: FIRST + 14 });
    expect(polling.stored.every((item) => !item.republished)).toBe(true);
  });

  it('sends the configured User-Agent on every request', async () => {
    const polling = await startPolling({ feed: { documents: syntheticR2z2Documents(3) } });
    await until(() => expect(polling.stored).toHaveLength(3));
    await until(() => expect(polling.fake.documentRequests()).toContain(FIRST + 3));
    expect(polling.fake.requests.length).toBeGreaterThan(3);
    expect(polling.fake.requests.every((request) => request.userAgent === USER_AGENT)).toBe(true);
  });

  it('GIVEN a stored cursor WHEN it starts THEN it resumes right after it, asking nothing older', async () => {
    const polling = await startPolling({
      cursor: FIRST + 4,
      feed: { documents: syntheticR2z2Documents(10) },
    });
    await until(() => expect(sequencesOf(polling.stored)).toEqual(range(FIRST + 5, FIRST + 9)));
    expect(Math.min(...polling.fake.documentRequests())).toBe(FIRST + 5);
    expect(polling.skips).toEqual([]);
  });

  it('GIVEN it reached the newest file WHEN the next one is not there yet THEN it asks again only every >= 6 s', async () => {
    const polling = await startPolling({ feed: { documents: syntheticR2z2Documents(5) } });
    const tip = `/ephemeral/${FIRST + 5}.json`;
    await until(() => expect(timesOf(polling.fake, tip).length).toBeGreaterThanOrEqual(4));
    for (const wait of gaps(timesOf(polling.fake, tip))) expect(wait).toBeGreaterThanOrEqual(HEAD_WAIT_MS);
    expect(polling.clock.sleeps).toContain(HEAD_WAIT_MS);

    polling.fake.publish(...syntheticR2z2Documents(2, 132_000_000));
    await until(() => expect(sequencesOf(polling.stored)).toEqual(range(FIRST, FIRST + 6)));
    expect(polling.stored[6]?.document).toMatchObject({ killmail_id: 132_000_001 });
  });

  it('GIVEN a long backlog WHEN catching up THEN it never sends more than 10 requests in any second', async () => {
    const polling = await startPolling({ feed: { documents: syntheticR2z2Documents(60) } });
    await until(() => expect(polling.stored).toHaveLength(60));
    const times = polling.fake.requests.map((request) => request.at);
    for (let index = 0; index + 10 < times.length; index += 1) {
      expect((times[index + 10] as number) - (times[index] as number)).toBeGreaterThanOrEqual(1000);
    }
    // ...and it does not crawl either: 60 files take about 6 s, not minutes.
    expect((times[60] as number) - (times[0] as number)).toBeLessThan(7_000);
  });

  it('GIVEN a consumer that fails twice WHEN it fails THEN the same sequence is offered again and nothing is skipped', async () => {
    const offered: number[] = [];
    let failuresLeft = 2;
    const polling = await startPolling({
      feed: { documents: syntheticR2z2Documents(3) },
      onDocument: async (item) => {
        offered.push(item.sequence);
        if (item.sequence === FIRST + 1 && failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error('database is down');
        }
      },
    });
    await until(() => expect(sequencesOf(polling.stored)).toEqual(range(FIRST, FIRST + 2)));
    expect(offered).toEqual([FIRST, FIRST + 1, FIRST + 1, FIRST + 1, FIRST + 2]);
    expect(polling.poller.stats().consumerErrors).toBe(2);
    expect(polling.logs.some((line) => line.level === 50 && line.sequence === FIRST + 1)).toBe(true);
  });
});

describe('R2Z2 poller: holes in the feed', () => {
  it('GIVEN a missing file below the head THEN it asks once more, then skips it as a gap and goes on', async () => {
    const polling = await startPolling({ feed: { documents: syntheticR2z2Documents(10) } });
    polling.fake.drop(FIRST + 4);
    await until(() => expect(polling.stored).toHaveLength(9));
    expect(sequencesOf(polling.stored)).toEqual([...range(FIRST, FIRST + 3), ...range(FIRST + 5, FIRST + 9)]);
    expect(polling.skips).toEqual([{ from: FIRST + 4, to: FIRST + 4, reason: 'gap' }]);
    expect(polling.fake.documentRequests().filter((sequence) => sequence === FIRST + 4)).toHaveLength(2);
    expect(polling.clock.sleeps).toContain(BELOW_HEAD_RETRY_MS);
    expect(polling.poller.stats()).toMatchObject({ gaps: 1, lost: 0, documents: 9 });
  });

  it('GIVEN a 404 below the head that was only a race WHEN asked again THEN the file is taken, nothing skipped', async () => {
    const polling = await startPolling({ feed: { documents: syntheticR2z2Documents(4) } });
    polling.fake.failNext(404, 1, { only: 'documents' });
    await until(() => expect(sequencesOf(polling.stored)).toEqual(range(FIRST, FIRST + 3)));
    expect(polling.skips).toEqual([]);
  });

  it('GIVEN a stretch of missing files THEN they are skipped in one step as a gap', async () => {
    const polling = await startPolling({ feed: { documents: syntheticR2z2Documents(30) } });
    polling.fake.drop(...range(FIRST + 10, FIRST + 16));
    await until(() => expect(polling.stored).toHaveLength(23));
    expect(polling.skips).toEqual([{ from: FIRST + 10, to: FIRST + 16, reason: 'gap' }]);
    expect(polling.poller.stats().gaps).toBe(7);
  });

  it('GIVEN the cursor is older than the feed keeps WHEN it resumes THEN it jumps to the oldest file served and logs how many were lost', async () => {
    const polling = await startPolling({
      cursor: FIRST + 9,
      feed: { documents: syntheticR2z2Documents(1000) },
    });
    polling.fake.expireBelow(FIRST + 610);
    await until(() => expect(polling.stored).toHaveLength(390));
    expect(polling.stored[0]?.sequence).toBe(FIRST + 610);
    expect(polling.skips).toEqual([{ from: FIRST + 10, to: FIRST + 609, reason: 'expired' }]);
    expect(polling.poller.stats()).toMatchObject({ lost: 600, gaps: 0, lastSequence: FIRST + 999 });
    const warning = polling.logs.find((line) => line.lost === 600);
    expect(warning?.level).toBe(40);
    expect(warning?.msg).toContain('600 lost');
    // A binary search, not a walk through 600 missing files.
    const probesBelowOldest = polling.fake.documentRequests().filter((sequence) => sequence < FIRST + 610);
    expect(probesBelowOldest.length).toBeLessThan(30);
  });

  it('GIVEN a stored cursor far above the feed head (feed reset) THEN it starts again at the head and warns', async () => {
    const polling = await startPolling({
      cursor: FIRST + 500_000,
      feed: { documents: syntheticR2z2Documents(5) },
    });
    await until(() => expect(sequencesOf(polling.stored)).toEqual([FIRST + 4]));
    expect(polling.logs.some((line) => line.level === 40 && String(line.msg).includes('far above'))).toBe(
      true,
    );
  });

  it('GIVEN sequence.json names a head that is not served THEN it waits without skipping anything until files appear', async () => {
    const polling = await startPolling({ cursor: FIRST + 4, feed: { documents: syntheticR2z2Documents(5) } });
    polling.fake.setHead(FIRST + 9);
    await until(() =>
      expect(timesOf(polling.fake, `/ephemeral/${FIRST + 9}.json`).length).toBeGreaterThanOrEqual(2),
    );
    expect(polling.skips).toEqual([]);
    expect(polling.logs.some((line) => String(line.msg).includes('does not serve'))).toBe(true);
    polling.fake.publish(...syntheticR2z2Documents(5, 133_000_000));
    await until(() => expect(sequencesOf(polling.stored)).toEqual(range(FIRST + 5, FIRST + 9)));
    expect(polling.skips).toEqual([]);
  });

  it('GIVEN an empty feed (sequence.json missing, then not JSON) THEN it keeps retrying and starts once the feed has files', async () => {
    const polling = await startPolling({ cursor: null });
    await until(() => expect(polling.poller.stats().backoffs).toBeGreaterThanOrEqual(2));
    polling.fake.failNext(200, 2, { only: 'sequence', body: '<html>maintenance</html>' });
    polling.fake.publish(...syntheticR2z2Documents(3));
    await until(() => expect(sequencesOf(polling.stored)).toEqual([FIRST + 2]));
    expect(polling.logs.filter((line) => String(line.msg).includes('empty or broken'))).toHaveLength(1);
  });
});

describe('R2Z2 poller: document contents', () => {
  it('GIVEN a document with sequence_updated THEN the named file is fetched again and handed on as republished, before it', async () => {
    const original = syntheticR2z2Document(131_000_001);
    const polling = await startPolling({ cursor: FIRST + 2, feed: { documents: syntheticR2z2Documents(3) } });
    await until(() => expect(polling.fake.documentRequests()).toContain(FIRST + 3));
    polling.fake.replace(FIRST + 1, { ...original, zkb: { ...(original.zkb as object), totalValue: 9_999 } });
    polling.fake.publish({ ...syntheticR2z2Document(134_000_000), sequence_updated: FIRST + 1 });
    await until(() => expect(polling.stored).toHaveLength(2));
    expect(polling.stored.map(({ sequence, republished }) => ({ sequence, republished }))).toEqual([
      { sequence: FIRST + 1, republished: true },
      { sequence: FIRST + 3, republished: false },
    ]);
    expect(polling.stored[0]?.document).toMatchObject({
      killmail_id: 131_000_001,
      zkb: { totalValue: 9_999 },
    });
    expect(polling.poller.stats()).toMatchObject({ republished: 1, documents: 1, lastSequence: FIRST + 3 });
  });

  it('GIVEN a body that is not JSON THEN onInvalid gets its sequence and error, and the walk goes on', async () => {
    const polling = await startPolling({ feed: { documents: syntheticR2z2Documents(2) } });
    polling.fake.publishRaw('{"killmail_id": 131000002, "esi": {');
    polling.fake.publish(...syntheticR2z2Documents(2, 135_000_000));
    await until(() => expect(polling.stored).toHaveLength(4));
    expect(sequencesOf(polling.stored)).toEqual([FIRST, FIRST + 1, FIRST + 3, FIRST + 4]);
    expect(polling.invalid).toEqual([
      { sequence: FIRST + 2, error: expect.stringContaining('not JSON'), republished: false },
    ]);
    expect(polling.poller.stats()).toMatchObject({ invalid: 1, documents: 4 });
  });

  it('GIVEN a file over 5 MB (valid JSON) THEN it is not read but handed to onInvalid, and the walk goes on', async () => {
    const polling = await startPolling({ feed: { documents: syntheticR2z2Documents(1) } });
    const huge = { ...syntheticR2z2Document(131_000_001), padding: 'x'.repeat(6 * 1024 * 1024) };
    polling.fake.publish(huge, syntheticR2z2Document(131_000_002));
    await until(() => expect(polling.stored).toHaveLength(2));
    expect(sequencesOf(polling.stored)).toEqual([FIRST, FIRST + 2]);
    expect(polling.invalid).toEqual([
      { sequence: FIRST + 1, error: `larger than ${5 * 1024 * 1024} bytes; not read`, republished: false },
    ]);
  });

  it('GIVEN valid JSON that is not a killmail THEN it is still handed on: validation is the consumer job', async () => {
    const polling = await startPolling({ feed: { documents: [[1, 2, 3], 'text', null] } });
    await until(() => expect(polling.stored).toHaveLength(3));
    expect(polling.stored.map((item) => item.document)).toEqual([[1, 2, 3], 'text', null]);
  });
});

describe('R2Z2 poller: refusals, errors and timeouts', () => {
  it('GIVEN 429 twice THEN it waits 10-20 s, then 20-40 s, and still gets every file', async () => {
    const polling = await startPolling({ feed: { documents: syntheticR2z2Documents(3) } });
    polling.fake.failNext(429, 2, { only: 'documents' });
    await until(() => expect(polling.stored).toHaveLength(3));
    const [first, second] = gaps(timesOf(polling.fake, `/ephemeral/${FIRST}.json`));
    expect(first).toBeGreaterThanOrEqual(10_000);
    expect(first).toBeLessThanOrEqual(20_000);
    expect(second).toBeGreaterThanOrEqual(20_000);
    expect(second).toBeLessThanOrEqual(40_000);
    expect(polling.poller.stats().errorsByStatus).toEqual({ '429': 2 });
  });

  it('GIVEN 403 with Retry-After: 120 THEN it stays away the full 120 s', async () => {
    const polling = await startPolling({ feed: { documents: syntheticR2z2Documents(2) } });
    polling.fake.failNext(403, 1, { only: 'documents', retryAfterSeconds: 120 });
    await until(() => expect(polling.stored).toHaveLength(2));
    expect(gaps(timesOf(polling.fake, `/ephemeral/${FIRST}.json`))).toEqual([120_000]);
    expect(polling.logs.some((line) => line.level === 40 && line.status === 403)).toBe(true);
  });

  it('GIVEN 503 three times THEN it retries after ~1 s, ~2 s, ~4 s (with jitter)', async () => {
    const polling = await startPolling({ feed: { documents: syntheticR2z2Documents(3) } });
    polling.fake.failNext(503, 3, { only: 'documents' });
    await until(() => expect(polling.stored).toHaveLength(3));
    const waits = gaps(timesOf(polling.fake, `/ephemeral/${FIRST}.json`));
    expect(waits).toHaveLength(3);
    const bounds = [
      [750, 1250],
      [1500, 2500],
      [3000, 5000],
    ];
    waits.forEach((wait, index) => {
      expect(wait).toBeGreaterThanOrEqual(bounds[index]?.[0] as number);
      expect(wait).toBeLessThanOrEqual(bounds[index]?.[1] as number);
    });
    expect(polling.poller.stats().errorsByStatus).toEqual({ '503': 3 });
  });

  it('GIVEN a request that never gets an answer THEN it times out, backs off about 1 s and asks again', async () => {
    const polling = await startPolling({
      feed: { documents: syntheticR2z2Documents(2) },
      poller: { requestTimeoutMs: 150 },
    });
    polling.fake.hangNext(1, { only: 'documents' });
    await until(() => expect(polling.stored).toHaveLength(2));
    const [wait] = gaps(timesOf(polling.fake, `/ephemeral/${FIRST}.json`));
    expect(wait).toBeGreaterThanOrEqual(750);
    expect(wait).toBeLessThanOrEqual(1250);
    expect(polling.poller.stats().errorsByStatus).toEqual({ timeout: 1 });
  });

  it('GIVEN a feed that refuses connections THEN it backs off ever longer and never crashes', async () => {
    const gone = await startFakeR2z2();
    const url = gone.url;
    await gone.close();
    const polling = await startPolling({ baseUrl: url });
    await until(() => expect(polling.poller.stats().errorsByStatus.network).toBeGreaterThanOrEqual(5));
    const waits = polling.clock.sleeps.slice(0, 5);
    expect(waits[0]).toBeGreaterThanOrEqual(750);
    expect(waits[0]).toBeLessThanOrEqual(1250);
    expect(waits[4]).toBeGreaterThanOrEqual(12_000);
    expect(waits[4]).toBeLessThanOrEqual(20_000);
    await polling.stop();
    await expect(polling.running).resolves.toBeUndefined();
    expect(polling.stored).toEqual([]);
  });
});

describe('R2Z2 poller: stopping', () => {
  it('GIVEN it is waiting 6 s at the head WHEN the signal aborts THEN run() returns without waiting', async () => {
    const clock = createFakeClock({ holdSleepsFrom: HEAD_WAIT_MS });
    const polling = await startPolling({ clock, feed: { documents: syntheticR2z2Documents(2) } });
    await until(() => expect(clock.pendingSleeps()).toBe(1));
    await polling.stop();
    await expect(polling.running).resolves.toBeUndefined();
    expect(clock.pendingSleeps()).toBe(0);
    expect(polling.stored).toHaveLength(2);
  });

  it('GIVEN it is backing off after a 429 WHEN the signal aborts THEN run() returns without waiting', async () => {
    const clock = createFakeClock({ holdSleepsFrom: 10_000 });
    const polling = await startPolling({ clock, feed: { documents: syntheticR2z2Documents(2) } });
    polling.fake.failNext(429, 1);
    await until(() => expect(clock.pendingSleeps()).toBe(1));
    await polling.stop();
    expect(clock.pendingSleeps()).toBe(0);
    expect(polling.stored).toEqual([]);
  });

  it('GIVEN the poller is running WHEN run() is called again THEN the second call is refused', async () => {
    const polling = await startPolling({ feed: { documents: syntheticR2z2Documents(1) } });
    await expect(polling.poller.run(new AbortController().signal)).rejects.toThrow(/already running/);
  });
});

describeWithSharedData('R2Z2 poller over real killmails', () => {
  it('GIVEN 858 real killmails with gaps, a malformed file and server errors THEN every served one arrives once, in order', async () => {
    const killmails = sharedKillmailLines('insight-2018.jsonl');
    const polling = await startPolling({ feed: { documents: killmails } });
    const missing = [FIRST + 100, FIRST + 101, FIRST + 500];
    polling.fake.drop(...missing);
    polling.fake.failNext(503, 2, { only: 'documents' });
    polling.fake.failNext(429, 1, { only: 'documents' });
    polling.fake.publishRaw('not json');
    await until(() => expect(polling.invalid).toHaveLength(1));

    const expected = killmails
      .filter((_, index) => !missing.includes(FIRST + index))
      .map((document) => (document as { killmail_id: number }).killmail_id);
    expect(polling.stored.map((item) => (item.document as { killmail_id: number }).killmail_id)).toEqual(
      expected,
    );
    expect(polling.skips).toEqual([
      { from: FIRST + 100, to: FIRST + 101, reason: 'gap' },
      { from: FIRST + 500, to: FIRST + 500, reason: 'gap' },
    ]);
    expect(polling.stored[0]?.document).toMatchObject({ esi: (killmails[0] as { esi: object }).esi });
  });
});
