// Clauses as admins name them: by key (what autocomplete sends) or by their readable label, and the
// headings the editor groups them under.
import {
  CLAUSE_DEFINITIONS,
  type ClauseDefinition,
  type ClauseGroup,
  findClause,
} from '../../../engine/index.ts';
import { escapeMarkdown } from '../../../engine/render/index.ts';
import { UserError } from '../../../user-error.ts';

export const GROUP_TITLES: Readonly<Record<ClauseGroup, string>> = {
  location: 'Location',
  attackers: 'Attackers',
  victim: 'Victim',
  value: 'Value & kind',
  kind: 'Value & kind',
  members: 'Members',
};

/** The clause a typed `clause` option names (key or label, any case), or undefined. */
export function findClauseByInput(text: string): ClauseDefinition | undefined {
  const typed = text.trim();
  const lower = typed.toLowerCase();
  return (
    findClause(typed) ??
    CLAUSE_DEFINITIONS.find(
      (definition) => definition.key === lower || definition.label.toLowerCase() === lower,
    )
  );
}

/** Like findClauseByInput, but an unknown clause is a UserError that says how to pick one. */
export function clauseFromInput(text: string): ClauseDefinition {
  const definition = findClauseByInput(text);
  if (!definition) {
    throw new UserError(
      `There is no condition called "${escapeMarkdown(text.trim().slice(0, 80))}". Pick one from the list while typing the clause option, e.g. "Min value (ISK)" or "Solar systems".`,
    );
  }
  return definition;
}
