import { describe, expect, it } from 'vitest';
import {
  escapeMarkdown,
  joinWithinLimit,
  truncateMarkdown,
  truncatePlain,
} from '../../src/engine/render/index.ts';
import { markdownProblems } from './markdown-checks.ts';

describe('truncateMarkdown', () => {
  it('GIVEN text within the limit THEN it is returned unchanged', () => {
    expect(truncateMarkdown('short', 10)).toBe('short');
  });

  it('GIVEN plain text over the limit THEN it is cut to the limit and ends with an ellipsis', () => {
    const cut = truncateMarkdown('abcdefghijklmnopqrstuvwxyz', 10);
    expect(cut.length).toBeLessThanOrEqual(10);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.startsWith('abcdefg')).toBe(true);
  });

  it('GIVEN escaped text cut at every length THEN no cut leaves half an escape', () => {
    const escaped = escapeMarkdown('**a**_b_[c](d)<@1>');
    for (let max = 1; max < escaped.length; max++) {
      const cut = truncateMarkdown(escaped, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(markdownProblems(cut), `max ${max}: ${cut}`).toEqual([]);
    }
  });

  it('GIVEN links, tags and bold cut at every length THEN each is kept whole or dropped and bold is closed', () => {
    const text =
      '**Victim:** [Pilot \\[X\\]](https://zkillboard.com/character/1/) killed <t:1700000000:R> by <@&123456>';
    for (let max = 1; max < text.length; max++) {
      const cut = truncateMarkdown(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(markdownProblems(cut), `max ${max}: ${cut}`).toEqual([]);
    }
  });

  it('GIVEN emoji (surrogate pairs) THEN a cut never splits one', () => {
    const text = '🚀'.repeat(20);
    for (let max = 1; max < text.length; max++) {
      const cut = truncateMarkdown(text, max);
      expect(cut.replace('…', '')).toBe('🚀'.repeat(cut.replace('…', '').length / 2));
    }
  });
});

describe('truncatePlain', () => {
  it('GIVEN plain text over the limit THEN it is cut on a code point boundary with an ellipsis', () => {
    expect(truncatePlain('abcdef', 4)).toBe('abc…');
    expect(truncatePlain('ab🚀cd', 4)).toBe('ab…');
    expect(truncatePlain('abc', 4)).toBe('abc');
  });
});

describe('joinWithinLimit', () => {
  it('GIVEN items that fit THEN they are all joined', () => {
    expect(joinWithinLimit(['a', 'b', 'c'], ', ', 20)).toBe('a, b, c');
  });

  it('GIVEN too many items THEN whole items are kept and the rest counted', () => {
    const items = Array.from({ length: 50 }, (_, index) => `item${index}`);
    const joined = joinWithinLimit(items, ', ', 40);
    expect(joined.length).toBeLessThanOrEqual(40);
    expect(joined).toMatch(/^item0, item1, .*\+\d+ more$/);
    const kept = joined.split(', ').filter((part) => part.startsWith('item'));
    expect(kept.length + Number(/\+(\d+) more/.exec(joined)?.[1])).toBe(50);
  });

  it('GIVEN a single item longer than the limit THEN it is truncated cleanly', () => {
    const joined = joinWithinLimit(['x'.repeat(100)], ', ', 10);
    expect(joined.length).toBeLessThanOrEqual(10);
    expect(joined.endsWith('…')).toBe(true);
  });
});
