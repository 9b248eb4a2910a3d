// Grouping kills into fights: same or gate-adjacent systems, within the join window of the fight's
// kills; a fight closes after the quiet time and a later kill starts a new one.
import { describe, expect, it } from 'vitest';
import {
  clusterFights,
  DEFAULT_FIGHT_RULE,
  findFight,
  type FightWindow,
  isFightQuiet,
  widenFight,
} from '../../src/engine/fight/index.ts';
import { KILL_TIME_MS, miniUniverse } from '../fixtures/killmails/builder.ts';
import { SYSTEMS } from '../fixtures/killmails/mini-universe.ts';

const MINUTE = 60_000;
const at = (minutes: number) => KILL_TIME_MS + minutes * MINUTE;
const kill = (id: number, minutes: number, solarSystemId: number) => ({
  id,
  time: at(minutes),
  solarSystemId,
});

const fightInHuola: FightWindow = {
  id: 1,
  firstKillAt: at(0),
  lastKillAt: at(5),
  systemIds: [SYSTEMS.huola],
};

describe('findFight', () => {
  it('GIVEN a fight in Huola WHEN a kill happens in Huola 10 minutes after its last kill THEN it joins', () => {
    expect(findFight([fightInHuola], { time: at(15), solarSystemId: SYSTEMS.huola }, miniUniverse)?.id).toBe(
      1,
    );
  });

  it('GIVEN a fight in Huola WHEN a kill happens in Kourmonen (1 jump) THEN it joins', () => {
    expect(
      findFight([fightInHuola], { time: at(6), solarSystemId: SYSTEMS.kourmonen }, miniUniverse)?.id,
    ).toBe(1);
  });

  it('GIVEN a fight in Huola WHEN a kill happens in Kamela (2 jumps) THEN it starts a new fight', () => {
    expect(
      findFight([fightInHuola], { time: at(6), solarSystemId: SYSTEMS.kamela }, miniUniverse),
    ).toBeUndefined();
  });

  it('GIVEN a fight whose last kill was at minute 5 WHEN a kill happens at minute 20 (the join edge) THEN it joins, at 20:01 it does not', () => {
    expect(findFight([fightInHuola], { time: at(20), solarSystemId: SYSTEMS.huola }, miniUniverse)?.id).toBe(
      1,
    );
    expect(
      findFight([fightInHuola], { time: at(20) + 1000, solarSystemId: SYSTEMS.huola }, miniUniverse),
    ).toBeUndefined();
  });

  it('GIVEN a fight WHEN a kill reported late happened 10 minutes before its first kill THEN it joins', () => {
    expect(findFight([fightInHuola], { time: at(-10), solarSystemId: SYSTEMS.huola }, miniUniverse)?.id).toBe(
      1,
    );
  });

  it('GIVEN two fights near the kill WHEN it happens THEN it joins the one whose last kill is nearest in time', () => {
    const other: FightWindow = {
      id: 2,
      firstKillAt: at(8),
      lastKillAt: at(9),
      systemIds: [SYSTEMS.kourmonen],
    };
    expect(
      findFight([fightInHuola, other], { time: at(10), solarSystemId: SYSTEMS.huola }, miniUniverse)?.id,
    ).toBe(2);
  });

  it('GIVEN a fight in Thera (w-space, no gates) WHEN a kill happens in Thera THEN it joins, elsewhere it does not', () => {
    const thera: FightWindow = { id: 3, firstKillAt: at(0), lastKillAt: at(0), systemIds: [SYSTEMS.thera] };
    expect(findFight([thera], { time: at(1), solarSystemId: SYSTEMS.thera }, miniUniverse)?.id).toBe(3);
    expect(findFight([thera], { time: at(1), solarSystemId: SYSTEMS.huola }, miniUniverse)).toBeUndefined();
  });

  it('GIVEN a fight WHEN a kill in a new system joins THEN the window and the systems widen', () => {
    const widened = widenFight(fightInHuola, { time: at(12), solarSystemId: SYSTEMS.kourmonen });
    expect(widened).toEqual({
      id: 1,
      firstKillAt: at(0),
      lastKillAt: at(12),
      systemIds: [SYSTEMS.huola, SYSTEMS.kourmonen],
    });
  });
});

describe('isFightQuiet', () => {
  it('GIVEN the last kill joined at minute 0 WHEN it is minute 19 THEN the fight is open; at minute 20 it is quiet', () => {
    expect(isFightQuiet(at(0), at(19), DEFAULT_FIGHT_RULE)).toBe(false);
    expect(isFightQuiet(at(0), at(20), DEFAULT_FIGHT_RULE)).toBe(true);
  });
});

describe('clusterFights', () => {
  it('GIVEN a brawl moving Huola -> Kourmonen -> Kamela and an unrelated kill in Jita WHEN clustered THEN the brawl is one fight', () => {
    const fights = clusterFights(
      [
        kill(1, 0, SYSTEMS.huola),
        kill(2, 1, SYSTEMS.huola),
        kill(3, 4, SYSTEMS.kourmonen),
        kill(4, 5, SYSTEMS.jita),
        // Kamela is 1 jump from Kourmonen, which the fight reached: the fight follows the fleet.
        kill(5, 9, SYSTEMS.kamela),
        kill(6, 10, SYSTEMS.kamela),
      ],
      miniUniverse,
    );
    expect(fights.map((fight) => fight.killIds)).toEqual([[1, 2, 3, 5, 6], [4]]);
    expect(fights[0]!.systemIds).toEqual([SYSTEMS.huola, SYSTEMS.kourmonen, SYSTEMS.kamela]);
    expect(fights[0]!.lastKillAt - fights[0]!.firstKillAt).toBe(10 * MINUTE);
  });

  it('GIVEN kills in Huola at 0 and 14 minutes, then 40 WHEN clustered THEN the 40th-minute kill starts a second fight', () => {
    const fights = clusterFights(
      [kill(1, 0, SYSTEMS.huola), kill(2, 14, SYSTEMS.huola), kill(3, 40, SYSTEMS.huola)],
      miniUniverse,
    );
    expect(fights.map((fight) => fight.killIds)).toEqual([[1, 2], [3]]);
  });

  it('GIVEN a fight closed by a quiet period WHEN a late kill from its time window arrives THEN it starts a new fight', () => {
    const fights = clusterFights(
      [kill(1, 0, SYSTEMS.huola), kill(2, 30, SYSTEMS.jita), kill(3, 5, SYSTEMS.huola)],
      miniUniverse,
    );
    expect(fights.map((fight) => fight.killIds)).toEqual([[1], [2], [3]]);
  });
});
