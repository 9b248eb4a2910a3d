// Attacker clauses: how many attackers, who they are (alliances, corporations, characters, factions),
// who landed the final blow, and what they flew and fired.
import type { Killmail } from '../killmail/types.ts';
import {
  defineClause,
  idListClause,
  idsOf,
  memberOf,
  negated,
  overlapsWith,
  rangeClauses,
} from './define.ts';
import { nameList } from './format.ts';
import type { ClauseDefinition, ClauseEffects, ClauseIndexing, ClauseValueKind } from './types.ts';

const [requireMinAttackers, requireMaxAttackers] = rangeClauses({
  minKey: 'require_min_attackers',
  maxKey: 'require_max_attackers',
  minLabel: 'Min attackers',
  maxLabel: 'Max attackers',
  group: 'attackers',
  menu: 'attackers',
  valueKind: 'int',
  cost: 1,
  minIndexedBy: { fact: 'min_attackers', rank: 21 },
  screenOf: 'attackers',
  read: (killmail) => killmail.attackerCount,
  minPhrase: (value) => `with at least ${value} attacker${value === 1 ? '' : 's'}`,
  maxPhrase: (value) => `with at most ${value} attacker${value === 1 ? '' : 's'}`,
});

type AttackerIdKind = Extract<
  ClauseValueKind,
  | 'alliances'
  | 'corporations'
  | 'characters'
  | 'factions'
  | 'ship_types'
  | 'ship_groups'
  | 'weapon_types'
  | 'weapon_groups'
>;

/** A clause matching when any attacker has one of the listed ids (read from a killmail id set). */
function anyAttacker<K extends AttackerIdKind>(spec: {
  key: string;
  label: string;
  valueKind: K;
  indexedBy: ClauseIndexing;
  effects?: ClauseEffects;
  ids: (killmail: Killmail) => ReadonlySet<number>;
  phrase: (list: string) => string;
}): ClauseDefinition {
  return idListClause({
    key: spec.key,
    label: spec.label,
    group: 'attackers',
    menu: 'attackers',
    ...(spec.effects && { effects: spec.effects }),
    valueKind: spec.valueKind,
    indexedBy: spec.indexedBy,
    cost: 3,
    test: (ids) => {
      const overlaps = overlapsWith(ids);
      return (killmail) => overlaps(spec.ids(killmail));
    },
    describe: (ids, { names }) => spec.phrase(nameList(spec.valueKind, ids, names)),
  });
}

const requireAttackerAlliances = anyAttacker({
  key: 'require_attacker_alliances',
  label: 'Attacker alliances',
  valueKind: 'alliances',
  indexedBy: { fact: 'attacker_alliance', rank: 6 },
  ids: (killmail) => killmail.attackerAllianceIds,
  phrase: (list) => `attacked by alliance ${list}`,
});

const requireAttackerCorporations = anyAttacker({
  key: 'require_attacker_corporations',
  label: 'Attacker corporations',
  valueKind: 'corporations',
  indexedBy: { fact: 'attacker_corporation', rank: 5 },
  ids: (killmail) => killmail.attackerCorporationIds,
  phrase: (list) => `attacked by corporation ${list}`,
});

const requireAttackerCharacters = anyAttacker({
  key: 'require_attacker_characters',
  label: 'Attacker pilots',
  valueKind: 'characters',
  indexedBy: { fact: 'attacker_character', rank: 2 },
  ids: (killmail) => killmail.attackerCharacterIds,
  phrase: (list) => `attacked by ${list}`,
});

const requireAttackerFactions = anyAttacker({
  key: 'require_attacker_factions',
  label: 'Attacker factions',
  valueKind: 'factions',
  indexedBy: { fact: 'attacker_faction', rank: 10 },
  ids: (killmail) => killmail.attackerFactionIds,
  phrase: (list) => `attacked by faction ${list}`,
});

// Excluded when ANY attacker belongs to ANY listed entity: exactly "not (require ...)".
const excludeAttackerAlliances = negated(requireAttackerAlliances, {
  key: 'exclude_attacker_alliances',
  label: 'Excluded attacker alliances',
  describe: (ids, { names }) => `not attacked by alliance ${nameList('alliances', ids, names)}`,
});

