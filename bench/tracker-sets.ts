// Realistic tracker sets for the benchmarks, deterministic for a seed: home defence around an origin (gate
// jumps or light years), watched alliances and corporations, hunted ship classes, watched regions, big
// kills by value, and fleet fights with neither place, entity nor value (indexed by their attacker count).
import { type CatalogData, SHIP_CATEGORY_ID } from '../src/engine/catalog.ts';
import { CLAUSE_DEFINITIONS } from '../src/engine/clauses/registry.ts';
import type { Killmail } from '../src/engine/killmail/types.ts';
import type { TrackerClauses, TrackerDefinition } from '../src/engine/tracker/types.ts';
import type { UniverseData } from '../src/engine/universe/types.ts';
import { seededRandom } from './shared.ts';

/** The ids trackers are drawn from: real places of the map and real entities of the killmails. */
export interface TrackerPools {
  /** Known-space systems with stargates: where players live. */
  origins: readonly number[];
  /** Origins where a killmail of the corpus happened, so some home-defence trackers really fire. */
  busyOrigins: readonly number[];
  regions: readonly number[];
  constellations: readonly number[];
  systems: readonly number[];
  alliances: readonly number[];
  corporations: readonly number[];
  characters: readonly number[];
  /** Ship groups (category Ship), and those seen as victims in the corpus. */
  shipGroups: readonly number[];
  victimShipGroups: readonly number[];
  attackerShipTypes: readonly number[];
}

const KNOWN_SPACE_REGIONS_BELOW = 11_000_000;

export function trackerPools(
  universe: UniverseData,
  catalog: CatalogData,
  killmails: readonly Killmail[],
): TrackerPools {
  const gated = new Set<number>();
  for (const [a, b] of universe.stargates) gated.add(a).add(b);
  const knownRegions = new Set(
    universe.regions.map((region) => region.id).filter((id) => id < KNOWN_SPACE_REGIONS_BELOW),
  );
  const shipGroups = catalog.groups
    .filter((group) => group.categoryId === SHIP_CATEGORY_ID)
    .map((group) => group.id);

  const busy = new Set<number>();
  const systems = new Set<number>();
  const alliances = new Set<number>();
  const corporations = new Set<number>();
  const characters = new Set<number>();
  const victimShipGroups = new Set<number>();
  const attackerShipTypes = new Set<number>();
  for (const killmail of killmails) {
    if (gated.has(killmail.solarSystemId)) busy.add(killmail.solarSystemId);
    systems.add(killmail.solarSystemId);
    for (const party of [killmail.victim, ...killmail.attackers]) {
      if (party.allianceId !== undefined) alliances.add(party.allianceId);
      if (party.corporationId !== undefined) corporations.add(party.corporationId);
      if (party.characterId !== undefined) characters.add(party.characterId);
    }
    if (killmail.victim.shipGroupId !== undefined) victimShipGroups.add(killmail.victim.shipGroupId);
    for (const type of killmail.attackerShipTypeIds) attackerShipTypes.add(type);
  }
  return {
    origins: [...gated],
    busyOrigins: [...busy],
    regions: [...knownRegions],
    constellations: universe.constellations
      .filter((constellation) => knownRegions.has(constellation.regionId))
      .map((constellation) => constellation.id),
    systems: [...systems],
    alliances: [...alliances],
    corporations: [...corporations],
    characters: [...characters],
    shipGroups,
    victimShipGroups: [...victimShipGroups],
    attackerShipTypes: [...attackerShipTypes],
  };
}

interface Draw {
  random: () => number;
  pools: TrackerPools;
}

interface Shape {
  origin?: number;
  clauses: TrackerClauses;
}

/** The exclude_* space class clauses, in registry order (so a seed keeps drawing the same ones). */
const SPACE_CLASS_EXCLUSIONS = CLAUSE_DEFINITIONS.filter((definition) => definition.excludesSpaceClass).map(
  (definition) => definition.key,
);

