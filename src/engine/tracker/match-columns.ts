// What the match loop reads of each enabled tracker, one array per field indexed by ordinal: a candidate's
// fields are read (and copied into its match) from arrays walked in ordinal order, without loading the
// tracker's own objects from all over the heap. A big fight matches thousands of trackers at once, so
// even the jumps and light years each match reports are read from plain numbers here.
import type { MatchScope } from '../clauses/types.ts';
import type { Killmail } from '../killmail/types.ts';
import type { JumpSearch, Universe } from '../universe/types.ts';
import type { CompiledTracker } from './compile.ts';
import { killSearch, type RouteJumps } from './route.ts';
import type { TrackerDefinition } from './types.ts';

/** A routeReads entry: no origin (or one the universe does not know), so no jumps. */
const NO_ROUTE = -1;
/** A routeReads entry: the tracker counts jumps on a route of its own (see route.ts). */
const OWN_ROUTE = -2;

/**
 * A routeReads entry for a tracker whose jumps are read from the kill's shared search: the origin's system
 * index times two, plus one when the route avoids high-sec.
 */
function killSearchRead(originIndex: number, avoidHighSec: boolean): number {
  return originIndex * 2 + (avoidHighSec ? 1 : 0);
}

function routeReadOf(compiled: CompiledTracker | null): number {
  const source = compiled?.origin?.source;
  if (source === undefined || source.kind === 'none') return NO_ROUTE;
  if (source.kind === 'origin_search') return OWN_ROUTE;
  return killSearchRead(source.originIndex, source.avoidHighSec);
}

/** What an unused column slot holds (never read: the screen lets nothing through there). */
const EMPTY_TRACKER: TrackerDefinition = Object.freeze({
  version: 1,
  name: '',
  enabled: false,
  ping: { everyone: false, here: false, roles: [] },
  ppk: false,
  clauses: {},
});

export interface ColumnEntry {
  readonly key: string;
  readonly ordinal: number;
  readonly compiled: CompiledTracker;
}

export class MatchColumns {
  readonly keys: string[] = [];
  readonly trackers: TrackerDefinition[] = [];
  readonly unscreened: Array<CompiledTracker['unscreened']> = [];
  /** The ship list of each tracker reporting attacker ship types (see attacker-ships.ts), else null. */
  readonly shipLists: Array<readonly number[] | null> = [];
  /** How each tracker's jumps are counted: NO_ROUTE, OWN_ROUTE or a killSearchRead. */
  readonly routeReads: number[] = [];
  /** The route of each tracker counting jumps on its own (OWN_ROUTE), else null. */
  readonly ownRoutes: Array<RouteJumps | null> = [];
  /** Each tracker's origin as a system index, for light years; -1 without one. */
  readonly originIndexes: number[] = [];

  set(entry: ColumnEntry): void {
    const { ordinal, compiled } = entry;
    // Filled in order so every array stays packed (no holes for V8 to check).
    while (this.keys.length < ordinal) this.write(this.keys.length, '', null);
    this.write(ordinal, entry.key, compiled);
  }

  clear(ordinal: number): void {
    if (ordinal < this.keys.length) this.write(ordinal, '', null);
  }

  private write(ordinal: number, key: string, compiled: CompiledTracker | null): void {
    const routeRead = routeReadOf(compiled);
    this.keys[ordinal] = key;
    this.trackers[ordinal] = compiled?.tracker ?? EMPTY_TRACKER;
    this.unscreened[ordinal] = compiled?.unscreened ?? null;
    this.shipLists[ordinal] = compiled?.shipList ?? null;
    this.routeReads[ordinal] = routeRead;
    this.ownRoutes[ordinal] = routeRead === OWN_ROUTE ? compiled!.origin!.route : null;
    this.originIndexes[ordinal] = compiled?.origin?.systemIndex ?? -1;
  }
}

/**
 * Jumps and light years from matched trackers' origins to one kill. The kill's two shared searches (plain,
 * avoiding high-sec) are fetched at most once per killmail, on the first tracker that needs each.
 */
export class OriginDistances {
  private plain: JumpSearch | null | undefined;
  private avoiding: JumpSearch | null | undefined;
  private readonly killIndex: number;

  constructor(
    private readonly columns: MatchColumns,
    private readonly universe: Universe,
    private readonly killmail: Killmail,
    private readonly scope: MatchScope,
  ) {
    this.killIndex = scope.systemIndex;
  }

  /** Gate jumps from the tracker's origin on its route; null without origin or route. */
  jumps(ordinal: number): number | null {
    const read = this.columns.routeReads[ordinal]!;
    let jumps: number;
    if (read >= 0) {
      const search = (read & 1) === 1 ? this.avoidingSearch() : this.plainSearch();
      jumps = search === null ? -1 : search.jumpsTo(read >> 1);
    } else if (read === OWN_ROUTE) {
      jumps = this.columns.ownRoutes[ordinal]!(this.killmail, this.scope);
    } else {
      return null;
    }
    return jumps < 0 ? null : jumps;
  }

  /** Light years from the tracker's origin; null without origin or where distance is undefined. */
  distanceLy(ordinal: number): number | null {
    return this.universe.distanceLyBetween(this.columns.originIndexes[ordinal]!, this.killIndex);
  }

  private plainSearch(): JumpSearch | null {
    if (this.plain === undefined) this.plain = killSearch(this.killmail, this.scope, false);
    return this.plain;
  }

  private avoidingSearch(): JumpSearch | null {
    if (this.avoiding === undefined) this.avoiding = killSearch(this.killmail, this.scope, true);
    return this.avoiding;
  }
}