const excludeAttackerCorporations = negated(requireAttackerCorporations, {
  key: 'exclude_attacker_corporations',
  label: 'Excluded attacker corporations',
  describe: (ids, { names }) => `not attacked by corporation ${nameList('corporations', ids, names)}`,
});

const excludeAttackerCharacters = negated(requireAttackerCharacters, {
  key: 'exclude_attacker_characters',
  label: 'Excluded attacker pilots',
  describe: (ids, { names }) => `not attacked by ${nameList('characters', ids, names)}`,
});

const excludeAttackerFactions = negated(requireAttackerFactions, {
  key: 'exclude_attacker_factions',
  label: 'Excluded attacker factions',
  describe: (ids, { names }) => `not attacked by faction ${nameList('factions', ids, names)}`,
});

const requireAttackerOrganizationsFinalBlow = defineClause({
  key: 'require_attacker_organizations_final_blow',
  label: 'Final blow by a required organization',
  group: 'attackers',
  menu: 'attackers',
  valueKind: 'flag',
  cost: 3,
  crossCheck: (value, { clauses }) =>
    value &&
    !isNonEmptyList(clauses.require_attacker_alliances) &&
    !isNonEmptyList(clauses.require_attacker_corporations)
      ? 'needs require_attacker_alliances or require_attacker_corporations: the final blow is checked against them'
      : undefined,
  compile: (value, { clauses }) => {
    if (!value) return null;
    const inAlliance = memberOf(idsOf(clauses.require_attacker_alliances));
    const inCorporation = memberOf(idsOf(clauses.require_attacker_corporations));
    return (killmail) => {
      const finalBlow = killmail.finalBlow;
      return (
        finalBlow !== undefined &&
        (inAlliance(finalBlow.allianceId) || inCorporation(finalBlow.corporationId))
      );
    };
  },
  describe: () => 'with the final blow by one of those organizations',
});

function isNonEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

const requireAttackersShipGroups = anyAttacker({
  key: 'require_attackers_ship_groups',
  label: 'Attacker ship groups',
  valueKind: 'ship_groups',
  indexedBy: { fact: 'attacker_ship_group', rank: 10 },
  effects: { reportsAttackerShips: 'groups' },
  ids: (killmail) => killmail.attackerShipGroupIds,
  phrase: (list) => `with attackers in a ${list}`,
});

const requireAttackersShipTypes = anyAttacker({
  key: 'require_attackers_ship_types',
  label: 'Attacker ship types',
  valueKind: 'ship_types',
  indexedBy: { fact: 'attacker_ship_type', rank: 8 },
  effects: { reportsAttackerShips: 'types' },
  ids: (killmail) => killmail.attackerShipTypeIds,
  phrase: (list) => `with attackers in a ${list}`,
});

const requireAttackersWeaponGroups = anyAttacker({
  key: 'require_attackers_weapon_groups',
  label: 'Attacker weapon groups',
  valueKind: 'weapon_groups',
  indexedBy: { fact: 'attacker_weapon_group', rank: 11 },
  ids: (killmail) => killmail.attackerWeaponGroupIds,
  phrase: (list) => `with attackers using a ${list}`,
});

const requireAttackersWeaponTypes = anyAttacker({
  key: 'require_attackers_weapon_types',
  label: 'Attacker weapon types',
  valueKind: 'weapon_types',
  indexedBy: { fact: 'attacker_weapon_type', rank: 9 },
  ids: (killmail) => killmail.attackerWeaponTypeIds,
  phrase: (list) => `with attackers using a ${list}`,
});

export const attackerClauses: readonly ClauseDefinition[] = [
  requireMinAttackers,
  requireMaxAttackers,
  requireAttackerAlliances,
  requireAttackerCorporations,
  requireAttackerCharacters,
  requireAttackerFactions,
  excludeAttackerAlliances,
  excludeAttackerCorporations,
  excludeAttackerCharacters,
  excludeAttackerFactions,
  requireAttackerOrganizationsFinalBlow,
  requireAttackersShipGroups,
  requireAttackersShipTypes,
  requireAttackersWeaponGroups,
  requireAttackersWeaponTypes,
];
