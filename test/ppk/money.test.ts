// Payout arithmetic, periods and derived events, checked against examples computed by hand.
import { describe, expect, it } from 'vitest';
import { derivedEvents, killFacts } from '../../src/ppk/derivation.ts';
import { eventIsk, noPayReason, poolMicroIsk, wholeIsk } from '../../src/ppk/money.ts';
import { isoWeekOf, monthOf, parseDay, parsePeriod, dayRange } from '../../src/ppk/periods.ts';
import { applySettingsPatch } from '../../src/ppk/settings.ts';
import { DEFAULT_PPK_SETTINGS } from '../../src/ppk/types.ts';
import { UserError } from '../../src/user-error.ts';
import { attacker, killmailDocument, npcAttacker } from '../fixtures/killmails/builder.ts';

const percent = (value: number, capIsk: number | null = null) => ({
  kind: 'percent' as const,
  percent: value,
  capIsk,
});

describe('kill pool and event ISK', () => {
  it('GIVEN 10% of 1,234,567,890.55 ISK split over 7 shares THEN each share is 17,636,684 ISK and 2 shares 35,273,368', () => {
    // 10% = 123,456,789.055 ISK; / 7 = 17,636,684.1507...; × 2 = 35,273,368.3014...
    const pool = poolMicroIsk(percent(10), 1_234_567_890.55, 7);
    expect(pool).toBe(123_456_789_055_000n);
    expect(wholeIsk(pool)).toBe(123_456_789);
    expect(eventIsk(pool, 1, 7)).toBe(17_636_684);
    expect(eventIsk(pool, 2, 7)).toBe(35_273_368);
  });

  it('GIVEN a cap of 100m below 10% of the value THEN the pool is the cap: 14,285,714 per share of 7, 28,571,429 for 2', () => {
    // 100,000,000 / 7 = 14,285,714.2857; × 2 = 28,571,428.571 -> rounds up.
    const pool = poolMicroIsk(percent(10, 100_000_000), 1_234_567_890.55, 7);
    expect(wholeIsk(pool)).toBe(100_000_000);
    expect(eventIsk(pool, 1, 7)).toBe(14_285_714);
    expect(eventIsk(pool, 2, 7)).toBe(28_571_429);
  });

  it('GIVEN a cap above the percentage THEN the percentage stands', () => {
    expect(wholeIsk(poolMicroIsk(percent(10, 1_000_000_000), 1_000_000_000, 3))).toBe(100_000_000);
  });

  it('GIVEN 5m ISK per share and 7 shares THEN the pool is 35m and each event gets 5m per share, whatever the value', () => {
    const pool = poolMicroIsk({ kind: 'fixed', iskPerShare: 5_000_000 }, 1, 7);
    expect(wholeIsk(pool)).toBe(35_000_000);
    expect(eventIsk(pool, 1, 7)).toBe(5_000_000);
    expect(eventIsk(pool, 2, 7)).toBe(10_000_000);
  });

  it('GIVEN 12.5% of 15 ISK THEN halves round up: 1.875 ISK pool, 0.9375 per share of 2 -> 1 ISK each', () => {
    const pool = poolMicroIsk(percent(12.5), 15, 2);
    expect(pool).toBe(1_875_000n);
    expect(wholeIsk(pool)).toBe(2);
    expect(eventIsk(pool, 1, 2)).toBe(1);
    // 1.5 ISK exactly rounds half up to 2.
    expect(eventIsk(poolMicroIsk(percent(10), 15, 1), 1, 1)).toBe(2);
  });

  it('GIVEN zero shares THEN nothing is paid and nothing divides by zero', () => {
    expect(eventIsk(poolMicroIsk(percent(10), 1_000, 0), 0, 0)).toBe(0);
  });

  it('NPC kills, awox kills, excluded kills and kills without a value pay nothing', () => {
    const paying = { excluded: false, npc: false, awox: false, value: 10 };
    expect(noPayReason(paying)).toBeUndefined();
    expect(noPayReason({ ...paying, npc: true })).toBe('npc');
    expect(noPayReason({ ...paying, awox: true })).toBe('awox');
    expect(noPayReason({ ...paying, excluded: true, npc: true })).toBe('excluded');
    expect(noPayReason({ ...paying, value: undefined })).toBe('no_value');
    expect(noPayReason({ ...paying, value: 0 })).toBeUndefined();
  });
});

