// Location clauses: gate jumps and light years from the tracker's origin, space classes, and lists of
// regions, constellations and solar systems.
import type { SpaceClass } from '../universe/types.ts';
import { defineClause, flagClause, idListClause, memberOf, negated } from './define.ts';
import { nameList } from './format.ts';
import type { ClauseDefinition, ClauseDescribeContext, ClauseEffects } from './types.ts';

function originName(context: ClauseDescribeContext): string {
  const origin = context.originSolarSystemId;
  if (origin === undefined || origin === null) return 'the origin';
  return context.names('solar_system', origin) ?? `#${origin}`;
}

const requireMaxJumps = defineClause({
  key: 'require_max_jumps',
  indexedBy: { fact: 'jumps', rank: 3 },
  label: 'Max jumps from origin',
  group: 'location',
  menu: 'location',
  valueKind: 'int',
  cost: 6,
  needsOrigin: true,
  // The route (and whether it avoids high-sec) is the tracker's: see tracker/route.ts.
  compile: (value, context) => (killmail, scope) => context.routeJumps(killmail, scope, value) >= 0,
  describe: (value, context) => `within ${value} jump${value === 1 ? '' : 's'} of ${originName(context)}`,
});

const requireMaxDistance = defineClause({
  key: 'require_max_distance',
  indexedBy: { fact: 'distance', rank: 3 },
  label: 'Max distance from origin (LY)',
  group: 'location',
  menu: 'location',
  valueKind: 'number',
  cost: 6,
  needsOrigin: true,
  compile: (value, { universe, originSolarSystemId }) => {
    if (originSolarSystemId === undefined) return () => false;
    return (killmail) => {
      const distance = universe.distanceLy(originSolarSystemId, killmail.solarSystemId);
      return distance !== null && distance <= value;
    };
  },
  describe: (value, context) => `within ${value} LY of ${originName(context)}`,
});

function excludeSpaceClass(
  key: string,
  label: string,
  spaceClass: SpaceClass,
  name: string,
  effects?: ClauseEffects,
): ClauseDefinition {
  return flagClause({
    key,
    label,
    group: 'location',
    menu: 'location',
    cost: 1,
    ...(effects && { effects }),
    excludesSpaceClass: spaceClass,
    test: (killmail) => killmail.spaceClass !== spaceClass,
    phrase: `not in ${name}`,
  });
}

// Jumps are then counted on routes that stay out of high-sec (see tracker/route.ts).
const excludeHighSec = excludeSpaceClass('exclude_high_sec', 'Exclude high-sec', 'high_sec', 'high-sec', {
  routesAvoidHighSec: true,
});
const excludeLowSec = excludeSpaceClass('exclude_low_sec', 'Exclude low-sec', 'low_sec', 'low-sec');
const excludeNullSec = excludeSpaceClass('exclude_null_sec', 'Exclude null-sec', 'null_sec', 'null-sec');
const excludeWSpace = excludeSpaceClass('exclude_w_space', 'Exclude wormhole space', 'w_space', 'w-space');
const excludePochven = excludeSpaceClass('exclude_pochven', 'Exclude Pochven', 'pochven', 'Pochven');
const excludeAbyssal = excludeSpaceClass(
  'exclude_abyssal',
  'Exclude abyssal space',
  'abyssal',
  'abyssal space',
);

const requireRegions = idListClause({
  key: 'require_regions',
  indexedBy: { fact: 'region', rank: 7 },
  label: 'Regions',
  group: 'location',
  menu: 'location',
  valueKind: 'regions',
  cost: 2,
  test: (ids) => {
    const isListed = memberOf(ids);
    return (killmail) => isListed(killmail.regionId);
  },
  describe: (ids, { names }) => `in region ${nameList('regions', ids, names)}`,
});

const requireConstellations = idListClause({
  key: 'require_constellations',
  indexedBy: { fact: 'constellation', rank: 4 },
  label: 'Constellations',
  group: 'location',
  menu: 'location',
  valueKind: 'constellations',
  cost: 2,
  test: (ids) => {
    const isListed = memberOf(ids);
    return (killmail) => isListed(killmail.constellationId);
  },
  describe: (ids, { names }) => `in constellation ${nameList('constellations', ids, names)}`,
});

const requireSolarSystems = idListClause({
  key: 'require_solar_systems',
  indexedBy: { fact: 'solar_system', rank: 1 },
  label: 'Solar systems',
  group: 'location',
  menu: 'location',
  valueKind: 'solar_systems',
  cost: 2,
  test: (ids) => {
    const isListed = memberOf(ids);
    return (killmail) => isListed(killmail.solarSystemId);
  },
  describe: (ids, { names }) => `in ${nameList('solar_systems', ids, names)}`,
});

const excludeRegions = negated(requireRegions, {
  key: 'exclude_regions',
  label: 'Excluded regions',
  describe: (ids, { names }) => `not in region ${nameList('regions', ids, names)}`,
});

const excludeConstellations = negated(requireConstellations, {
  key: 'exclude_constellations',
  label: 'Excluded constellations',
  describe: (ids, { names }) => `not in constellation ${nameList('constellations', ids, names)}`,
});

const excludeSolarSystems = negated(requireSolarSystems, {
  key: 'exclude_solar_systems',
  label: 'Excluded solar systems',
  describe: (ids, { names }) => `not in ${nameList('solar_systems', ids, names)}`,
});

export const locationClauses: readonly ClauseDefinition[] = [
  requireMaxJumps,
  requireMaxDistance,
  excludeHighSec,
  excludeLowSec,
  excludeNullSec,
  excludeWSpace,
  excludePochven,
  excludeAbyssal,
  requireRegions,
  requireConstellations,
  requireSolarSystems,
  excludeRegions,
  excludeConstellations,
  excludeSolarSystems,
];
