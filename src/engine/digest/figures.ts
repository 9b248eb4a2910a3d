// The figures of a digest, from the killmails a tracker matched in a period: kills and losses (relative to
// the tracker's side), ISK destroyed and lost, top pilots, corporations, systems and destroyed ship
// classes, the most valuable kill, and counts per hour (daily) or per day (weekly) for the chart.
import type { Killmail, Party } from '../killmail/types.ts';
import type { TrackerDefinition } from '../tracker/types.ts';
import { DAY_MS, type DigestWindow, HOUR_MS } from './schedule.ts';

/** Who "we" are for a tracker: the entities of its attacker clauses, else of its victim clauses. */
export interface DigestSide {
  alliances: ReadonlySet<number>;
  corporations: ReadonlySet<number>;
  characters: ReadonlySet<number>;
}

export interface Ranked {
  id: number;
  count: number;
}

export interface DigestBucket {
  /** Epoch ms of the hour or day. */
  start: number;
  kills: number;
  losses: number;
  iskDestroyed: number;
  iskLost: number;
}

export interface DigestKill {
  killmailId: number;
  value: number;
  victimShipTypeId: number;
  solarSystemId: number;
  loss: boolean;
}

export interface DigestFigures {
  window: DigestWindow;
  /** Whether the tracker names a side; without one every match counts as a kill. */
  sided: boolean;
  kills: number;
  losses: number;
  iskDestroyed: number;
  iskLost: number;
  /** Pilots on the most kills (of the side, when there is one). */
  topPilots: Ranked[];
  topCorporations: Ranked[];
  topSystems: Ranked[];
  /** Ship groups destroyed most often (kills and losses). */
  topShipGroups: Ranked[];
  mostValuable: DigestKill | undefined;
  buckets: DigestBucket[];
}

const TOP = 5;

function ids(clauses: TrackerDefinition['clauses'], key: string): number[] {
  const value = clauses[key];
  return Array.isArray(value) ? value.filter((id): id is number => typeof id === 'number') : [];
}

export function digestSide(tracker: TrackerDefinition): DigestSide | undefined {
  for (const role of ['attacker', 'victim'] as const) {
    const side = {
      alliances: new Set(ids(tracker.clauses, `require_${role}_alliances`)),
      corporations: new Set(ids(tracker.clauses, `require_${role}_corporations`)),
      characters: new Set(ids(tracker.clauses, `require_${role}_characters`)),
    };
    if (side.alliances.size + side.corporations.size + side.characters.size > 0) return side;
  }
  return undefined;
}

function onSide(side: DigestSide, party: Party): boolean {
  return (
    (party.allianceId !== undefined && side.alliances.has(party.allianceId)) ||
    (party.corporationId !== undefined && side.corporations.has(party.corporationId)) ||
    (party.characterId !== undefined && side.characters.has(party.characterId))
  );
}

function ranked(counts: Map<number, number>): Ranked[] {
  return [...counts]
    .map(([id, count]) => ({ id, count }))
    .sort((a, b) => b.count - a.count || a.id - b.id)
    .slice(0, TOP);
}

function bump(counts: Map<number, number>, id: number | undefined): void {
  if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
}

/** Killmails outside the window are ignored; each killmail counts once. */
export function computeDigest(
  tracker: TrackerDefinition,
  killmails: readonly Killmail[],
  window: DigestWindow,
): DigestFigures {
  const side = digestSide(tracker);
  const bucketMs = window.period === 'daily' ? HOUR_MS : DAY_MS;
  const buckets: DigestBucket[] = [];
  for (let start = window.start; start < window.end; start += bucketMs)
    buckets.push({ start, kills: 0, losses: 0, iskDestroyed: 0, iskLost: 0 });
  const pilots = new Map<number, number>();
  const corporations = new Map<number, number>();
  const systems = new Map<number, number>();
  const shipGroups = new Map<number, number>();
  const figures: DigestFigures = {
    window,
    sided: side !== undefined,
    kills: 0,
    losses: 0,
    iskDestroyed: 0,
    iskLost: 0,
    topPilots: [],
    topCorporations: [],
    topSystems: [],
    topShipGroups: [],
    mostValuable: undefined,
    buckets,
  };
  const seen = new Set<number>();
  for (const killmail of killmails) {
    if (killmail.time < window.start || killmail.time >= window.end || seen.has(killmail.id)) continue;
    seen.add(killmail.id);
    const loss = side !== undefined && onSide(side, killmail.victim);
    const value = killmail.value ?? 0;
    const bucket = buckets[Math.floor((killmail.time - window.start) / bucketMs)];
    if (loss) {
      figures.losses += 1;
      figures.iskLost += value;
      if (bucket) {
        bucket.losses += 1;
        bucket.iskLost += value;
      }
    } else {
      figures.kills += 1;
      figures.iskDestroyed += value;
      if (bucket) {
        bucket.kills += 1;
        bucket.iskDestroyed += value;
      }
      // Each pilot and corporation once per kill, only the side's own when the tracker has a side.
      const countedPilots = new Set<number>();
      const countedCorporations = new Set<number>();
      for (const attacker of killmail.attackers) {
        if (side !== undefined && !onSide(side, attacker)) continue;
        if (attacker.characterId !== undefined) countedPilots.add(attacker.characterId);
        if (attacker.corporationId !== undefined) countedCorporations.add(attacker.corporationId);
      }
      for (const id of countedPilots) bump(pilots, id);
      for (const id of countedCorporations) bump(corporations, id);
    }
    bump(systems, killmail.solarSystemId);
    bump(shipGroups, killmail.victim.shipGroupId);
    if (killmail.value !== undefined && (figures.mostValuable?.value ?? -1) < killmail.value) {
      figures.mostValuable = {
        killmailId: killmail.id,
        value: killmail.value,
        victimShipTypeId: killmail.victim.shipTypeId,
        solarSystemId: killmail.solarSystemId,
        loss,
      };
    }
  }
  figures.topPilots = ranked(pilots);
  figures.topCorporations = ranked(corporations);
  figures.topSystems = ranked(systems);
  figures.topShipGroups = ranked(shipGroups);
  return figures;
}