/** Tracker kinds and how common each is in the set (weights add up to 100). */
const KINDS: ReadonlyArray<{ name: string; weight: number; shape: (draw: Draw) => Shape }> = [
  { name: 'Home defence', weight: 30, shape: homeDefence },
  { name: 'Jump range', weight: 10, shape: jumpRange },
  { name: 'Entity watch', weight: 20, shape: entityWatch },
  { name: 'Ship hunt', weight: 15, shape: shipHunt },
  { name: 'Area watch', weight: 10, shape: areaWatch },
  { name: 'Big kills', weight: 10, shape: bigKills },
  { name: 'Fleet fights', weight: 5, shape: fleetFights },
];

/** `count` valid trackers, the same for the same seed and pools. */
export function generateTrackers(count: number, seed: number, pools: TrackerPools): TrackerDefinition[] {
  const draw: Draw = { random: seededRandom(seed), pools };
  const totalWeight = KINDS.reduce((sum, kind) => sum + kind.weight, 0);
  const trackers: TrackerDefinition[] = [];
  for (let i = 0; i < count; i++) {
    const kind = pickKind(draw.random() * totalWeight);
    const { origin, clauses } = kind.shape(draw);
    trackers.push({
      version: 1,
      name: `${kind.name} ${i + 1}`,
      enabled: true,
      ...(origin !== undefined && { origin_solar_system_id: origin }),
      ...(chance(draw, 0.5) && { max_age_minutes: 60 }),
      ping: { everyone: false, here: chance(draw, 0.3), roles: [] },
      ppk: false,
      clauses,
    });
  }
  return trackers;
}

/** The kind whose stretch of the summed weights holds `roll`. */
function pickKind(roll: number): (typeof KINDS)[number] {
  let rest = roll;
  for (const kind of KINDS) {
    rest -= kind.weight;
    if (rest < 0) return kind;
  }
  return KINDS[KINDS.length - 1]!;
}

function homeDefence(draw: Draw): Shape {
  const origin = pickOrigin(draw);
  const clauses: TrackerClauses = { require_max_jumps: integer(draw, 1, 15) };
  if (chance(draw, 0.3)) clauses.exclude_high_sec = true;
  if (chance(draw, 0.4)) clauses.require_min_value = integer(draw, 1, 500) * 1_000_000;
  if (chance(draw, 0.3)) clauses.exclude_npc_kills = true;
  if (chance(draw, 0.2)) clauses.exclude_attacker_alliances = pickSome(draw, draw.pools.alliances, 1, 3);
  return { origin, clauses };
}

function jumpRange(draw: Draw): Shape {
  const origin = pickOrigin(draw);
  const clauses: TrackerClauses = { require_max_distance: integer(draw, 30, 100) / 10 };
  if (chance(draw, 0.5)) clauses.require_victim_ship_groups = pickSome(draw, draw.pools.shipGroups, 1, 4);
  if (chance(draw, 0.3)) clauses.require_min_attackers = integer(draw, 5, 50);
  return { origin, clauses };
}

function entityWatch(draw: Draw): Shape {
  const { pools } = draw;
  const clauses: TrackerClauses = {};
  const roll = draw.random();
  if (roll < 0.3) clauses.require_victim_alliances = pickSome(draw, pools.alliances, 1, 5);
  else if (roll < 0.55) clauses.require_attacker_alliances = pickSome(draw, pools.alliances, 1, 5);
  else if (roll < 0.75) clauses.require_victim_corporations = pickSome(draw, pools.corporations, 1, 5);
  else if (roll < 0.9) clauses.require_attacker_corporations = pickSome(draw, pools.corporations, 1, 5);
  else clauses.require_attacker_characters = pickSome(draw, pools.characters, 1, 10);
  if (chance(draw, 0.3)) clauses.exclude_npc_kills = true;
  if (chance(draw, 0.2)) clauses.require_min_value = integer(draw, 1, 100) * 10_000_000;
  return { clauses };
}

