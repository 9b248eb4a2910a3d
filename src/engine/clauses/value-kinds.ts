// Everything said about one kind of clause value, in one entry per kind: how it is validated, what its ids
// name, how admins are told to write it, and where the editor finds values to offer. A clause names its
// kind; nothing else keeps a table by kind.
import { formatIsk } from '../format.ts';
import type { ClauseCheck, ClauseNameKind, ClauseValidationContext, ClauseValueKind } from './types.ts';
import {
  eveIdsValidator,
  validateDecimal,
  validateFlag,
  validateIsk,
  validateRoleIds,
  validateWholeNumber,
} from './values.ts';

/** Where values of a kind come from when an admin types them (the Discord editor reads this). */
export type ValueInput =
  | 'whole_number'
  | 'decimal'
  | 'isk'
  | 'flag'
  /** Solar systems, constellations and regions of the loaded universe. */
  | 'universe'
  /** Ship and weapon types and groups of the SDE item catalog. */
  | 'catalog'
  /** Alliances, corporations, pilots and factions: names seen on killmails, then ESI. */
  | 'entities'
  /** The guild's Discord roles. */
  | 'roles';

export interface ValueKindSpec {
  readonly input: ValueInput;
  /** What one id of a list names, for name lookups (and the name cache's category); lists only. */
  readonly nameKind?: ClauseNameKind;
  /** One item as admins call it, e.g. "solar system" or "pilot". */
  readonly noun: string;
  /** Completes "Expected ..." in errors and modals. */
  readonly accepted: string;
  /** The editor's one-line hint next to a clause of this kind in its Add menu. */
  readonly hint: string;
  /** A short example for placeholders (at most 100 characters). */
  readonly example: string;
  /** Values autocomplete offers before anything is typed (numbers and ISK). */
  readonly suggestions?: readonly string[];
  /** Shown after a suggested number, e.g. "7.5 LY". */
  readonly unit?: string;
  /** How a number of this kind reads, e.g. "1.5b"; plain digits when absent. */
  readonly format?: (value: number) => string;
  /** Checks and normalizes one value; the message says what to write instead. */
  validate(value: unknown, context: ClauseValidationContext): ClauseCheck;
}

