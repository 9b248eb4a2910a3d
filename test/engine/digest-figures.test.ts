import { describe, expect, it } from 'vitest';
import { computeDigest, digestSide } from '../../src/engine/digest/figures.ts';
import { latestScheduledWindow, windowEndingAt } from '../../src/engine/digest/schedule.ts';
import type { TrackerDefinition } from '../../src/engine/tracker/types.ts';
import { attacker, IDS, killmail } from '../fixtures/killmails/builder.ts';
import { GROUPS, TYPES } from '../fixtures/killmails/mini-catalog.ts';
import { SYSTEMS } from '../fixtures/killmails/mini-universe.ts';

const at = (iso: string) => Date.parse(iso);
const OUR_NEW_PILOT = 2112000401;

const tracker: TrackerDefinition = {
  version: 1,
  name: 'Our alliance',
  enabled: true,
  ping: { everyone: false, here: false, roles: [] },
  ppk: false,
  digest: 'daily',
  digest_hour: 0,
  clauses: { require_attacker_alliances: [IDS.attackerAlliance] },
};

const window = {
  period: 'daily' as const,
  start: at('2026-11-21T00:00:00Z'),
  end: at('2026-11-22T00:00:00Z'),
};

const outsider = attacker({
  character: IDS.otherCharacter,
  corporation: IDS.otherCorporation,
  alliance: IDS.otherAlliance,
});

// Four matches inside the day, one at its exclusive end.
const kills = [
  // A kill: one of ours and an outsider on a 10m Rifter in Sosala.
  killmail({
    id: 1,
    time: '2026-11-21T08:00:00Z',
    system: SYSTEMS.sosala,
    attackers: [attacker(), outsider],
  }),
  // A kill: two of ours (same corporation) on a 100m Hurricane in Huola.
  killmail({
    id: 2,
    time: '2026-11-21T08:30:00Z',
    system: SYSTEMS.huola,
    victim: { ship_type_id: TYPES.hurricane },
    zkb: { totalValue: 100_000_000 },
    attackers: [attacker({ character: OUR_NEW_PILOT }), attacker()],
  }),
  // A loss: our pilot's 50m Rifter in Sosala.
  killmail({
    id: 3,
    time: '2026-11-21T09:10:00Z',
    system: SYSTEMS.sosala,
    victim: {
      character_id: IDS.attackerCharacter,
      corporation_id: IDS.attackerCorporation,
      alliance_id: IDS.attackerAlliance,
    },
    zkb: { totalValue: 50_000_000 },
    attackers: [outsider],
  }),
  // A kill zKillboard did not price, in Huola, the last minute of the day.
  killmail({ id: 4, time: '2026-11-21T23:59:00Z', system: SYSTEMS.huola, unpriced: true }),
  // The next day: outside the window.
  killmail({ id: 5, time: '2026-11-22T00:00:00Z', zkb: { totalValue: 9e12 } }),
];

