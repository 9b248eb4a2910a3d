// Compiles a validated tracker once into a predicate over normalized killmails: its screen first (age,
// value, attackers, space classes, kill kinds as numbers), then its other clauses from cheapest and most
// selective (ids) to costliest (jumps, LY).
import { idsOf } from '../clauses/define.ts';
import { getClause, reportedAttackerShips, routesAvoidHighSec } from '../clauses/registry.ts';
import type { ClauseDefinition, ClauseTest, ClauseValue, IndexedFact, MatchScope } from '../clauses/types.ts';
import type { Killmail } from '../killmail/types.ts';
import type { Universe } from '../universe/types.ts';
import { attackerShipsOf, reportedShipTypes, shipListOf } from './attacker-ships.ts';
import { createMatchScope } from './match-scope.ts';
import { type RouteJumps, type RouteSource, routeJumpsOf, routeSource } from './route.ts';
import { narrowScreen, openScreen, passesScreen, ScreenedKill, type TrackerScreen } from './screen.ts';
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
  | {
      kind: 'ids';
      fact: Exclude<IndexedFact, 'jumps' | 'distance' | 'min_value' | 'min_attackers'>;
      ids: readonly number[];
    }
  | { kind: 'jumps'; routeKey: string; source: RouteSource; route: RouteJumps; maxJumps: number }
  | { kind: 'distance'; originSolarSystemId: number; maxLy: number }
  | { kind: 'min_value'; minValue: number }
  | { kind: 'min_attackers'; minAttackers: number };

export interface CompiledTracker {
  readonly tracker: TrackerDefinition;
  readonly anchor: TrackerAnchor | undefined;
  /** The age limit and the clauses kept as numbers (see screen.ts). */
  readonly screen: TrackerScreen;
  /**
   * The matcher's hot path, after the screen: the tests of the clauses the screen does not cover, minus
   * the anchor's own (the index hands out a tracker only when its anchor fits). Null when none are left.
   */
  readonly unscreened: ClauseTest | null;
  /** True when the killmail passes every clause, checked on its own (tests, previews): builds its own scope. */
  matches(killmail: Killmail, options?: MatchOptions): boolean;
  /** Gate jumps from the origin on the route the tracker uses; null without origin or route. */
  jumps(killmail: Killmail, scope: MatchScope): number | null;
  /** Light years from the origin; null without origin or where distance is undefined (w-space...). */
  distanceLy(killmail: Killmail): number | null;
  /**
   * Attacker ship types that satisfied the tracker's attacker ship type/group clauses, first seen first.
   * Trackers without such clauses all share one frozen empty list, NO_SHIP_TYPES. Given the match's
   * scope, the attackers' ships are indexed once for every tracker reporting on the killmail.
   */
  matchedShipTypeIds(killmail: Killmail, scope?: MatchScope): number[];
  /** The origin jumps and light years are counted from; undefined when the tracker has none. */
  readonly origin: TrackerOrigin | undefined;
  /**
   * The attacker ship types and groups its alerts report, as a ship list (see attacker-ships.ts); null
   * when it has no attacker ship clause and `matchedShipTypeIds` is always NO_SHIP_TYPES.
   */
  readonly shipList: readonly number[] | null;
}

/** A tracker's origin and the route its jumps are counted on: what a match reports distances from. */
export interface TrackerOrigin {
  readonly solarSystemId: number;
  /** The universe's index of the origin; -1 when it does not know the system. */
  readonly systemIndex: number;
  readonly route: RouteJumps;
  /** Where `route` reads its jump counts (the matcher reads the kill's shared search itself). */
  readonly source: RouteSource;
}

/** Gate jumps from the origin to the kill; null without origin or route. */
function originJumps(
  origin: TrackerOrigin | undefined,
  killmail: Killmail,
  scope: MatchScope,
): number | null {
  if (origin === undefined) return null;
  const jumps = origin.route(killmail, scope);
  return jumps < 0 ? null : jumps;
}

/** Light years from the origin to the kill; null without origin or where distance is undefined. */
function originDistanceLy(
  universe: Universe,
  origin: TrackerOrigin | undefined,
  killmail: Killmail,
): number | null {
  return origin === undefined ? null : universe.distanceLy(origin.solarSystemId, killmail.solarSystemId);
}

const MS_PER_MINUTE = 60_000;
/** Most trackers report no ship types: one shared list rather than a new one per match. */
export const NO_SHIP_TYPES: number[] = Object.freeze([]) as unknown as number[];

