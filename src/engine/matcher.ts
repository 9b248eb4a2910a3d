// The matcher: every registered tracker compiled once, matched against each killmail in registration
// order. Changing one tracker recompiles only that one; an index of anchors picks the trackers to test.
import { findMainGroup, findMainShipGroup } from './fleet.ts';
import type { Killmail } from './killmail/types.ts';
import {
  type CompiledTracker,
  compileTracker,
  NO_SHIP_TYPES,
  originDistanceLy,
  originJumps,
} from './tracker/compile.ts';
import { createMatchScope } from './tracker/match-scope.ts';
import { ScreenedKill, ScreenTable } from './tracker/screen.ts';
import { buildTrackerIndex, type IndexedTracker, type TrackerIndex } from './tracker/tracker-index.ts';
import type {
  MainGroup,
  MainShipGroup,
  MatchOptions,
  TrackerDefinition,
  TrackerMatch,
} from './tracker/types.ts';
import { InvalidTrackerError, validateTracker } from './tracker/validate.ts';
import type { Universe } from './universe/types.ts';

export interface MatcherOptions {
  universe: Universe;
  /** max_age_minutes for trackers that set none (the MAX_AGE_MINUTES setting); none = no age limit. */
  defaultMaxAgeMinutes?: number;
}

export interface SetTrackerOptions {
  /** The Discord guild the tracker belongs to: its links feed the *_roles clauses. */
  guildId?: string | undefined;
}

export interface Matcher {
  /** Registered trackers, enabled or not. */
  readonly size: number;
  /**
   * Registers or replaces the tracker under `key` (keeping its place in the order) and compiles it.
   * Throws InvalidTrackerError, after removing any earlier tracker under that key, when it is invalid.
   */
  set(key: string, tracker: TrackerDefinition, options?: SetTrackerOptions): void;
  /** Unregisters a tracker; false when the key was not registered. */
  remove(key: string): boolean;
  clear(): void;
  has(key: string): boolean;
  /** Every enabled tracker the killmail satisfies, in registration order. */
  match(killmail: Killmail, options?: MatchOptions): TrackerMatch[];
}

interface Entry {
  key: string;
  compiled: CompiledTracker;
}

/**
 * What the match loop reads of each tracker, copied out of the compiled tracker so that the common match
 * (screened clauses only, no origin, no ship clause) touches this one small object and nothing else.
 */
interface IndexedEntry extends IndexedTracker {
  readonly key: string;
  readonly tracker: TrackerDefinition;
  readonly unscreened: CompiledTracker['unscreened'];
  readonly origin: CompiledTracker['origin'];
  readonly reportsShipTypes: boolean;
}

export function createMatcher(options: MatcherOptions): Matcher {
  const { universe, defaultMaxAgeMinutes } = options;
  const entries = new Map<string, Entry>();
  // Rebuilt (cheap bookkeeping, no recompiling) on the first match after a change.
  let index: { trackers: TrackerIndex<IndexedEntry>; screens: ScreenTable } | undefined;
  let visit = 0;
  const anchored: IndexedEntry[] = [];

  const currentIndex = () => {
    if (index) return index;
    const enabled: IndexedEntry[] = [];
    for (const { key, compiled } of entries.values()) {
      if (!compiled.tracker.enabled) continue;
      enabled.push({
        key,
        compiled,
        ordinal: enabled.length,
        tracker: compiled.tracker,
        unscreened: compiled.unscreened,
        origin: compiled.origin,
        reportsShipTypes: compiled.reportsShipTypes,
      });
    }
    index = {
      trackers: buildTrackerIndex(enabled, universe),
      screens: new ScreenTable(
        enabled.map(({ ordinal, compiled }) => ({ ordinal, screen: compiled.screen })),
        enabled.length,
      ),
    };
    return index;
  };

  return {
    get size() {
      return entries.size;
    },

    set(key, tracker, setOptions = {}) {
      const validation = validateTracker(tracker, { universe });
      if (!validation.ok) {
        if (entries.delete(key)) index = undefined;
        throw new InvalidTrackerError(tracker.name, validation.problems);
      }
      const compiled = compileTracker(validation.tracker, {
        universe,
        guildId: setOptions.guildId,
        defaultMaxAgeMinutes,
      });
      entries.set(key, { key, compiled });
      index = undefined;
    },

    remove(key) {
      const removed = entries.delete(key);
      if (removed) index = undefined;
      return removed;
    },

    clear() {
      entries.clear();
      index = undefined;
    },

    has: (key) => entries.has(key),

    match(killmail, matchOptions = {}) {
      const { trackers, screens } = currentIndex();
      const { unanchored } = trackers;
      const scope = createMatchScope(killmail, universe, matchOptions);
      const screened = new ScreenedKill(killmail, scope.now);
      trackers.collect(killmail, scope, ++visit, anchored);
      const matches: TrackerMatch[] = [];
      // Fleet facts depend on the killmail only: found once, and only when something matched.
      let fleet: { mainGroup: MainGroup | null; mainShipGroup: MainShipGroup | null } | undefined;
      // Merge the always-tested and the collected trackers, both in registration order.
      let a = 0;
      let u = 0;
      while (a < anchored.length || u < unanchored.length) {
        const takeAnchored =
          u >= unanchored.length || (a < anchored.length && anchored[a]!.ordinal < unanchored[u]!.ordinal);
        const candidate = takeAnchored ? anchored[a++]! : unanchored[u++]!;
        // The screen from one flat array first: most candidates that fail, fail there.
        if (!screens.passes(candidate.ordinal, screened)) continue;
        const { unscreened } = candidate;
        if (unscreened !== null && !unscreened(killmail, scope)) continue;
        fleet ??= { mainGroup: findMainGroup(killmail), mainShipGroup: findMainShipGroup(killmail) };
        const { origin } = candidate;
        matches.push({
          trackerKey: candidate.key,
          tracker: candidate.tracker,
          jumps: originJumps(origin, killmail, scope),
          distanceLy: originDistanceLy(universe, origin, killmail),
          mainGroup: fleet.mainGroup,
          mainShipGroup: fleet.mainShipGroup,
          matchedShipTypeIds: candidate.reportsShipTypes
            ? candidate.compiled.matchedShipTypeIds(killmail, scope)
            : NO_SHIP_TYPES,
        });
      }
      return matches;
    },
  };
}
