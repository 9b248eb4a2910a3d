// Fight report figures on a small hand-made fight, checked against values computed by hand:
// alliance V (victim alliance) against alliance X (attacker alliance) with corporation O (no alliance)
// flying with X.
import { describe, expect, it } from 'vitest';
import { assignSides, fightReport, renderFightReport } from '../../src/engine/fight/index.ts';
import { normalizeKillmail } from '../../src/engine/killmail/normalize.ts';
import type { Killmail, R2z2Document } from '../../src/engine/killmail/types.ts';
import {
  attacker,
  IDS,
  KILL_TIME_MS,
  killmail,
  killmailDocument,
  miniCatalog,
  miniUniverse,
} from '../fixtures/killmails/builder.ts';
import { TYPES } from '../fixtures/killmails/mini-catalog.ts';
import { SYSTEMS } from '../fixtures/killmails/mini-universe.ts';

const V = { corporation: IDS.victimCorporation, alliance: IDS.victimAlliance };
const X = { corporation: IDS.attackerCorporation, alliance: IDS.attackerAlliance };
const O = { corporation: IDS.otherCorporation, alliance: undefined };
const v1 = 2112000101;
const v2 = 2112000102;
const v3 = 2112000103;
const a1 = 2112000201;
const a2 = 2112000202;
const o1 = 2112000301;
const time = (minutes: number) => new Date(KILL_TIME_MS + minutes * 60_000).toISOString().replace('.000', '');

const kills = [
  killmail({
    id: 1,
    time: time(0),
    system: SYSTEMS.huola,
    victim: { character_id: v1, corporation_id: V.corporation, alliance_id: V.alliance },
    attackers: [
      attacker({ ...X, character: a1, damage: 300, finalBlow: true }),
      attacker({ ...X, character: a2, damage: 200 }),
    ],
    zkb: { totalValue: 100_000_000 },
  }),
  killmail({
    id: 2,
    time: time(2),
    system: SYSTEMS.huola,
    victim: { character_id: v2, corporation_id: V.corporation, alliance_id: V.alliance },
    attackers: [
      attacker({ ...X, character: a1, damage: 100 }),
      attacker({ ...O, character: o1, damage: 400, finalBlow: true }),
    ],
    zkb: { totalValue: 50_000_000 },
  }),
  killmail({
    id: 3,
    time: time(3),
    system: SYSTEMS.kourmonen,
    victim: {
      character_id: a2,
      corporation_id: X.corporation,
      alliance_id: X.alliance,
      ship_type_id: TYPES.hurricane,
    },
    attackers: [
      attacker({ ...V, character: v3, damage: 1000, finalBlow: true }),
      attacker({ ...V, character: v1, damage: 500 }),
    ],
    zkb: { totalValue: 300_000_000 },
  }),
  withoutVictimAlliance(
    killmailDocument({
      id: 4,
      time: time(6),
      system: SYSTEMS.huola,
      victim: { character_id: o1, corporation_id: O.corporation },
      attackers: [attacker({ ...V, character: v3, damage: 250, finalBlow: true })],
      zkb: { totalValue: 20_000_000 },
    }),
  ),
];

/** A victim of a corporation in no alliance (the builder's victim has one). */
function withoutVictimAlliance(document: R2z2Document): Killmail {
  delete document.esi.victim.alliance_id;
  return normalizeKillmail(document, { universe: miniUniverse, catalog: miniCatalog });
}

describe('assignSides', () => {
  it('GIVEN V fighting X and O, who fly together WHEN sides are assigned THEN V is alone on one side, X and O on the other', () => {
    const sides = assignSides(kills);
    expect(sides.parties[0]).toEqual([{ kind: 'alliance', id: IDS.victimAlliance }]);
    expect(sides.parties[1]).toEqual([
      { kind: 'alliance', id: IDS.attackerAlliance },
      { kind: 'corporation', id: IDS.otherCorporation },
    ]);
  });

  it('GIVEN the same kills in another order WHEN sides are assigned THEN they are the same', () => {
    expect(assignSides([...kills].reverse()).parties).toEqual(assignSides(kills).parties);
  });
});

