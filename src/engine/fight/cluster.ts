// Which fight a kill belongs to: kills in the same or gate-adjacent systems, each within a few minutes
// of the fight's kills, form one fight; a fight ends once nothing joined it for a quiet while.
import type { Universe } from '../universe/types.ts';

/** The rule that groups kills into fights (times in kill time, except `quietMinutes`). */
export interface FightRule {
  /** A kill joins a fight when its kill time is at most this long after the fight's last kill (or before its first). */
  joinMinutes: number;
  /** ... and its system is one of the fight's systems or at most this many gate jumps from one. */
  maxJumps: number;
  /** A fight closes when no kill has joined it for this long. */
  quietMinutes: number;
}

/**
 * 15 minutes covers the lull between waves of a brawl and a fleet moving a gate or two; one gate jump
 * follows a fight that spills through a gate without merging neighbouring but unrelated skirmishes;
 * 20 quiet minutes (more than the join window) close it once the kill feed has caught up.
 */
export const DEFAULT_FIGHT_RULE: FightRule = { joinMinutes: 15, maxJumps: 1, quietMinutes: 20 };

const MINUTE = 60_000;

/** What clustering needs to know of an open fight. */
export interface FightWindow {
  id: number;
  /** Kill time of its first and last kill, epoch ms. */
  firstKillAt: number;
  lastKillAt: number;
  systemIds: readonly number[];
}

/** What clustering needs to know of a kill. */
export interface FightKillPoint {
  time: number;
  solarSystemId: number;
}

/** True when the kill's system is one of the fight's or within the rule's gate jumps of one. */
export function isNearFight(
  fight: FightWindow,
  solarSystemId: number,
  universe: Universe,
  rule: FightRule = DEFAULT_FIGHT_RULE,
): boolean {
  if (fight.systemIds.includes(solarSystemId)) return true;
  if (rule.maxJumps <= 0) return false;
  const search = universe.jumpSearch(solarSystemId);
  if (!search) return false;
  for (const systemId of fight.systemIds) {
    const index = universe.systemIndex(systemId);
    if (index >= 0 && search.jumpsTo(index, rule.maxJumps) >= 0) return true;
  }
  return false;
}

/** True when the kill time falls inside the fight's window widened by the join time on both sides. */
export function isDuringFight(
  fight: FightWindow,
  time: number,
  rule: FightRule = DEFAULT_FIGHT_RULE,
): boolean {
  const margin = rule.joinMinutes * MINUTE;
  return time >= fight.firstKillAt - margin && time <= fight.lastKillAt + margin;
}

/**
 * The open fight a kill joins, or undefined when it starts a new one. Among several candidates the one
 * whose last kill is nearest in time wins (then the lowest id), so a kill never depends on list order.
 */
export function findFight(
  open: readonly FightWindow[],
  kill: FightKillPoint,
  universe: Universe,
  rule: FightRule = DEFAULT_FIGHT_RULE,
): FightWindow | undefined {
  let best: FightWindow | undefined;
  let bestGap = Number.POSITIVE_INFINITY;
  for (const fight of open) {
    if (!isDuringFight(fight, kill.time, rule)) continue;
    if (!isNearFight(fight, kill.solarSystemId, universe, rule)) continue;
    const gap = Math.abs(kill.time - fight.lastKillAt);
    if (gap < bestGap || (gap === bestGap && best !== undefined && fight.id < best.id)) {
      best = fight;
      bestGap = gap;
    }
  }
  return best;
}

/** The window of a fight after a kill joined it. */
export function widenFight<T extends FightWindow>(fight: T, kill: FightKillPoint): T {
  return {
    ...fight,
    firstKillAt: Math.min(fight.firstKillAt, kill.time),
    lastKillAt: Math.max(fight.lastKillAt, kill.time),
    systemIds: fight.systemIds.includes(kill.solarSystemId)
      ? fight.systemIds
      : [...fight.systemIds, kill.solarSystemId],
  };
}

/** True when nothing joined the fight since `lastJoinedAt` for the rule's quiet time. */
export function isFightQuiet(
  lastJoinedAt: number,
  now: number,
  rule: FightRule = DEFAULT_FIGHT_RULE,
): boolean {
  return now - lastJoinedAt >= rule.quietMinutes * MINUTE;
}

/** One fight found by `clusterFights`. */
export interface ClusteredFight extends FightWindow {
  killIds: number[];
}

/**
 * Groups kills, taken in the order given (the order they arrived), into fights as the live bot does,
 * with each kill's own time as the clock for closing: a fight closes once a kill arrives at least the
 * quiet time after the fight's last joined kill. For replays and tests.
 */
export function clusterFights<K extends FightKillPoint & { id: number }>(
  kills: readonly K[],
  universe: Universe,
  rule: FightRule = DEFAULT_FIGHT_RULE,
): ClusteredFight[] {
  const fights: ClusteredFight[] = [];
  let open: Array<ClusteredFight & { lastJoinedAt: number }> = [];
  let clock = Number.NEGATIVE_INFINITY;
  for (const kill of kills) {
    clock = Math.max(clock, kill.time);
    open = open.filter((fight) => !isFightQuiet(fight.lastJoinedAt, clock, rule));
    const joined = findFight(open, kill, universe, rule) as (typeof open)[number] | undefined;
    if (joined) {
      const widened = widenFight(joined, kill);
      Object.assign(joined, widened, { lastJoinedAt: clock });
      joined.killIds.push(kill.id);
      continue;
    }
    const fight = {
      id: fights.length + 1,
      firstKillAt: kill.time,
      lastKillAt: kill.time,
      systemIds: [kill.solarSystemId],
      killIds: [kill.id],
      lastJoinedAt: clock,
    };
    fights.push(fight);
    open.push(fight);
  }
  return fights.map(({ id, firstKillAt, lastKillAt, systemIds, killIds }) => ({
    id,
    firstKillAt,
    lastKillAt,
    systemIds,
    killIds,
  }));
}
