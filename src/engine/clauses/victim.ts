// Victim clauses: who died (alliance, corporation, character, faction) and in what ship.
import type { Killmail } from '../killmail/types.ts';
import { idListClause, memberOf, negated } from './define.ts';
import { nameList } from './format.ts';
import type { ClauseDefinition, ClauseIndexing, ClauseValueKind } from './types.ts';

type VictimIdKind = Extract<
  ClauseValueKind,
  'alliances' | 'corporations' | 'characters' | 'factions' | 'ship_types' | 'ship_groups'
>;

/** A require_victim_* clause and its exclude_victim_* twin over one victim id. */
function victimPair<K extends VictimIdKind>(spec: {
  entity: string;
  label: string;
  valueKind: K;
  indexedBy: ClauseIndexing;
  id: (killmail: Killmail) => number | undefined;
  phrase: (list: string) => string;
  negatedPhrase: (list: string) => string;
}): [ClauseDefinition, ClauseDefinition] {
  const require = idListClause({
    key: `require_victim_${spec.entity}`,
    label: `Victim ${spec.label}`,
    group: 'victim',
    menu: 'victim',
    valueKind: spec.valueKind,
    indexedBy: spec.indexedBy,
    cost: 2,
    test: (ids) => {
      const isListed = memberOf(ids);
      return (killmail) => isListed(spec.id(killmail));
    },
    describe: (ids, { names }) => spec.phrase(nameList(spec.valueKind, ids, names)),
  });
  const exclude = negated(require, {
    key: `exclude_victim_${spec.entity}`,
    label: `Excluded victim ${spec.label}`,
    describe: (ids, { names }) => spec.negatedPhrase(nameList(spec.valueKind, ids, names)),
  });
  return [require, exclude];
}

const [requireVictimAlliances, excludeVictimAlliances] = victimPair({
  entity: 'alliances',
  label: 'alliances',
  valueKind: 'alliances',
  indexedBy: { fact: 'victim_alliance', rank: 5 },
  id: (killmail) => killmail.victim.allianceId,
  phrase: (list) => `victim in alliance ${list}`,
  negatedPhrase: (list) => `victim not in alliance ${list}`,
});

const [requireVictimCorporations, excludeVictimCorporations] = victimPair({
  entity: 'corporations',
  label: 'corporations',
  valueKind: 'corporations',
  indexedBy: { fact: 'victim_corporation', rank: 4 },
  id: (killmail) => killmail.victim.corporationId,
  phrase: (list) => `victim in corporation ${list}`,
  negatedPhrase: (list) => `victim not in corporation ${list}`,
});

const [requireVictimCharacters, excludeVictimCharacters] = victimPair({
  entity: 'characters',
  label: 'pilots',
  valueKind: 'characters',
  indexedBy: { fact: 'victim_character', rank: 1 },
  id: (killmail) => killmail.victim.characterId,
  phrase: (list) => `victim is ${list}`,
  negatedPhrase: (list) => `victim is not ${list}`,
});

const [requireVictimFactions, excludeVictimFactions] = victimPair({
  entity: 'factions',
  label: 'factions',
  valueKind: 'factions',
  indexedBy: { fact: 'victim_faction', rank: 10 },
  id: (killmail) => killmail.victim.factionId,
  phrase: (list) => `victim in faction ${list}`,
  negatedPhrase: (list) => `victim not in faction ${list}`,
});

const [requireVictimShipGroups, excludeVictimShipGroups] = victimPair({
  entity: 'ship_groups',
  label: 'ship groups',
  valueKind: 'ship_groups',
  indexedBy: { fact: 'victim_ship_group', rank: 9 },
  id: (killmail) => killmail.victim.shipGroupId,
  phrase: (list) => `victim flying a ${list}`,
  negatedPhrase: (list) => `victim not flying a ${list}`,
});

const [requireVictimShipTypes, excludeVictimShipTypes] = victimPair({
  entity: 'ship_types',
  label: 'ship types',
  valueKind: 'ship_types',
  indexedBy: { fact: 'victim_ship_type', rank: 7 },
  id: (killmail) => killmail.victim.shipTypeId,
  phrase: (list) => `victim flying a ${list}`,
  negatedPhrase: (list) => `victim not flying a ${list}`,
});

export const victimClauses: readonly ClauseDefinition[] = [
  requireVictimAlliances,
  requireVictimCorporations,
  requireVictimCharacters,
  requireVictimFactions,
  requireVictimShipGroups,
  requireVictimShipTypes,
  excludeVictimAlliances,
  excludeVictimCorporations,
  excludeVictimCharacters,
  excludeVictimFactions,
  excludeVictimShipGroups,
  excludeVictimShipTypes,
];