function shipHunt(draw: Draw): Shape {
  const { pools } = draw;
  const clauses: TrackerClauses = {};
  // Half hunt any ship class of the game, half the classes this corpus actually lost.
  if (chance(draw, 0.35)) clauses.require_victim_ship_groups = pickSome(draw, pools.shipGroups, 1, 4);
  else if (chance(draw, 0.55))
    clauses.require_victim_ship_groups = pickSome(draw, pools.victimShipGroups, 1, 4);
  else clauses.require_attackers_ship_types = pickSome(draw, pools.attackerShipTypes, 1, 6);
  if (chance(draw, 0.4)) clauses.require_min_value = integer(draw, 10, 2000) * 1_000_000;
  addSpaceClassExclusions(draw, clauses);
  return { clauses };
}

function areaWatch(draw: Draw): Shape {
  const { pools } = draw;
  const clauses: TrackerClauses = {};
  const roll = draw.random();
  if (roll < 0.5) clauses.require_regions = pickSome(draw, pools.regions, 1, 3);
  else if (roll < 0.8) clauses.require_constellations = pickSome(draw, pools.constellations, 1, 4);
  else clauses.require_solar_systems = pickSome(draw, pools.systems, 1, 8);
  if (chance(draw, 0.3)) clauses.require_min_attackers = integer(draw, 2, 30);
  return { clauses };
}

/** No place or entity: indexed by the minimum value only. */
function bigKills(draw: Draw): Shape {
  // From 1b to 100b, as many 1b-10b thresholds as 10b-100b ones.
  const clauses: TrackerClauses = {
    require_min_value: Math.round(10 ** (9 + 2 * draw.random()) / 1e6) * 1e6,
  };
  if (chance(draw, 0.3)) clauses.require_min_attackers = integer(draw, 10, 100);
  if (chance(draw, 0.3)) clauses.exclude_npc_kills = true;
  if (chance(draw, 0.1)) clauses.require_solo = true;
  addSpaceClassExclusions(draw, clauses);
  return { clauses };
}

/** No place, entity or value: indexed by the minimum attacker count only. */
function fleetFights(draw: Draw): Shape {
  const clauses: TrackerClauses = { require_min_attackers: integer(draw, 10, 100) };
  if (chance(draw, 0.5)) clauses.exclude_npc_kills = true;
  if (chance(draw, 0.2)) clauses.require_war_kills = true;
  addSpaceClassExclusions(draw, clauses);
  return { clauses };
}

/** Up to two space classes excluded: never all of them, which validation rejects. */
function addSpaceClassExclusions(draw: Draw, clauses: TrackerClauses): void {
  const count = integer(draw, 0, 2);
  for (let i = 0; i < count; i++) clauses[pick(draw, SPACE_CLASS_EXCLUSIONS)] = true;
}

function pickOrigin(draw: Draw): number {
  const { busyOrigins, origins } = draw.pools;
  return busyOrigins.length > 0 && chance(draw, 0.5) ? pick(draw, busyOrigins) : pick(draw, origins);
}

function chance(draw: Draw, probability: number): boolean {
  return draw.random() < probability;
}

/** A whole number from `min` to `max`, both included. */
function integer(draw: Draw, min: number, max: number): number {
  return min + Math.floor(draw.random() * (max - min + 1));
}

function pick<T>(draw: Draw, items: readonly T[]): T {
  const item = items[Math.floor(draw.random() * items.length)];
  if (item === undefined) throw new Error('cannot pick from an empty pool: the benchmark data is incomplete');
  return item;
}

/** Between `min` and `max` distinct items (fewer when the pool is smaller). */
function pickSome(draw: Draw, items: readonly number[], min: number, max: number): number[] {
  const wanted = Math.min(items.length, integer(draw, min, max));
  const chosen = new Set<number>();
  while (chosen.size < wanted) chosen.add(pick(draw, items));
  return [...chosen];
}
