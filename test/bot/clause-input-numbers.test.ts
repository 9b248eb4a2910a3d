import { describe, expect, it } from 'vitest';
import {
  splitItems,
  splitLastItem,
  withoutDetail,
} from '../../src/commands/tracker/clause-input/list-items.ts';
import {
  parseDecimal,
  parseFlag,
  parseIsk,
  parseWholeNumber,
} from '../../src/commands/tracker/clause-input/numbers.ts';

describe('parseIsk', () => {
  it.each([
    ['500m', 500_000_000],
    ['1.5b', 1_500_000_000],
    ['1.5B', 1_500_000_000],
    ['2,000,000', 2_000_000],
    ['750k', 750_000],
    ['1t', 1_000_000_000_000],
    ['.5b', 500_000_000],
    ['1.1b', 1_100_000_000],
    ['500 m', 500_000_000],
    ['2 billion', 2_000_000_000],
    ['12 mil', 12_000_000],
    ['1 500 000', 1_500_000],
    ['950', 950],
    ['950 isk', 950],
    ['1.5b isk', 1_500_000_000],
    ['0', 0],
    ['123.456', 123.46],
  ])('GIVEN "%s" THEN it reads %d ISK', (text, isk) => {
    expect(parseIsk(text)).toBe(isk);
  });

  it.each(['', 'abc', '-5m', '1,5b', '1.5x', '5 m m', 'b', '1.2.3m', '12,34'])(
    'GIVEN "%s" THEN it is not an ISK amount',
    (text) => {
      expect(parseIsk(text)).toBeUndefined();
    },
  );
});

describe('whole numbers, decimals and flags', () => {
  it('reads counts with thousands separators and unit words, and refuses decimals and other units', () => {
    expect(parseWholeNumber('10')).toBe(10);
    expect(parseWholeNumber('1,000')).toBe(1000);
    expect(parseWholeNumber('10 jumps')).toBe(10);
    expect(parseWholeNumber('20 attackers')).toBe(20);
    expect(parseWholeNumber('1.5')).toBeUndefined();
    expect(parseWholeNumber('10m')).toBeUndefined();
    expect(parseWholeNumber('-3')).toBeUndefined();
    expect(parseWholeNumber('ten')).toBeUndefined();
  });

  it('reads light years with decimals and an optional "ly"', () => {
    expect(parseDecimal('7.5')).toBe(7.5);
    expect(parseDecimal('6 ly')).toBe(6);
    expect(parseDecimal('6LY')).toBe(6);
    expect(parseDecimal('6 jumps')).toBeUndefined();
    expect(parseDecimal('')).toBeUndefined();
  });

  it('reads yes/no, true/false and on/off', () => {
    for (const yes of ['yes', 'Y', 'true', 'ON']) expect(parseFlag(yes)).toBe(true);
    for (const no of ['no', 'n', 'False', 'off']) expect(parseFlag(no)).toBe(false);
    expect(parseFlag('maybe')).toBeUndefined();
  });
});

describe('typed lists', () => {
  it('splits on commas, semicolons and new lines and drops empty items', () => {
    expect(splitItems('Jita, Amarr;Perimeter\n, ,Thera')).toEqual(['Jita', 'Amarr', 'Perimeter', 'Thera']);
    expect(splitItems('Jita (0.9, The Forge), Amarr (1.0, Domain)')).toEqual([
      'Jita (0.9, The Forge)',
      'Amarr (1.0, Domain)',
    ]);
  });

  it('separates the item being typed from the earlier ones', () => {
    expect(splitLastItem('Jita, Amarr (1.0, Domain), Per')).toEqual({
      earlier: ['Jita', 'Amarr (1.0, Domain)'],
      last: 'Per',
    });
    expect(splitLastItem('Jita,')).toEqual({ earlier: ['Jita'], last: '' });
    expect(splitLastItem('')).toEqual({ earlier: [], last: '' });
  });

  it('drops the detail an autocomplete choice adds to a name', () => {
    expect(withoutDetail('Kimotoro (The Forge)')).toBe('Kimotoro');
    expect(withoutDetail('Jita')).toBeUndefined();
  });
});
