// Gate jumps from a tracker's origin to a kill, read from the one BFS per kill system that every tracker
// shares (routes are undirected), so no tracker keeps a per-origin array of its own.
import type { ClauseCompileContext } from '../clauses/types.ts';
import type { Universe } from '../universe/types.ts';

export type RouteJumps = ClauseCompileContext['routeJumps'];

const UNREACHABLE = -1;

/**
 * The jump counter of one tracker: -1 when there is no origin, the kill's system is unknown or no route
 * exists. With `avoidHighSec` the route never passes through high-sec (the origin itself may be high-sec).
 */
export function originRoute(
  universe: Universe,
  originSolarSystemId: number | undefined,
  avoidHighSec: boolean,
): RouteJumps {
  if (originSolarSystemId === undefined) return () => UNREACHABLE;
  const originIndex = universe.systemIndex(originSolarSystemId);
  if (originIndex < 0) return () => UNREACHABLE;
  if (!avoidHighSec) {
    return (_killmail, scope) => scope.jumpsFromKill(false)?.[originIndex] ?? UNREACHABLE;
  }
  if (universe.spaceClass(originSolarSystemId) === 'high_sec') {
    // A BFS from the kill that avoids high-sec never enters a high-sec origin; this rare case keeps the
    // origin's own BFS instead (the universe blocks high-sec destinations for it).
    const fromOrigin = universe.jumpsFrom(originSolarSystemId, true);
    return (_killmail, scope) =>
      scope.systemIndex < 0 ? UNREACHABLE : (fromOrigin?.[scope.systemIndex] ?? UNREACHABLE);
  }
  return (killmail, scope) => {
    // Every system on the route, the destination included, must be outside high-sec.
    if (killmail.spaceClass === 'high_sec') return UNREACHABLE;
    return scope.jumpsFromKill(true)?.[originIndex] ?? UNREACHABLE;
  };
}
