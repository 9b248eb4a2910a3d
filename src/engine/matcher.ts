// The matcher: every registered tracker compiled once, matched against each killmail in registration
// order. Changing one tracker recompiles and refiles only that one; an index of anchors picks the trackers
// to test.
import { findMainGroup, findMainShipGroup } from './fleet.ts';
import type { Killmail } from './killmail/types.ts';
import { type CompiledTracker, compileTracker, NO_SHIP_TYPES } from './tracker/compile.ts';
import { type AttackerShips, attackerShipsOf, reportedShipTypes } from './tracker/attacker-ships.ts';
import { MatchColumns, OriginDistances } from './tracker/match-columns.ts';
import { createMatchScope } from './tracker/match-scope.ts';
import { ScreenedKill, ScreenTable } from './tracker/screen.ts';
import { createTrackerIndex } from './tracker/tracker-index.ts';
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

/** A registered tracker and its place in match order. */
interface Entry {
  readonly key: string;
  /** Its place in match order: kept when the tracker is replaced, so it keeps its place. */
  ordinal: number;
  readonly compiled: CompiledTracker;
}

/** Ordinals of removed trackers are left unused until they outnumber this and the live ones: then renumbered. */
const COMPACT_AFTER_GAPS = 4096;

export function createMatcher(options: MatcherOptions): Matcher {
  const { universe, defaultMaxAgeMinutes } = options;
  const entries = new Map<string, Entry>();
  /** Entries by ordinal; undefined where a tracker was removed. */
  let byOrdinal: Array<Entry | undefined> = [];
  let index = createTrackerIndex(universe);
  let screens = new ScreenTable();
  let columns = new MatchColumns();

  /** Files an enabled tracker in the index, the screen table and the match columns. */
  const file = (entry: Entry) => {
    if (!entry.compiled.tracker.enabled) return;
    index.add(entry.ordinal, entry.compiled.anchor);
    screens.set(entry.ordinal, entry.compiled.screen);
    columns.set(entry);
  };

  const unfile = (entry: Entry) => {
    if (!entry.compiled.tracker.enabled) return;
    index.remove(entry.ordinal, entry.compiled.anchor);
    screens.clear(entry.ordinal);
    columns.clear(entry.ordinal);
  };

  const drop = (entry: Entry) => {
    unfile(entry);
    entries.delete(entry.key);
    byOrdinal[entry.ordinal] = undefined;
    if (byOrdinal.length - entries.size > Math.max(COMPACT_AFTER_GAPS, entries.size)) compact();
  };

  /** Renumbers the trackers 0, 1, 2... in their order and files them again (no recompiling). */
  const compact = () => {
    const live = byOrdinal.filter((entry) => entry !== undefined);
    byOrdinal = live;
    index = createTrackerIndex(universe);
    screens = new ScreenTable();
    columns = new MatchColumns();
    live.forEach((entry, ordinal) => {
      entry.ordinal = ordinal;
      file(entry);
    });
  };

  return {
    get size() {
      return entries.size;
    },

    set(key, tracker, setOptions = {}) {
      const earlier = entries.get(key);
      const validation = validateTracker(tracker, { universe });
      if (!validation.ok) {
        if (earlier) drop(earlier);
        throw new InvalidTrackerError(tracker.name, validation.problems);
      }
      const compiled = compileTracker(validation.tracker, {
        universe,
        guildId: setOptions.guildId,
        defaultMaxAgeMinutes,
      });
      if (earlier) unfile(earlier);
      const entry: Entry = { key, ordinal: earlier?.ordinal ?? byOrdinal.length, compiled };
      entries.set(key, entry);
      byOrdinal[entry.ordinal] = entry;
      file(entry);
    },

    remove(key) {
      const entry = entries.get(key);
      if (!entry) return false;
      drop(entry);
      return true;
    },

    clear() {
      entries.clear();
      byOrdinal = [];
      index = createTrackerIndex(universe);
      screens = new ScreenTable();
      columns = new MatchColumns();
    },

    has: (key) => entries.has(key),

    match(killmail, matchOptions = {}) {
      const scope = createMatchScope(killmail, universe, matchOptions);
      const screened = new ScreenedKill(killmail, scope.now);
      const candidates = index.collect(killmail, scope);
      const { keys, trackers, unscreened, shipLists } = columns;
      const distances = new OriginDistances(columns, universe, killmail, scope);
      const matches: TrackerMatch[] = [];
      // Fleet facts depend on the killmail only: found once, and only when something matched.
      let fleet: { mainGroup: MainGroup | null; mainShipGroup: MainShipGroup | null } | undefined;
      let ships: AttackerShips | undefined;
      for (let i = 0; i < candidates.length; i++) {
        const ordinal = candidates[i]!;
        // The screen from one flat array first: most candidates that fail, fail there.
        if (!screens.passes(ordinal, screened)) continue;
        const test = unscreened[ordinal];
        if (test && !test(killmail, scope)) continue;
        fleet ??= { mainGroup: findMainGroup(killmail), mainShipGroup: findMainShipGroup(killmail) };
        const shipList = shipLists[ordinal]!;
        matches.push({
          trackerKey: keys[ordinal]!,
          tracker: trackers[ordinal]!,
          jumps: distances.jumps(ordinal),
          distanceLy: distances.distanceLy(ordinal),
          mainGroup: fleet.mainGroup,
          mainShipGroup: fleet.mainShipGroup,
          matchedShipTypeIds:
            shipList === null
              ? NO_SHIP_TYPES
              : reportedShipTypes((ships ??= attackerShipsOf(killmail)), shipList),
        });
      }
      return matches;
    },
  };
}