export const VALUE_KINDS = {
  int: {
    input: 'whole_number',
    noun: 'value',
    accepted: 'a whole number like 10',
    hint: 'A whole number',
    example: '10',
    suggestions: ['1', '5', '10', '20', '50'],
    validate: validateWholeNumber,
  },
  number: {
    input: 'decimal',
    noun: 'value',
    accepted: 'a number like 6 or 7.5',
    hint: 'Light years, e.g. 7.5',
    example: '7.5',
    suggestions: ['5', '6', '7', '8', '10'],
    unit: 'LY',
    validate: validateDecimal,
  },
  isk: {
    input: 'isk',
    noun: 'value',
    accepted: 'an ISK amount like 500m, 1.5b or 2000000',
    hint: 'An ISK amount, e.g. 500m or 1.5b',
    example: '500m',
    suggestions: ['100m', '500m', '1b', '5b', '10b', '50b', '100b'],
    format: formatIsk,
    validate: validateIsk,
  },
  flag: {
    input: 'flag',
    noun: 'value',
    accepted: 'yes or no',
    hint: 'On with one click',
    example: 'yes',
    validate: validateFlag,
  },
  solar_systems: {
    input: 'universe',
    nameKind: 'solar_system',
    noun: 'solar system',
    accepted: 'solar system names or ids separated by commas, like Jita, Amarr',
    hint: 'Solar system names',
    example: 'Jita, Amarr',
    validate: eveIdsValidator('solar_system'),
  },
  constellations: {
    input: 'universe',
    nameKind: 'constellation',
    noun: 'constellation',
    accepted: 'constellation names or ids separated by commas, like Kimotoro',
    hint: 'Constellation names',
    example: 'Kimotoro, Throne Worlds',
    validate: eveIdsValidator('constellation'),
  },
  regions: {
    input: 'universe',
    nameKind: 'region',
    noun: 'region',
    accepted: 'region names or ids separated by commas, like The Forge, Domain',
    hint: 'Region names',
    example: 'The Forge, Domain',
    validate: eveIdsValidator('region'),
  },
  alliances: {
    input: 'entities',
    nameKind: 'alliance',
    noun: 'alliance',
    accepted: 'exact alliance names or ids separated by commas',
    hint: 'Alliance names',
    example: 'Goonswarm Federation, Pandemic Horde',
    validate: eveIdsValidator('alliance'),
  },
  corporations: {
    input: 'entities',
    nameKind: 'corporation',
    noun: 'corporation',
    accepted: 'exact corporation names or ids separated by commas',
    hint: 'Corporation names',
    example: 'KarmaFleet, Brave Newbies Inc.',
    validate: eveIdsValidator('corporation'),
  },
  characters: {
    input: 'entities',
    nameKind: 'character',
    noun: 'pilot',
    accepted: 'exact pilot names or ids separated by commas',
    hint: 'Pilot names',
    example: 'CCP Falcon',
    validate: eveIdsValidator('character'),
  },
  factions: {
    input: 'entities',
    nameKind: 'faction',
    noun: 'faction',
    accepted: 'faction names or ids separated by commas, like Guristas Pirates',
    hint: 'Faction names',
    example: 'Guristas Pirates, Serpentis',
    validate: eveIdsValidator('faction'),
  },
  ship_types: {
    input: 'catalog',
    nameKind: 'ship_type',
    noun: 'ship type',
    accepted: 'ship or structure type names or ids separated by commas, like Rifter, Capsule',
    hint: 'Ship type names, e.g. Rifter',
    example: 'Rifter, Capsule',
    validate: eveIdsValidator('ship_type'),
  },
  ship_groups: {
    input: 'catalog',
    nameKind: 'ship_group',
    noun: 'ship group',
    accepted: 'ship group names or ids separated by commas, like Frigate, Titan',
    hint: 'Ship group names, e.g. Frigate',
    example: 'Frigate, Titan',
    validate: eveIdsValidator('ship_group'),
  },
  weapon_types: {
    input: 'catalog',
    nameKind: 'weapon_type',
    noun: 'weapon type',
    accepted: 'weapon, ammunition or drone type names or ids separated by commas',
    hint: 'Weapon type names',
    example: 'Warrior II',
    validate: eveIdsValidator('weapon_type'),
  },
  weapon_groups: {
    input: 'catalog',
    nameKind: 'weapon_group',
    noun: 'weapon group',
    accepted: 'weapon group names or ids separated by commas, like Energy Weapon',
    hint: 'Weapon group names',
    example: 'Energy Weapon, Combat Drone',
    validate: eveIdsValidator('weapon_group'),
  },
  roles: {
    input: 'roles',
    nameKind: 'role',
    noun: 'role',
    accepted: 'role mentions, names or ids separated by commas, or everyone for any linked member',
    hint: 'Pick Discord roles',
    example: '@FC, @Pilots',
    validate: validateRoleIds,
  },
} as const satisfies Readonly<Record<ClauseValueKind, ValueKindSpec>>;

/** A value kind with its input, so that a switch on `input` narrows `kind` to the kinds of that input. */
export type ValueKindInput = {
  [K in ClauseValueKind]: { kind: K; input: (typeof VALUE_KINDS)[K]['input'] };
}[ClauseValueKind];

/** The value kinds whose values come from one input, e.g. ValueKindsFrom<'universe'>. */
export type ValueKindsFrom<I extends ValueInput> = Extract<ValueKindInput, { input: I }>['kind'];

export function valueInputOf(kind: ClauseValueKind): ValueKindInput {
  return { kind, input: VALUE_KINDS[kind].input } as ValueKindInput;
}

/** The kinds whose values are lists of ids (EVE ids or Discord roles). */
export type ListValueKind = {
  [K in ClauseValueKind]: (typeof VALUE_KINDS)[K] extends { nameKind: ClauseNameKind } ? K : never;
}[ClauseValueKind];

export function isListValueKind(kind: ClauseValueKind): kind is ListValueKind {
  return 'nameKind' in VALUE_KINDS[kind];
}

/** What the ids of a value kind name, for a name lookup; undefined for numbers and flags. */
export function nameKindOf(kind: ClauseValueKind): ClauseNameKind | undefined {
  const spec: ValueKindSpec = VALUE_KINDS[kind];
  return spec.nameKind;
}

/** A number value as its kind reads: "1.5b" for ISK, "10" for a count. */
export function formatClauseNumber(kind: ClauseValueKind, value: number): string {
  const spec: ValueKindSpec = VALUE_KINDS[kind];
  return spec.format?.(value) ?? String(value);
}
