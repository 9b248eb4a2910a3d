// What each kind of clause value accepts, said the same way in error messages, modal placeholders and
// command replies.
import type { ClauseValueKind } from '../../../engine/index.ts';

interface KindText {
  /** Completes "Expected ...". */
  accepted: string;
  /** A short example for placeholders (<= 100 characters). */
  example: string;
  /** One item of a list kind, e.g. "solar system". */
  noun?: string;
}

const TEXTS: Readonly<Record<ClauseValueKind, KindText>> = {
  int: { accepted: 'a whole number like 10', example: '10' },
  number: { accepted: 'a number like 6 or 7.5', example: '7.5' },
  isk: { accepted: 'an ISK amount like 500m, 1.5b or 2000000', example: '500m' },
  flag: { accepted: 'yes or no', example: 'yes' },
  solar_systems: {
    accepted: 'solar system names or ids separated by commas, like Jita, Amarr',
    example: 'Jita, Amarr',
    noun: 'solar system',
  },
  constellations: {
    accepted: 'constellation names or ids separated by commas, like Kimotoro',
    example: 'Kimotoro, Throne Worlds',
    noun: 'constellation',
  },
  regions: {
    accepted: 'region names or ids separated by commas, like The Forge, Domain',
    example: 'The Forge, Domain',
    noun: 'region',
  },
  alliances: {
    accepted: 'exact alliance names or ids separated by commas',
    example: 'Goonswarm Federation, Pandemic Horde',
    noun: 'alliance',
  },
  corporations: {
    accepted: 'exact corporation names or ids separated by commas',
    example: 'KarmaFleet, Brave Newbies Inc.',
    noun: 'corporation',
  },
  characters: {
    accepted: 'exact pilot names or ids separated by commas',
    example: 'CCP Falcon',
    noun: 'pilot',
  },
  factions: {
    accepted: 'faction names or ids separated by commas, like Guristas Pirates',
    example: 'Guristas Pirates, Serpentis',
    noun: 'faction',
  },
  ship_types: {
    accepted: 'ship or structure type names or ids separated by commas, like Rifter, Capsule',
    example: 'Rifter, Capsule',
    noun: 'ship type',
  },
  ship_groups: {
    accepted: 'ship group names or ids separated by commas, like Frigate, Titan',
    example: 'Frigate, Titan',
    noun: 'ship group',
  },
  weapon_types: {
    accepted: 'weapon, ammunition or drone type names or ids separated by commas',
    example: 'Warrior II',
    noun: 'weapon type',
  },
  weapon_groups: {
    accepted: 'weapon group names or ids separated by commas, like Energy Weapon',
    example: 'Energy Weapon, Combat Drone',
    noun: 'weapon group',
  },
  roles: {
    accepted: 'role mentions, names or ids separated by commas, or everyone for any linked member',
    example: '@FC, @Pilots',
    noun: 'role',
  },
};

export function acceptedText(kind: ClauseValueKind): string {
  return `Expected ${TEXTS[kind].accepted}.`;
}

export function exampleFor(kind: ClauseValueKind): string {
  return TEXTS[kind].example;
}

export function nounFor(kind: ClauseValueKind): string {
  return TEXTS[kind].noun ?? 'value';
}
