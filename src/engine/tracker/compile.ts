// Compiles a validated tracker once into a predicate over normalized killmails: the age limit first, then
// its clauses from cheapest and most selective (flags, classes, value, ids) to costliest (jumps, LY).
import { getClause } from '../clauses/registry.ts';
import type { ClauseDefinition, ClauseTest, ClauseValue, IndexedFact, MatchScope } from '../clauses/types.ts';
import type { Killmail } from '../killmail/types.ts';
import type { Universe } from '../universe/types.ts';
import { createMatchScope } from './match-scope.ts';
import { type RouteJumps, type RouteSource, routeJumpsOf, routeSource } from './route.ts';
import type { MatchOptions, TrackerDefinition } from './types.ts';

export interface CompileTrackerOptions {
  universe: Universe;
  /** The Discord guild the tracker belongs to (for *_roles clauses naming the guild's @everyone role). */
  guildId?: string | undefined;
  /** max_age_minutes for trackers that set none (the MAX_AGE_MINUTES setting); none = no age limit. */
  defaultMaxAgeMinutes?: number | undefined;
}

/** The one required fact the matcher indexes a tracker by (see tracker-index.ts); none = always tested. */
export type TrackerAnchor =
  | { kind: 'ids'; fact: Exclude<IndexedFact, 'jumps' | 'distance' | 'min_value'>; ids: readonly number[] }
  | { kind: 'jumps'; routeKey: string; source: RouteSource; route: RouteJumps; maxJumps: number }
  | { kind: 'distance'; originSolarSystemId: number; maxLy: number }
  | { kind: 'min_value'; minValue: number };

export interface CompiledTracker {
  readonly tracker: TrackerDefinition;
  readonly guildId: string | undefined;
  readonly anchor: TrackerAnchor | undefined;
  /** The hot path: true when the killmail passes every clause. The scope is shared by all trackers. */
  test(killmail: Killmail, scope: MatchScope): boolean;
  /** Convenience for a single check (tests, previews): builds its own scope. */
  matches(killmail: Killmail, options?: MatchOptions): boolean;
  /** Gate jumps from the origin on the route the tracker uses; null without origin or route. */
  jumps(killmail: Killmail, scope: MatchScope): number | null;
  /** Light years from the origin; null without origin or where distance is undefined (w-space...). */
  distanceLy(killmail: Killmail): number | null;
  /** Attacker ship types that satisfied the tracker's attacker ship type/group clauses, first seen first. */
  matchedShipTypeIds(killmail: Killmail): number[];
}

const MS_PER_MINUTE = 60_000;

/** Throws UnknownClauseError for a clause key the registry does not know (validate first). */
export function compileTracker(tracker: TrackerDefinition, options: CompileTrackerOptions): CompiledTracker {
  const { universe } = options;
  const origin = tracker.origin_solar_system_id ?? undefined;
  const avoidHighSec = tracker.clauses.exclude_high_sec === true;
  const source = routeSource(universe, origin, avoidHighSec);
  const routeJumps = routeJumpsOf(source);
  const context = {
    universe,
    originSolarSystemId: origin,
    clauses: tracker.clauses,
    guildId: options.guildId,
    routeJumps,
  };

  const compiled: Array<{ cost: number; test: ClauseTest }> = [];
  let anchoring: { definition: ClauseDefinition; value: ClauseValue } | undefined;
  for (const [key, value] of Object.entries(tracker.clauses)) {
    const definition = getClause(key);
    const test = definition.compile(value, context);
    if (!test) continue;
    compiled.push({ cost: definition.cost, test });
    const rank = definition.indexedBy?.rank;
    if (rank !== undefined && (!anchoring || rank < anchoring.definition.indexedBy!.rank)) {
      anchoring = { definition, value };
    }
  }
  // Array.prototype.sort is stable: equal costs keep the tracker's own order.
  compiled.sort((a, b) => a.cost - b.cost);
  const maxAgeMinutes = tracker.max_age_minutes ?? options.defaultMaxAgeMinutes;
  // Checked inline rather than as one more clause: it is the first test of nearly every tracker.
  const maxAgeMs = maxAgeMinutes === undefined ? Number.POSITIVE_INFINITY : maxAgeMinutes * MS_PER_MINUTE;
  const tests = compiled.map((entry) => entry.test);

  const test = (killmail: Killmail, scope: MatchScope): boolean => {
    if (scope.now !== undefined && scope.now - killmail.time > maxAgeMs) return false;
    for (let i = 0; i < tests.length; i++) {
      if (!tests[i]!(killmail, scope)) return false;
    }
    return true;
  };

  return {
    tracker,
    guildId: options.guildId,
    anchor:
      anchoring && anchorOf(anchoring.definition, anchoring.value, origin, avoidHighSec, source, routeJumps),
    test,
    matches: (killmail, matchOptions = {}) =>
      test(killmail, createMatchScope(killmail, universe, matchOptions)),
    jumps: (killmail, scope) => {
      if (origin === undefined) return null;
      const jumps = routeJumps(killmail, scope);
      return jumps < 0 ? null : jumps;
    },
    distanceLy: (killmail) =>
      origin === undefined ? null : universe.distanceLy(origin, killmail.solarSystemId),
    matchedShipTypeIds: shipTypeReporter(tracker),
  };
}

