// Fights found in real killmails (../shared/killmails/insight-2018.jsonl, summer 2018): the X47L-Q
// battles between the Imperium and PanFam, and a gank in Oijanen, taken in kill-time order.
import { beforeAll, expect, it } from 'vitest';
import { ItemCatalog } from '../../src/engine/catalog.ts';
import { type ClusteredFight, clusterFights, fightReport } from '../../src/engine/fight/index.ts';
import { normalizeKillmail } from '../../src/engine/killmail/normalize.ts';
import { parseKillmailDocument } from '../../src/engine/killmail/parse.ts';
import type { Killmail } from '../../src/engine/killmail/types.ts';
import type { Universe } from '../../src/engine/universe/types.ts';
import { createUniverse } from '../../src/engine/universe/universe.ts';
import {
  describeWithSharedData,
  sharedCatalogData,
  sharedKillmailLines,
  sharedUniverseData,
} from '../helpers/shared-data.ts';

const X47L_Q = 30001967;
const OIJANEN = 30000186;
const GOONSWARM = 1354830081;
const NORTHERN_COALITION = 1727758877;
const PANDEMIC_HORDE = 99005338;

describeWithSharedData('fights in real killmails', () => {
  let universe: Universe;
  let killmails: Killmail[];
  let fights: ClusteredFight[];
  const fightStartingAt = (iso: string) => fights.find((fight) => fight.firstKillAt === Date.parse(iso))!;
  const killsOf = (fight: ClusteredFight) => killmails.filter((kill) => fight.killIds.includes(kill.id));

  beforeAll(() => {
    universe = createUniverse(sharedUniverseData());
    const catalog = new ItemCatalog(sharedCatalogData());
    killmails = sharedKillmailLines('insight-2018.jsonl').map((value) => {
      const parsed = parseKillmailDocument(value);
      if (!parsed.ok) throw new Error(parsed.error);
      return normalizeKillmail(parsed.document, { universe, catalog });
    });
    killmails.sort((a, b) => a.time - b.time || a.id - b.id);
    fights = clusterFights(killmails, universe);
  });

  it('GIVEN 858 real kills WHEN clustered THEN every kill is in exactly one fight', () => {
    const ids = fights.flatMap((fight) => fight.killIds);
    expect(ids).toHaveLength(858);
    expect(new Set(ids).size).toBe(858);
  });

  it('GIVEN every fight found WHEN its kills are checked THEN each kill is within 15 minutes of another and every system within a jump of another', () => {
    for (const fight of fights.filter((found) => found.killIds.length > 1)) {
      const kills = killsOf(fight);
      for (const kill of kills) {
        const near = kills.some(
          (other) =>
            other !== kill &&
            Math.abs(other.time - kill.time) <= 15 * 60_000 &&
            (universe.jumps(other.solarSystemId, kill.solarSystemId) ?? 99) <= 1,
        );
        expect(near, `kill ${kill.id} of fight ${fight.id}`).toBe(true);
      }
    }
  });

  it('GIVEN the X47L-Q battle of 1 August 2018 WHEN clustered THEN its first wave is one 14-kill fight that closes before the second wave', () => {
    const first = fightStartingAt('2018-08-01T19:05:08Z');
    const second = fightStartingAt('2018-08-01T20:21:04Z');
    expect(first.killIds).toHaveLength(14);
    expect(first.systemIds).toEqual([X47L_Q]);
    expect(second.killIds).toHaveLength(17);
    // More than 15 quiet minutes between the waves: the first closed and the second is a new fight.
    expect(second.firstKillAt - first.lastKillAt).toBeGreaterThan(15 * 60_000);
  });

  it('GIVEN the X47L-Q battle WHEN its sides are assigned THEN Goonswarm faces NC. and Pandemic Horde', () => {
    const report = fightReport(killsOf(fightStartingAt('2018-08-01T20:21:04Z')));
    const sideOf = (id: number) =>
      report.sides.findIndex((side) =>
        side.parties.some((party) => party.kind === 'alliance' && party.id === id),
      );
    expect(sideOf(GOONSWARM)).toBeGreaterThanOrEqual(0);
    expect(sideOf(NORTHERN_COALITION)).toBe(1 - sideOf(GOONSWARM));
    expect(sideOf(PANDEMIC_HORDE)).toBe(sideOf(NORTHERN_COALITION));
    expect(report.sides[0].shipsLost + report.sides[1].shipsLost).toBe(17);
  });

  it('GIVEN the Oijanen gank of 16 August 2018 WHEN reported THEN one side lost all 26 ships and the other none', () => {
    const fight = fightStartingAt('2018-08-16T09:40:00Z');
    expect(fight.systemIds).toEqual([OIJANEN]);
    const report = fightReport(killsOf(fight));
    expect(report.killCount).toBe(26);
    expect(report.sides.map((side) => side.shipsLost).sort()).toEqual([0, 26]);
    expect(report.iskDestroyed).toBeCloseTo(report.sides[0].iskLost + report.sides[1].iskLost, 0);
  });
});
