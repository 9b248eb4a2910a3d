import { describe, expect, it } from 'vitest';
import { SortedLimits } from '../../src/engine/tracker/sorted-limits.ts';
import { openScreen, ScreenedKill, ScreenTable } from '../../src/engine/tracker/screen.ts';
import { killmail } from '../fixtures/killmails/builder.ts';

function taken(take: (collect: (ordinal: number) => void) => void): number[] {
  const ordinals: number[] = [];
  take((ordinal) => ordinals.push(ordinal));
  return ordinals.sort((a, b) => a - b);
}

describe('sorted limits', () => {
  it('GIVEN descending jump limits WHEN a kill is some jumps away THEN exactly the trackers with a limit at least that wide are taken', () => {
    const limits = new SortedLimits('descending');
    [5, 0, 15, 5, 8].forEach((limit, ordinal) => limits.insert(limit, ordinal));
    expect(limits.first()).toBe(15);
    expect(taken((take) => limits.takeWhileAtLeast(5, take))).toEqual([0, 2, 3, 4]);
    expect(taken((take) => limits.takeWhileAtLeast(0, take))).toEqual([0, 1, 2, 3, 4]);
    expect(taken((take) => limits.takeWhileAtLeast(16, take))).toEqual([]);
  });

  it('GIVEN ascending minimums WHEN a value is reached THEN exactly the trackers whose minimum is at most the value are taken', () => {
    const limits = new SortedLimits('ascending');
    [1e9, 5e8, 2e10, 1e9].forEach((limit, ordinal) => limits.insert(limit, ordinal));
    expect(limits.first()).toBe(5e8);
    expect(taken((take) => limits.takeWhileAtMost(1e9, take))).toEqual([0, 1, 3]);
    expect(taken((take) => limits.takeWhileAtMost(1e8, take))).toEqual([]);
  });

  it('GIVEN equal limits WHEN one tracker is deleted THEN only that one goes, and a missing one is reported', () => {
    const limits = new SortedLimits('descending');
    for (let ordinal = 0; ordinal < 6; ordinal++) limits.insert(ordinal % 2 === 0 ? 10 : 3, ordinal);
    expect(limits.delete(10, 2)).toBe(true);
    expect(limits.delete(10, 2)).toBe(false);
    expect(limits.delete(3, 2)).toBe(false);
    expect(limits.size).toBe(5);
    expect(taken((take) => limits.takeWhileAtLeast(3, take))).toEqual([0, 1, 3, 4, 5]);
    expect(taken((take) => limits.takeWhileAtLeast(4, take))).toEqual([0, 4]);
  });

  it('GIVEN random inserts and deletes WHEN taking prefixes THEN the result equals filtering a plain list', () => {
    let state = 17;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const limits = new SortedLimits('descending');
    const plain = new Map<number, number>();
    for (let step = 0; step < 2_000; step++) {
      const ordinal = Math.floor(next() * 300);
      const existing = plain.get(ordinal);
      if (existing === undefined) {
        const limit = Math.floor(next() * 20);
        limits.insert(limit, ordinal);
        plain.set(ordinal, limit);
      } else {
        expect(limits.delete(existing, ordinal)).toBe(true);
        plain.delete(ordinal);
      }
      const range = Math.floor(next() * 22);
      const expected = [...plain].filter(([, limit]) => limit >= range).map(([ordinal]) => ordinal);
      expect(taken((take) => limits.takeWhileAtLeast(range, take))).toEqual(expected.sort((a, b) => a - b));
    }
  });
});

describe('screen table', () => {
  it('GIVEN rows written far beyond its size WHEN checked THEN written rows screen as their screen, cleared and unwritten rows let nothing through', () => {
    const table = new ScreenTable();
    const kill = new ScreenedKill(killmail(), undefined);
    const narrow = { ...openScreen(Number.POSITIVE_INFINITY), minAttackers: 1_000 };
    table.set(5_000, openScreen(Number.POSITIVE_INFINITY));
    table.set(7, narrow);
    expect(table.passes(5_000, kill)).toBe(true);
    expect(table.passes(7, kill)).toBe(false);
    expect(table.passes(6, kill)).toBe(false);
    expect(table.passes(4_999, kill)).toBe(false);
    table.clear(5_000);
    expect(table.passes(5_000, kill)).toBe(false);
  });
});
