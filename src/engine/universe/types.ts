// The shape of the EVE universe as the engine sees it: plain data in, a fast query object out.

/** Space classes by FACTS.md rules (security from the raw status; id ranges for the rest). */
export type SpaceClass = 'high_sec' | 'low_sec' | 'null_sec' | 'w_space' | 'pochven' | 'abyssal' | 'other';

export interface RegionRecord {
  id: number;
  name: string;
}

export interface ConstellationRecord {
  id: number;
  name: string;
  regionId: number;
}

export interface SolarSystemRecord {
  id: number;
  name: string;
  constellationId: number;
  regionId: number;
  /** Raw security status, e.g. 0.945913 for Jita. */
  security: number;
  /** Position in metres. */
  x: number;
  y: number;
  z: number;
}

/** Everything the universe model is built from (the SDE tables, or an SDE zip read directly). */
export interface UniverseData {
  regions: readonly RegionRecord[];
  constellations: readonly ConstellationRecord[];
  systems: readonly SolarSystemRecord[];
  /** Undirected gate links, each listed once as [a, b]. */
  stargates: ReadonlyArray<readonly [number, number]>;
}

export interface SolarSystemInfo extends SolarSystemRecord {
  spaceClass: SpaceClass;
  constellationName: string | null;
  regionName: string | null;
}

/**
 * Gate jumps from one origin, found by a breadth-first search that goes only as far as the questions
 * need and remembers what it found (implemented in universe/jump-search.ts).
 */
export interface JumpSearch {
  /**
   * Gate jumps on the shortest route to the system at a dense index (see `Universe.systemIndex`); -1 when
   * unreachable or, given `maxJumps`, farther than that (the search then never looks beyond it).
   */
  jumpsTo(index: number, maxJumps?: number): number;
  /** The whole search: jumps to every system by dense index, -1 = unreachable. Read it, never write it. */
  all(): Int32Array;
}

/** Read-only queries over the universe; implemented in universe/universe.ts. */
export interface Universe {
  readonly systemCount: number;
  system(id: number): SolarSystemInfo | undefined;
  /** Exact, case-insensitive name lookup. */
  systemByName(name: string): SolarSystemInfo | undefined;
  /** Systems whose names start with (then contain) the text, best first; for autocomplete. */
  searchSystems(text: string, limit: number): SolarSystemInfo[];
  region(id: number): RegionRecord | undefined;
  constellation(id: number): ConstellationRecord | undefined;
  spaceClass(systemId: number): SpaceClass;
  /** Gate jumps on the shortest route; null when unreachable or unknown. */
  jumps(fromSystemId: number, toSystemId: number, avoidHighSec?: boolean): number | null;
  /**
   * Jump counts from one origin to every system (the whole search, cached per origin and flag).
   * Indexed by the universe's internal system index; -1 = unreachable. Use with `systemIndex`.
   */
  jumpsFrom(originSystemId: number, avoidHighSec?: boolean): Int32Array | null;
  /**
   * The search behind `jumpsFrom` and `jumps`, for asking about a few systems cheaply (cached per origin
   * and flag with them); null for an unknown origin.
   */
  jumpSearch(originSystemId: number, avoidHighSec?: boolean): JumpSearch | null;
  /** Internal dense index of a system id, or -1. */
  systemIndex(systemId: number): number;
  /** Straight-line distance in light years (9.46e15 m); null for w-space, abyssal, Pochven or unknown. */
  distanceLy(fromSystemId: number, toSystemId: number): number | null;
  /** `distanceLy` between two systems given by their `systemIndex` (-1, unknown, gives null). */
  distanceLyBetween(fromIndex: number, toIndex: number): number | null;
}
