// Small real facts for render tests (a few SDE types and systems, made-up pilots) plus builders for
// trackers and matches, so the render suite runs without ../shared.
import { ItemCatalog } from '../../src/engine/catalog.ts';
import type { EntityKind, NameLookup, SystemLookup } from '../../src/engine/render/index.ts';
import type { TrackerDefinition, TrackerMatch } from '../../src/engine/tracker/types.ts';
import type { SolarSystemInfo, SpaceClass } from '../../src/engine/universe/types.ts';
import { FRIGATE, HUOLA, INTERDICTOR, RIFTER, SABRE } from './killmail-builder.ts';

export const JITA = 30000142;
export const SOSALA = 30003070;
export const EGBINGER = 30002420;
export const ABYSSAL_SYSTEM = 32000001;
export const ASTRAHUS = 35832;
export const CITADEL = 1657;
export const DEVOTER = 12017;
export const HEAVY_INTERDICTOR = 894;

export const catalog = new ItemCatalog({
  types: [
    { id: RIFTER, name: 'Rifter', groupId: FRIGATE, published: true },
    { id: SABRE, name: 'Sabre', groupId: INTERDICTOR, published: true },
    { id: DEVOTER, name: 'Devoter', groupId: HEAVY_INTERDICTOR, published: true },
    { id: 670, name: 'Capsule', groupId: 29, published: false },
    { id: ASTRAHUS, name: 'Astrahus', groupId: CITADEL, published: true },
  ],
  groups: [
    { id: FRIGATE, name: 'Frigate', categoryId: 6, published: true },
    { id: INTERDICTOR, name: 'Interdictor', categoryId: 6, published: true },
    { id: HEAVY_INTERDICTOR, name: 'Heavy Interdiction Cruiser', categoryId: 6, published: true },
    { id: 29, name: 'Capsule', categoryId: 6, published: true },
    { id: CITADEL, name: 'Citadel', categoryId: 65, published: true },
  ],
  categories: [
    { id: 6, name: 'Ship', published: true },
    { id: 65, name: 'Structure', published: true },
  ],
});

function system(
  id: number,
  name: string,
  security: number,
  regionName: string,
  spaceClass: SpaceClass,
): SolarSystemInfo {
  return {
    id,
    name,
    constellationId: 0,
    regionId: 0,
    security,
    x: 0,
    y: 0,
    z: 0,
    spaceClass,
    constellationName: null,
    regionName,
  };
}

const systems = new Map<number, SolarSystemInfo>(
  [
    system(HUOLA, 'Huola', 0.370249, 'The Bleak Lands', 'low_sec'),
    system(SOSALA, 'Sosala', 0.420527, 'The Bleak Lands', 'low_sec'),
    system(JITA, 'Jita', 0.945913, 'The Forge', 'high_sec'),
    system(EGBINGER, 'Egbinger', 0.034555, 'Placid', 'low_sec'),
    system(ABYSSAL_SYSTEM, 'AD001', -1, 'ADR01', 'abyssal'),
    system(30000001, 'Old Man (Test) Star', 0.3, 'Test Region', 'low_sec'),
  ].map((info) => [info.id, info]),
);

/** Only `system` is needed by the renderer; this fake answers it for the systems above. */
export const universe: SystemLookup = { system: (id) => systems.get(id) };

/** Names the fake ESI knows; anything else is "not resolved yet". */
export function nameLookup(entries: Array<[EntityKind, number, string]> = DEFAULT_NAMES): NameLookup {
  const byKey = new Map(entries.map(([kind, id, name]) => [`${kind}:${id}`, name]));
  return (kind, id) => byKey.get(`${kind}:${id}`);
}

export const DEFAULT_NAMES: Array<[EntityKind, number, string]> = [
  ['character', 2112000100, 'Victim Pilot'],
  ['corporation', 98000100, 'Victim Corp'],
  ['alliance', 99000100, 'Victim Alliance'],
  ['character', 2112000001, 'Hunter Pilot'],
  ['corporation', 98000001, 'Hunter Corp'],
  ['alliance', 99000001, 'Hunter Alliance'],
];

export function buildTracker(overrides: Partial<TrackerDefinition> = {}): TrackerDefinition {
  return {
    version: 1,
    name: 'Huola watch',
    enabled: true,
    ping: { everyone: false, here: false, roles: [] },
    ppk: false,
    clauses: {},
    ...overrides,
  };
}

export function buildMatch(
  tracker: Partial<TrackerDefinition> = {},
  overrides: Partial<Omit<TrackerMatch, 'tracker'>> = {},
): TrackerMatch {
  return {
    trackerKey: '1',
    tracker: buildTracker(tracker),
    jumps: null,
    distanceLy: null,
    mainGroup: null,
    mainShipGroup: null,
    matchedShipTypeIds: [],
    ...overrides,
  };
}