describe('periods', () => {
  it('reads months and ISO weeks as half-open UTC ranges', () => {
    const november = parsePeriod('2026-11');
    expect(november).toMatchObject({ label: '2026-11', kind: 'month' });
    expect(november.start.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(november.end.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    const week = parsePeriod('2026-w48');
    expect(week.label).toBe('2026-W48');
    expect(week.start.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(week.end.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    // 2026 starts on a Thursday: ISO week 1 starts on Monday 29 December 2025, and there is a week 53.
    expect(parsePeriod('2026-W01').start.toISOString()).toBe('2025-12-29T00:00:00.000Z');
    expect(parsePeriod('2026-W53').end.toISOString()).toBe('2027-01-04T00:00:00.000Z');
  });

  it('finds the month and the ISO week of a kill time', () => {
    expect(monthOf(new Date('2026-11-21T08:00:00Z')).label).toBe('2026-11');
    expect(isoWeekOf(new Date('2026-11-21T08:00:00Z')).label).toBe('2026-W47');
    expect(isoWeekOf(new Date('2027-01-03T23:59:00Z')).label).toBe('2026-W53');
    expect(isoWeekOf(new Date('2024-12-30T00:00:00Z')).label).toBe('2025-W01');
  });

  it.each(['2026-13', '2026-00', '2025-W53', '2026-W00', 'november', '26-11'])('refuses %s', (text) => {
    expect(() => parsePeriod(text)).toThrow(UserError);
  });

  it('reads inclusive export days and refuses impossible ones', () => {
    const range = dayRange('2026-11-01', '2026-11-30');
    expect(range.start.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(range.end.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(() => parseDay('2026-02-30', '--from')).toThrow(/YYYY-MM-DD/);
    expect(() => dayRange('2026-11-02', '2026-11-01')).toThrow(/before --from/);
  });
});

describe('settings changes', () => {
  it('accepts shares, a capped percentage, a fixed rule and a claim window', () => {
    const next = applySettingsPatch(DEFAULT_PPK_SETTINGS, {
      shares: { fc: 3, participant: 0 },
      pool: { kind: 'percent', percent: 12.5, capIsk: 500_000_000 },
      claimWindowDays: 14,
    });
    expect(next.shares).toMatchObject({ fc: 3, participant: 0, dictor: 2 });
    expect(next.pool).toEqual({ kind: 'percent', percent: 12.5, capIsk: 500_000_000 });
    expect(next.claimWindowDays).toBe(14);
    expect(applySettingsPatch(next, { pool: { kind: 'fixed', iskPerShare: 1_000_000 } }).pool).toEqual({
      kind: 'fixed',
      iskPerShare: 1_000_000,
    });
  });

  it.each([
    [{ shares: { fc: -1 } }, /Shares for FC/],
    [{ shares: { fc: 1.5 } }, /whole number/],
    [{ pool: percent(0) }, /more than 0/],
    [{ pool: percent(101) }, /at most 100/],
    [{ pool: percent(10.123) }, /two decimals/],
    [{ pool: percent(10, 0) }, /cap per kill/],
    [{ pool: { kind: 'fixed' as const, iskPerShare: 0.5 } }, /ISK per share/],
    [{ claimWindowDays: 0 }, /claim window/],
  ])('refuses %j', (patch, message) => {
    expect(() => applySettingsPatch(DEFAULT_PPK_SETTINGS, patch)).toThrow(message);
  });
});

describe('derived events', () => {
  const ALICE = 2112000201;
  const BOB = 2112000202;
  const CAROL = 2112000203;

  it('GIVEN Alice with the final blow, Bob and Carol tied on top damage and an NPC doing more THEN Bob (listed first) has top damage', () => {
    const facts = killFacts(
      killmailDocument({
        attackers: [
          npcAttacker(),
          attacker({ character: ALICE, damage: 500, finalBlow: true }),
          attacker({ character: BOB, damage: 700 }),
          attacker({ character: CAROL, damage: 700 }),
        ],
      }),
    );
    // The NPC is not a character: it neither appears nor takes top damage.
    expect(facts.attackers.map((entry) => entry.characterId)).toEqual([ALICE, BOB, CAROL]);
    expect(derivedEvents(facts.attackers, () => true)).toEqual([
      { characterId: ALICE, type: 'participant' },
      { characterId: ALICE, type: 'final_blow' },
      { characterId: BOB, type: 'participant' },
      { characterId: BOB, type: 'top_damage' },
      { characterId: CAROL, type: 'participant' },
    ]);
  });

  it('GIVEN the top damage pilot is not linked THEN nobody gets top damage and unlinked pilots get nothing', () => {
    const facts = killFacts(
      killmailDocument({
        attackers: [
          attacker({ character: ALICE, damage: 100, finalBlow: true }),
          attacker({ character: BOB, damage: 900 }),
        ],
      }),
    );
    expect(derivedEvents(facts.attackers, (id) => id === ALICE)).toEqual([
      { characterId: ALICE, type: 'participant' },
      { characterId: ALICE, type: 'final_blow' },
    ]);
  });

  it('keeps the value, the NPC and awox markers, and leaves the value out of an ESI killmail', () => {
    const document = killmailDocument({ zkb: { totalValue: 42.5, npc: true, awox: true } });
    expect(killFacts(document)).toMatchObject({ zkbValue: 42.5, npc: true, awox: true, hash: 'fixturehash' });
    const fromEsi = killFacts({ killmail_id: document.killmail_id, hash: 'abc', esi: document.esi });
    expect(fromEsi).toMatchObject({ zkbValue: null, npc: false, awox: false });
    expect(fromEsi.killmailTime.toISOString()).toBe('2026-11-21T08:00:00.000Z');
  });
});
