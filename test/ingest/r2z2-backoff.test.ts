// Backoff delays after R2Z2 failures: ranges, growth and caps.
import { describe, expect, it } from 'vitest';
import { errorBackoffMs, rateLimitBackoffMs } from '../../src/ingest/r2z2/backoff.ts';

const lowest = () => 0;
const highest = () => 0.999_999;

describe('R2Z2 backoff after 5xx, timeouts and network errors', () => {
  it('GIVEN the first failure THEN it waits about 1 s (750-1250 ms)', () => {
    expect(errorBackoffMs(1, lowest)).toBe(750);
    expect(errorBackoffMs(1, highest)).toBe(1250);
  });

  it('GIVEN failures in a row THEN the wait doubles each time', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5].map((failures) => errorBackoffMs(failures, middle))).toEqual([
      1000, 2000, 4000, 8000, 16000,
    ]);
  });

  it('GIVEN a long outage THEN the wait stays around 60 s and never grows without bound', () => {
    for (const failures of [7, 8, 20, 1000]) {
      expect(errorBackoffMs(failures, lowest)).toBe(45_000);
      expect(errorBackoffMs(failures, highest)).toBe(75_000);
    }
  });
});

describe('R2Z2 backoff after 429/403', () => {
  it('GIVEN the first refusal THEN it waits 10-20 s as zKillboard asks', () => {
    expect(rateLimitBackoffMs(1, lowest)).toBe(10_000);
    expect(rateLimitBackoffMs(1, highest)).toBe(20_000);
  });

  it('GIVEN refusals in a row THEN the wait doubles up to 5-10 minutes', () => {
    expect(rateLimitBackoffMs(2, lowest)).toBe(20_000);
    expect(rateLimitBackoffMs(3, lowest)).toBe(40_000);
    expect(rateLimitBackoffMs(50, lowest)).toBe(300_000);
    expect(rateLimitBackoffMs(50, highest)).toBe(600_000);
  });

  it('GIVEN a Retry-After longer than the backoff THEN Retry-After wins, capped at an hour', () => {
    expect(rateLimitBackoffMs(1, lowest, 120_000)).toBe(120_000);
    expect(rateLimitBackoffMs(1, lowest, 1_000)).toBe(10_000);
    expect(rateLimitBackoffMs(1, lowest, 86_400_000)).toBe(3_600_000);
  });
});