function anchorOf(
  definition: ClauseDefinition,
  value: ClauseValue,
  origin: number | undefined,
  avoidHighSec: boolean,
  source: RouteSource,
  route: RouteJumps,
): TrackerAnchor | undefined {
  const fact = definition.indexedBy!.fact;
  if (fact === 'min_value')
    return typeof value === 'number' ? { kind: 'min_value', minValue: value } : undefined;
  if (fact === 'jumps' || fact === 'distance') {
    // Without an origin the clause can never match; the tracker is simply tested like any other.
    if (origin === undefined || typeof value !== 'number') return undefined;
    return fact === 'jumps'
      ? { kind: 'jumps', routeKey: `${origin}:${avoidHighSec}`, source, route, maxJumps: value }
      : { kind: 'distance', originSolarSystemId: origin, maxLy: value };
  }
  return { kind: 'ids', fact, ids: numbers(value) };
}

/** Collects attacker ship types that satisfy the attacker ship clauses (empty when there are none). */
function shipTypeReporter(tracker: TrackerDefinition): (killmail: Killmail) => number[] {
  const types = new Set(numbers(tracker.clauses.require_attackers_ship_types));
  const groups = new Set(numbers(tracker.clauses.require_attackers_ship_groups));
  if (types.size === 0 && groups.size === 0) return () => [];
  return (killmail) => {
    const found = new Set<number>();
    for (const { type, group } of attackerShips(killmail)) {
      if (types.has(type) || (group !== undefined && groups.has(group))) found.add(type);
    }
    return [...found];
  };
}

interface AttackerShip {
  type: number;
  group: number | undefined;
}

// Shared by every tracker reporting on the same killmail: a 3,000-pilot fight has only dozens of ships.
const attackerShipsByKillmail = new WeakMap<Killmail, readonly AttackerShip[]>();

/** The distinct (ship type, group) pairs of the attackers, first seen first. */
function attackerShips(killmail: Killmail): readonly AttackerShip[] {
  const known = attackerShipsByKillmail.get(killmail);
  if (known) return known;
  const ships: AttackerShip[] = [];
  const groupsByType = new Map<number, Array<number | undefined>>();
  for (const attacker of killmail.attackers) {
    const type = attacker.shipTypeId;
    if (type === undefined) continue;
    const group = attacker.shipGroupId;
    const seen = groupsByType.get(type);
    if (seen?.includes(group)) continue;
    if (seen) seen.push(group);
    else groupsByType.set(type, [group]);
    ships.push({ type, group });
  }
  attackerShipsByKillmail.set(killmail, ships);
  return ships;
}

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((item): item is number => typeof item === 'number') : [];
}