describe('digest figures', () => {
  it('GIVEN a day of matches of an alliance tracker THEN the figures are the hand-counted ones', () => {
    const figures = computeDigest(tracker, kills, window);
    expect(figures.sided).toBe(true);
    expect(figures.kills).toBe(3);
    expect(figures.losses).toBe(1);
    expect(figures.iskDestroyed).toBe(110_000_000);
    expect(figures.iskLost).toBe(50_000_000);
    expect(figures.topPilots).toEqual([
      { id: IDS.attackerCharacter, count: 3 },
      { id: OUR_NEW_PILOT, count: 1 },
    ]);
    expect(figures.topCorporations).toEqual([{ id: IDS.attackerCorporation, count: 3 }]);
    expect(figures.topSystems).toEqual([
      { id: SYSTEMS.huola, count: 2 },
      { id: SYSTEMS.sosala, count: 2 },
    ]);
    expect(figures.topShipGroups).toEqual([
      { id: GROUPS.frigate, count: 3 },
      { id: GROUPS.combatBattlecruiser, count: 1 },
    ]);
    expect(figures.mostValuable).toEqual({
      killmailId: 2,
      value: 100_000_000,
      victimShipTypeId: TYPES.hurricane,
      solarSystemId: SYSTEMS.huola,
      loss: false,
    });
    expect(figures.buckets).toHaveLength(24);
    expect(figures.buckets[8]).toEqual({
      start: at('2026-11-21T08:00:00Z'),
      kills: 2,
      losses: 0,
      iskDestroyed: 110_000_000,
      iskLost: 0,
    });
    expect(figures.buckets[9]).toMatchObject({ kills: 0, losses: 1, iskLost: 50_000_000 });
    expect(figures.buckets[23]).toMatchObject({ kills: 1, iskDestroyed: 0 });
  });

  it('GIVEN a tracker naming no side THEN every match is a kill and every attacker counts', () => {
    const { clauses: _clauses, ...rest } = tracker;
    const figures = computeDigest({ ...rest, clauses: {} }, kills, window);
    expect(figures.sided).toBe(false);
    expect(figures.kills).toBe(4);
    expect(figures.losses).toBe(0);
    expect(figures.iskDestroyed).toBe(160_000_000);
    expect(figures.topPilots).toEqual([
      { id: IDS.attackerCharacter, count: 3 },
      { id: IDS.otherCharacter, count: 2 },
      { id: OUR_NEW_PILOT, count: 1 },
    ]);
  });

  it('GIVEN a tracker of victims THEN its side comes from the victim clauses and its matches are losses', () => {
    const losses = { ...tracker, clauses: { require_victim_corporations: [IDS.attackerCorporation] } };
    expect(digestSide(losses)?.corporations).toEqual(new Set([IDS.attackerCorporation]));
    expect(computeDigest(losses, kills, window)).toMatchObject({ kills: 3, losses: 1 });
  });

  it('GIVEN a weekly window THEN there is one bucket per day', () => {
    const week = {
      period: 'weekly' as const,
      start: at('2026-11-16T00:00:00Z'),
      end: at('2026-11-23T00:00:00Z'),
    };
    const figures = computeDigest(tracker, kills, week);
    expect(figures.buckets).toHaveLength(7);
    expect(figures.buckets[5]).toMatchObject({ start: at('2026-11-21T00:00:00Z'), kills: 3, losses: 1 });
  });
});

describe('digest schedule (UTC)', () => {
  it('GIVEN a daily digest at 18:00 THEN exactly 18:00 is the end of the period, a millisecond before is the previous day', () => {
    expect(latestScheduledWindow('daily', 18, at('2026-11-21T18:00:00Z'))).toEqual({
      period: 'daily',
      start: at('2026-11-20T18:00:00Z'),
      end: at('2026-11-21T18:00:00Z'),
    });
    expect(latestScheduledWindow('daily', 18, at('2026-11-21T17:59:59.999Z')).end).toBe(
      at('2026-11-20T18:00:00Z'),
    );
  });

  it('GIVEN a weekly digest THEN periods end on Mondays at the hour', () => {
    // 2026-11-21 is a Saturday; the Mondays around it are the 16th and the 23rd.
    expect(latestScheduledWindow('weekly', 0, at('2026-11-21T12:00:00Z'))).toEqual({
      period: 'weekly',
      start: at('2026-11-09T00:00:00Z'),
      end: at('2026-11-16T00:00:00Z'),
    });
    expect(latestScheduledWindow('weekly', 6, at('2026-11-23T06:00:00Z')).end).toBe(
      at('2026-11-23T06:00:00Z'),
    );
    expect(latestScheduledWindow('weekly', 6, at('2026-11-23T05:00:00Z')).end).toBe(
      at('2026-11-16T06:00:00Z'),
    );
  });

  it('GIVEN an on-demand digest THEN it covers the period ending now', () => {
    expect(windowEndingAt('weekly', at('2026-11-21T12:00:00Z')).start).toBe(at('2026-11-14T12:00:00Z'));
  });
});
