// Solar systems, constellations and regions by name, from the universe the engine validates against, so
// whatever autocomplete offers always passes validation.
import { formatSecurity, type Universe, type ValueKindsFrom } from '../../../engine/index.ts';
import { type NamedValue, searchByName } from './named-value.ts';

type PlaceKind = ValueKindsFrom<'universe'>;

interface PlaceIndex {
  constellations: NamedValue[];
  regions: NamedValue[];
}

// Built once per loaded universe (a new SDE import brings a new universe object).
const indexes = new WeakMap<Universe, PlaceIndex>();

/** The universe exposes no list of regions or constellations, so collect them from its systems. */
function placeIndex(universe: Universe): PlaceIndex {
  const cached = indexes.get(universe);
  if (cached) return cached;
  const constellations = new Map<number, NamedValue>();
  const regions = new Map<number, NamedValue>();
  for (const system of universe.searchSystems('', universe.systemCount)) {
    const region = universe.region(system.regionId);
    if (region && !regions.has(region.id)) regions.set(region.id, { id: region.id, name: region.name });
    const constellation = universe.constellation(system.constellationId);
    if (constellation && !constellations.has(constellation.id)) {
      constellations.set(constellation.id, {
        id: constellation.id,
        name: constellation.name,
        ...(region ? { detail: region.name } : {}),
      });
    }
  }
  const index = { constellations: [...constellations.values()], regions: [...regions.values()] };
  indexes.set(universe, index);
  return index;
}

/** A system with its security and region as detail: "Jita" + "0.9, The Forge". */
export function systemValue(universe: Universe, id: number): NamedValue | undefined {
  const system = universe.system(id);
  if (!system) return undefined;
  const detail = [formatSecurity(system.security), system.regionName].filter(Boolean).join(', ');
  return { id: system.id, name: system.name, detail };
}

export function searchPlaces(universe: Universe, kind: PlaceKind, text: string, limit: number): NamedValue[] {
  if (kind === 'solar_systems') {
    return universe
      .searchSystems(text, limit)
      .map((system) => systemValue(universe, system.id))
      .filter((value) => value !== undefined);
  }
  return searchByName(placeIndex(universe)[kind], text, limit);
}

/** A place by exact name (any case) or id; undefined when the universe does not know it. */
export function findPlace(universe: Universe, kind: PlaceKind, item: string): NamedValue | undefined {
  const id = /^\d{1,10}$/.test(item) ? Number(item) : undefined;
  if (kind === 'solar_systems') {
    const system = id === undefined ? universe.systemByName(item) : universe.system(id);
    return system && systemValue(universe, system.id);
  }
  const needle = item.trim().toLowerCase();
  return placeIndex(universe)[kind].find((place) =>
    id === undefined ? place.name.toLowerCase() === needle : place.id === id,
  );
}
