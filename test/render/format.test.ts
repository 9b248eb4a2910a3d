import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatIsk,
  formatJumps,
  formatLightYears,
  formatSecurity,
} from '../../src/engine/format.ts';

describe('formatIsk (zKillboard style)', () => {
  it.each([
    [0, '0 ISK'],
    [950, '950 ISK'],
    [999.5, '999.5 ISK'],
    [12_300, '12.3k'],
    [12_345, '12.35k'],
    [456_700_000, '456.7m'],
    [1_230_000_000, '1.23b'],
    [1_000_000_000, '1b'],
    [2_500_000_000_000, '2.5t'],
    [999_999, '1m'],
    [999_995_000, '1b'],
    [999.999, '1k'],
    [-5_000_000, '-5m'],
  ])('GIVEN %d ISK THEN it reads %s', (value, expected) => {
    expect(formatIsk(value)).toBe(expected);
  });

  it.each([undefined, null, Number.NaN, Number.POSITIVE_INFINITY])(
    'GIVEN no usable value (%s) THEN it reads "unknown"',
    (value) => {
      expect(formatIsk(value)).toBe('unknown');
    },
  );
});

describe('formatSecurity (as the game shows it)', () => {
  it.each([
    [0.945913, '0.9'],
    [0.45, '0.5'],
    [0.449, '0.4'],
    [0.370249, '0.4'],
    [0.04, '0.1'],
    [0.034555, '0.1'],
    [0.05, '0.1'],
    [0, '0.0'],
    [-0.04, '0.0'],
    [-0.05, '-0.1'],
    [-0.99, '-1.0'],
    [-1, '-1.0'],
  ])('GIVEN raw security %d THEN it shows %s', (security, expected) => {
    expect(formatSecurity(security)).toBe(expected);
  });

  it('GIVEN a non-finite security THEN it shows a question mark instead of NaN', () => {
    expect(formatSecurity(Number.NaN)).toBe('?');
  });
});

describe('jumps, light years and counts', () => {
  it('GIVEN jump counts THEN singular and plural read naturally', () => {
    expect(formatJumps(0)).toBe('0 jumps');
    expect(formatJumps(1)).toBe('1 jump');
    expect(formatJumps(7)).toBe('7 jumps');
  });

  it('GIVEN a distance THEN it shows two decimals and LY', () => {
    expect(formatLightYears(2.149)).toBe('2.15 LY');
    expect(formatLightYears(0)).toBe('0.00 LY');
  });

  it('GIVEN a large count THEN thousands are separated', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(12)).toBe('12');
  });
});
