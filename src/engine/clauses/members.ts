// Linked-member clauses (the Discord form of Alliance Auth "states"): a killmail character counts when it
// is linked to a guild member holding one of the listed roles; the guild id itself means any linked member.
import type { Killmail } from '../killmail/types.ts';
import type { CharacterRoleLinks } from '../tracker/types.ts';
import { defineClause, negated } from './define.ts';
import { nameList } from './format.ts';
import type { ClauseDefinition, ClauseMenu, ClauseTest } from './types.ts';

type LinkedCharacterTest = (
  killmail: Killmail,
  links: CharacterRoleLinks,
  qualifies: (memberRoles: readonly string[]) => boolean,
) => boolean;

function rolesClause(spec: {
  key: string;
  label: string;
  menu: ClauseMenu;
  test: LinkedCharacterTest;
  phrase: (list: string) => string;
}): ClauseDefinition {
  return defineClause({
    key: spec.key,
    label: spec.label,
    group: 'members',
    menu: spec.menu,
    valueKind: 'roles',
    cost: 5,
    compile: (roles, { guildId }): ClauseTest | null => {
      if (roles.length === 0) return null;
      const anyLinkedMember = guildId !== undefined && roles.includes(guildId);
      const wanted = new Set(roles);
      const isWanted = (role: string) => wanted.has(role);
      const qualifies = (memberRoles: readonly string[]) => anyLinkedMember || memberRoles.some(isWanted);
      return (killmail, scope) => {
        const links = scope.links(guildId);
        return links !== undefined && links.size > 0 && spec.test(killmail, links, qualifies);
      };
    },
    describe: (roles, { names }) => spec.phrase(nameList('roles', roles, names)),
  });
}

/** Any attacker linked to a qualifying member; walks whichever of links and attackers is smaller. */
const anyLinkedAttacker: LinkedCharacterTest = (killmail, links, qualifies) => {
  const characters = killmail.attackerCharacterIds;
  if (links.size < characters.size) {
    for (const [character, roles] of links) if (characters.has(character) && qualifies(roles)) return true;
    return false;
  }
  for (const character of characters) {
    const roles = links.get(character);
    if (roles !== undefined && qualifies(roles)) return true;
  }
  return false;
};

const linkedVictim: LinkedCharacterTest = (killmail, links, qualifies) => {
  const character = killmail.victim.characterId;
  if (character === undefined) return false;
  const roles = links.get(character);
  return roles !== undefined && qualifies(roles);
};

const requireAttackerRoles = rolesClause({
  key: 'require_attacker_roles',
  label: 'Attackers with roles',
  menu: 'attackers',
  test: anyLinkedAttacker,
  phrase: (list) => `attacked by a member with ${list}`,
});

const excludeAttackerRoles = negated(requireAttackerRoles, {
  key: 'exclude_attacker_roles',
  label: 'Excluded attackers with roles',
  describe: (roles, { names }) => `not attacked by a member with ${nameList('roles', roles, names)}`,
});

const requireVictimRoles = rolesClause({
  key: 'require_victim_roles',
  label: 'Victim with roles',
  menu: 'victim',
  test: linkedVictim,
  phrase: (list) => `victim is a member with ${list}`,
});

const excludeVictimRoles = negated(requireVictimRoles, {
  key: 'exclude_victim_roles',
  label: 'Excluded victim with roles',
  describe: (roles, { names }) => `victim is not a member with ${nameList('roles', roles, names)}`,
});

export const memberClauses: readonly ClauseDefinition[] = [
  requireAttackerRoles,
  excludeAttackerRoles,
  requireVictimRoles,
  excludeVictimRoles,
];