describe('fightReport', () => {
  const report = fightReport(kills);

  it('GIVEN four kills over six minutes WHEN reported THEN the totals, duration and systems are as counted by hand', () => {
    expect(report.killCount).toBe(4);
    expect(report.iskDestroyed).toBe(470_000_000);
    expect(report.endedAt - report.startedAt).toBe(6 * 60_000);
    expect(report.systems).toEqual([
      { solarSystemId: SYSTEMS.huola, kills: 3 },
      { solarSystemId: SYSTEMS.kourmonen, kills: 1 },
    ]);
  });

  it('GIVEN the fight WHEN reported THEN ships and ISK lost and pilots per side are as counted by hand', () => {
    expect(report.sides.map(({ pilots, shipsLost, iskLost }) => ({ pilots, shipsLost, iskLost }))).toEqual([
      { pilots: 3, shipsLost: 2, iskLost: 150_000_000 },
      { pilots: 3, shipsLost: 2, iskLost: 320_000_000 },
    ]);
  });

  it('GIVEN the fight WHEN reported THEN the biggest kills come most valuable first with their side', () => {
    expect(report.biggestKills.map((kill) => [kill.killmailId, kill.value, kill.side])).toEqual([
      [3, 300_000_000, 1],
      [1, 100_000_000, 0],
      [2, 50_000_000, 0],
      [4, 20_000_000, 1],
    ]);
  });

  it('GIVEN the fight WHEN reported THEN top pilots by kills break ties by final blows, then damage', () => {
    expect(
      report.topByKills.map((pilot) => [pilot.characterId, pilot.kills, pilot.finalBlows, pilot.damage]),
    ).toEqual([
      [v3, 2, 2, 1250],
      [a1, 2, 1, 400],
      [o1, 1, 1, 400],
      [v1, 1, 0, 500],
      [a2, 1, 0, 200],
    ]);
  });

  it('GIVEN the fight WHEN reported THEN top pilots by damage add up each pilot’s damage', () => {
    expect(report.topByDamage.map((pilot) => [pilot.characterId, pilot.damage, pilot.side])).toEqual([
      [v3, 1250, 0],
      [v1, 500, 0],
      [a1, 400, 1],
      [o1, 400, 1],
      [a2, 200, 1],
    ]);
  });

  it('GIVEN a top of 2 WHEN reported THEN each ranking keeps 2', () => {
    const short = fightReport(kills, 2);
    expect([short.biggestKills.length, short.topByKills.length, short.topByDamage.length]).toEqual([2, 2, 2]);
  });
});

describe('renderFightReport', () => {
  const names = (_kind: string, id: number) =>
    (
      ({ [IDS.victimAlliance]: 'Vanguard', [IDS.attackerAlliance]: 'Xenon', [v3]: 'Val Three' }) as Record<
        number,
        string
      >
    )[id];

  it('GIVEN an ongoing fight WHEN rendered THEN one embed names both sides, the systems, biggest kills and top pilots, pinging nobody', () => {
    const message = renderFightReport({
      report: fightReport(kills),
      trackerName: 'Home defence',
      closed: false,
      names,
      universe: miniUniverse,
      catalog: miniCatalog,
    });
    expect(message.allowed_mentions).toEqual({ parse: [] });
    const embed = message.embeds![0]!;
    expect(embed.title).toBe('Ongoing fight in Huola (+1 systems)');
    expect(embed.description).toContain('4 ships destroyed, 470m ISK');
    expect(embed.description).toContain('(6 minutes)');
    const fields = Object.fromEntries(embed.fields!.map((field) => [field.name, field.value]));
    expect(fields['Side A: Vanguard']).toBe('Ships lost: **2**\nISK lost: **150m**\nPilots: 3');
    expect(fields[`Side B: Xenon, Corporation ${IDS.otherCorporation}`]).toBe(
      'Ships lost: **2**\nISK lost: **320m**\nPilots: 3',
    );
    expect(fields['Biggest kills']!.split('\n')[0]).toBe(
      '[Hurricane](https://zkillboard.com/kill/3/) 300m: [Character 2112000202](https://zkillboard.com/character/2112000202/) (B)',
    );
    expect(fields['Top pilots by kills']!.split('\n')[0]).toBe(
      `[Val Three](https://zkillboard.com/character/${v3}/) 2 kills (A)`,
    );
    expect(fields['Top pilots by damage']!.split('\n')[0]).toBe(
      `[Val Three](https://zkillboard.com/character/${v3}/) 1,250 (A)`,
    );
    expect(embed.footer?.text).toBe('Home defence · updated as kills arrive');
  });

  it('GIVEN a closed fight WHEN rendered THEN the title and footer say it is over', () => {
    const embed = renderFightReport({
      report: fightReport(kills.slice(0, 1)),
      trackerName: 'Home defence',
      closed: true,
      names,
      universe: miniUniverse,
      catalog: miniCatalog,
    }).embeds![0]!;
    expect(embed.title).toBe('Fight in Huola');
    expect(embed.footer?.text).toBe('Home defence · fight over');
  });
});