/** Throws UnknownClauseError for a clause key the registry does not know (validate first). */
export function compileTracker(tracker: TrackerDefinition, options: CompileTrackerOptions): CompiledTracker {
  const { universe } = options;
  const origin = tracker.origin_solar_system_id ?? undefined;
  const avoidHighSec = routesAvoidHighSec(tracker.clauses);
  const source = routeSource(universe, origin, avoidHighSec);
  const routeJumps = routeJumpsOf(source);
  const context = {
    universe,
    originSolarSystemId: origin,
    clauses: tracker.clauses,
    guildId: options.guildId,
    routeJumps,
  };

  const maxAgeMinutes = tracker.max_age_minutes ?? options.defaultMaxAgeMinutes;
  const screen = openScreen(
    maxAgeMinutes === undefined ? Number.POSITIVE_INFINITY : maxAgeMinutes * MS_PER_MINUTE,
  );
  const compiled: Array<{ cost: number; test: ClauseTest; definition: ClauseDefinition }> = [];
  let anchoring: { definition: ClauseDefinition; value: ClauseValue } | undefined;
  for (const [key, value] of Object.entries(tracker.clauses)) {
    const definition = getClause(key);
    const test = definition.compile(value, context);
    if (!test) continue;
    if (definition.screen) narrowScreen(screen, definition.screen, value);
    else compiled.push({ cost: definition.cost, test, definition });
    const rank = definition.indexedBy?.rank;
    if (rank !== undefined && (!anchoring || rank < anchoring.definition.indexedBy!.rank)) {
      anchoring = { definition, value };
    }
  }
  // Array.prototype.sort is stable: equal costs keep the tracker's own order.
  compiled.sort((a, b) => a.cost - b.cost);
  const anchor =
    anchoring && anchorOf(anchoring.definition, anchoring.value, origin, avoidHighSec, source, routeJumps);
  const tests = compiled.map((entry) => entry.test);
  const testsBeyondAnchor = anchor
    ? compiled.filter((entry) => entry.definition !== anchoring?.definition).map((entry) => entry.test)
    : tests;
  const clausesHold = allOf(tests);

  const { types, groups } = reportedAttackerShips(tracker.clauses);
  const shipList = types.length === 0 && groups.length === 0 ? null : shipListOf(types, groups);
  const trackerOrigin =
    origin === undefined
      ? undefined
      : { solarSystemId: origin, systemIndex: universe.systemIndex(origin), route: routeJumps, source };

  return {
    tracker,
    anchor,
    screen,
    unscreened: allOf(testsBeyondAnchor),
    matches: (killmail, matchOptions = {}) => {
      const scope = createMatchScope(killmail, universe, matchOptions);
      return (
        passesScreen(screen, new ScreenedKill(killmail, scope.now)) &&
        (clausesHold?.(killmail, scope) ?? true)
      );
    },
    jumps: (killmail, scope) => originJumps(trackerOrigin, killmail, scope),
    distanceLy: (killmail) => originDistanceLy(universe, trackerOrigin, killmail),
    matchedShipTypeIds: (killmail, scope) =>
      shipList === null
        ? NO_SHIP_TYPES
        : reportedShipTypes(scope ? scope.shared(attackerShipsOf) : attackerShipsOf(killmail), shipList),
    origin: trackerOrigin,
    shipList,
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
  if (fact === 'min_attackers')
    return typeof value === 'number' ? { kind: 'min_attackers', minAttackers: value } : undefined;
  if (fact === 'jumps' || fact === 'distance') {
    // Without an origin the clause can never match; the tracker is simply tested like any other.
    if (origin === undefined || typeof value !== 'number') return undefined;
    return fact === 'jumps'
      ? { kind: 'jumps', routeKey: `${origin}:${avoidHighSec}`, source, route, maxJumps: value }
      : { kind: 'distance', originSolarSystemId: origin, maxLy: value };
  }
  return { kind: 'ids', fact, ids: idsOf(value) };
}

/** One test for a list of clause tests, stopping at the first that fails; null for none. */
function allOf(tests: readonly ClauseTest[]): ClauseTest | null {
  if (tests.length === 0) return null;
  if (tests.length === 1) return tests[0]!;
  return (killmail, scope) => {
    for (let i = 0; i < tests.length; i++) {
      if (!tests[i]!(killmail, scope)) return false;
    }
    return true;
  };
}
