// Builds the Universe query object from plain SDE data: typed arrays by dense index, a CSR gate graph,
// and per-origin jump searches kept in an LRU cache.
import { buildGateGraph } from './gate-graph.ts';
import { LazyJumpSearch } from './jump-search.ts';
import { LruCache } from './lru-cache.ts';
import { classifySpace, hasLightYearDistance } from './space-class.ts';
import { SystemNameIndex } from './system-names.ts';
import type {
  ConstellationRecord,
  JumpSearch,
  RegionRecord,
  SolarSystemInfo,
  SpaceClass,
  Universe,
  UniverseData,
} from './types.ts';

/** Jump-drive light year, exactly as the game uses it. */
export const METRES_PER_LIGHT_YEAR = 9.46e15;

export interface UniverseOptions {
  /**
   * How many per-origin jump searches to keep (each 2 bytes per system, 4 more once jumpsFrom asks for
   * the whole map). Default 512.
   */
  jumpCacheSize?: number;
}

const DEFAULT_JUMP_CACHE_SIZE = 512;

/** Builds the universe model. Bad rows (duplicate ids, gates to unknown systems) are skipped, never fatal. */
export function createUniverse(data: UniverseData, options: UniverseOptions = {}): Universe {
  const regions = new Map<number, RegionRecord>();
  for (const region of data.regions) regions.set(region.id, { id: region.id, name: region.name });
  const constellations = new Map<number, ConstellationRecord>();
  for (const constellation of data.constellations) {
    constellations.set(constellation.id, {
      id: constellation.id,
      name: constellation.name,
      regionId: constellation.regionId,
    });
  }

  const indexById = new Map<number, number>();
  const infos: SolarSystemInfo[] = [];
  for (const record of data.systems) {
    if (indexById.has(record.id)) continue;
    indexById.set(record.id, infos.length);
    infos.push(
      Object.freeze({
        id: record.id,
        name: record.name,
        constellationId: record.constellationId,
        regionId: record.regionId,
        security: record.security,
        x: record.x,
        y: record.y,
        z: record.z,
        spaceClass: classifySpace(record.id, record.regionId, record.security),
        constellationName: constellations.get(record.constellationId)?.name ?? null,
        regionName: regions.get(record.regionId)?.name ?? null,
      }),
    );
  }

  const count = infos.length;
  const positions = new Float64Array(count * 3);
  const measurable = new Uint8Array(count);
  const highSec = new Uint8Array(count);
  infos.forEach((info, index) => {
    positions[index * 3] = info.x;
    positions[index * 3 + 1] = info.y;
    positions[index * 3 + 2] = info.z;
    measurable[index] = hasLightYearDistance(info.spaceClass) ? 1 : 0;
    highSec[index] = info.spaceClass === 'high_sec' ? 1 : 0;
  });

  const links: Array<readonly [number, number]> = [];
  for (const [from, to] of data.stargates) {
    const a = indexById.get(from);
    const b = indexById.get(to);
    if (a !== undefined && b !== undefined) links.push([a, b]);
  }
  const graph = buildGateGraph(count, links);
  const names = new SystemNameIndex(infos.map((info) => info.name));
  const cache = new LruCache<number, JumpSearch>(options.jumpCacheSize ?? DEFAULT_JUMP_CACHE_SIZE);
  const scratch = new Int32Array(count);

  const systemIndex = (systemId: number): number => indexById.get(systemId) ?? -1;

  // avoidHighSec means the route never passes THROUGH high-sec: intermediate systems and the destination
  // must not be high-sec, but the origin may be (a tracker anchored in high-sec still counts jumps out of
  // it). So with the flag a high-sec destination is unreachable, except the origin itself at 0 jumps.
  const searchFromIndex = (origin: number, avoidHighSec: boolean): JumpSearch => {
    const key = origin * 2 + (avoidHighSec ? 1 : 0);
    const cached = cache.get(key);
    if (cached) return cached;
    const search = new LazyJumpSearch(graph, origin, avoidHighSec ? highSec : null, scratch);
    cache.set(key, search);
    return search;
  };
  const distanceLyBetween = (a: number, b: number): number | null => {
    if (a < 0 || b < 0 || measurable[a] !== 1 || measurable[b] !== 1) return null;
    const dx = positions[a * 3]! - positions[b * 3]!;
    const dy = positions[a * 3 + 1]! - positions[b * 3 + 1]!;
    const dz = positions[a * 3 + 2]! - positions[b * 3 + 2]!;
    return Math.sqrt(dx * dx + dy * dy + dz * dz) / METRES_PER_LIGHT_YEAR;
  };
  const jumpSearch = (originSystemId: number, avoidHighSec = false): JumpSearch | null => {
    const origin = indexById.get(originSystemId);
    return origin === undefined ? null : searchFromIndex(origin, avoidHighSec);
  };

  return {
    systemCount: count,
    system: (id) => {
      const index = indexById.get(id);
      return index === undefined ? undefined : infos[index];
    },
    systemByName: (name) => {
      const index = names.find(name);
      return index < 0 ? undefined : infos[index];
    },
    searchSystems: (text, limit) => names.search(text, limit).map((index) => infos[index]!),
    region: (id) => regions.get(id),
    constellation: (id) => constellations.get(id),
    spaceClass: (systemId): SpaceClass => {
      const index = indexById.get(systemId);
      return index === undefined ? 'other' : infos[index]!.spaceClass;
    },
    systemIndex,
    // The returned array is shared through the cache: callers read it and never write to it.
    jumpsFrom: (originSystemId, avoidHighSec = false) =>
      jumpSearch(originSystemId, avoidHighSec)?.all() ?? null,
    jumpSearch,
    jumps: (fromSystemId, toSystemId, avoidHighSec = false) => {
      const from = indexById.get(fromSystemId);
      const to = indexById.get(toSystemId);
      if (from === undefined || to === undefined) return null;
      if (from === to) return 0;
      const jumps = searchFromIndex(from, avoidHighSec).jumpsTo(to);
      return jumps < 0 ? null : jumps;
    },
    distanceLy: (fromSystemId, toSystemId) =>
      distanceLyBetween(indexById.get(fromSystemId) ?? -1, indexById.get(toSystemId) ?? -1),
    distanceLyBetween,
  };
}
