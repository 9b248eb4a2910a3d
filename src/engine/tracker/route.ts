// Gate jumps from a tracker's origin to a kill, read from the one jump search per kill system that every
// tracker shares (routes are undirected), so no tracker keeps a per-origin search of its own.
import type { ClauseCompileContext, MatchScope } from '../clauses/types.ts';
import type { Killmail } from '../killmail/types.ts';
import type { JumpSearch, Universe } from '../universe/types.ts';

export type RouteJumps = ClauseCompileContext['routeJumps'];

const UNREACHABLE = -1;

/**
 * Where a tracker's jump count comes from: nowhere (no origin, or one the universe does not know), the
 * kill's shared search read at the origin's index, or the origin's own search (a high-sec origin avoiding
 * high-sec: a search from the kill that avoids high-sec never enters such an origin).
 */
export type RouteSource =
  | { kind: 'none' }
  | { kind: 'kill_search'; originIndex: number; avoidHighSec: boolean }
  | { kind: 'origin_search'; fromOrigin: JumpSearch | null };

export function routeSource(
  universe: Universe,
  originSolarSystemId: number | undefined,
  avoidHighSec: boolean,
): RouteSource {
  if (originSolarSystemId === undefined) return { kind: 'none' };
  const originIndex = universe.systemIndex(originSolarSystemId);
  if (originIndex < 0) return { kind: 'none' };
  if (avoidHighSec && universe.spaceClass(originSolarSystemId) === 'high_sec') {
    // The universe blocks high-sec destinations for this search, except the origin itself.
    return { kind: 'origin_search', fromOrigin: universe.jumpSearch(originSolarSystemId, true) };
  }
  return { kind: 'kill_search', originIndex, avoidHighSec };
}

/**
 * The kill's search for routes that may or may not pass through high-sec; null when the kill's system is
 * unknown, or when avoiding high-sec and the kill itself is in high-sec (every system on the route, the
 * destination included, must be outside high-sec).
 */
export function killSearch(killmail: Killmail, scope: MatchScope, avoidHighSec: boolean): JumpSearch | null {
  if (avoidHighSec && killmail.spaceClass === 'high_sec') return null;
  return scope.killJumps(avoidHighSec);
}

/**
 * The jump counter of a tracker's route: -1 when there is no origin, the kill's system is unknown, no
 * route exists or (given `maxJumps`) the route is longer. With `avoidHighSec` the route never passes
 * through high-sec (the origin itself may be).
 */
export function routeJumpsOf(source: RouteSource): RouteJumps {
  switch (source.kind) {
    case 'none':
      return () => UNREACHABLE;
    case 'origin_search': {
      const { fromOrigin } = source;
      return (_killmail, scope, maxJumps) =>
        scope.systemIndex < 0 || fromOrigin === null
          ? UNREACHABLE
          : fromOrigin.jumpsTo(scope.systemIndex, maxJumps);
    }
    case 'kill_search': {
      const { originIndex, avoidHighSec } = source;
      return (killmail, scope, maxJumps) =>
        killSearch(killmail, scope, avoidHighSec)?.jumpsTo(originIndex, maxJumps) ?? UNREACHABLE;
    }
  }
}
