// Clause values from what admins type: numbers with units, yes/no, and lists of names or ids resolved
// against the SDE, known names, ESI and the guild's roles. Anything unreadable is a UserError that says
// what is accepted.
import {
  type ClauseDefinition,
  type ClauseValue,
  type ClauseValueKind,
  formatIsk,
  type ListValueKind,
  VALUE_KINDS,
  valueInputOf,
} from '../../../engine/index.ts';
import { escapeMarkdown } from '../../../engine/render/index.ts';
import type { ClauseInput } from '../../../tracker-ops/clauses.ts';
import { UserError } from '../../../user-error.ts';
import type { BotContext } from '../../contract.ts';
import { EsiLookupUnavailableError } from './entities.ts';
import { splitItems } from './list-items.ts';
import { displayName, type NamedValue } from './named-value.ts';
import { parseDecimal, parseFlag, parseIsk, parseWholeNumber } from './numbers.ts';
import { ANY_LINKED_MEMBER } from './roles.ts';
import { type SourceOptions, valueSource } from './sources.ts';

/** What a kind of value accepts, said the same way in error messages and modals. */
export function acceptedText(kind: ClauseValueKind): string {
  return `Expected ${VALUE_KINDS[kind].accepted}.`;
}

function quoted(text: string): string {
  const short = text.trim().length > 60 ? `${text.trim().slice(0, 60)}…` : text.trim();
  return `"${escapeMarkdown(short)}"`;
}

function unreadable(definition: ClauseDefinition, text: string): UserError {
  return new UserError(
    `Could not read ${quoted(text)} as ${definition.label}. ${acceptedText(definition.valueKind)}`,
  );
}

/** Parses `text` for the clause, with the readable form of what was understood. */
export async function parseClauseInput(
  ctx: BotContext,
  guildId: string,
  definition: ClauseDefinition,
  text: string,
  options: SourceOptions = {},
): Promise<ClauseInput> {
  const typed = valueInputOf(definition.valueKind);
  switch (typed.input) {
    case 'whole_number': {
      const value = parseWholeNumber(text);
      if (value === undefined) throw unreadable(definition, text);
      return { value, shown: [String(value)] };
    }
    case 'decimal': {
      const value = parseDecimal(text);
      if (value === undefined) throw unreadable(definition, text);
      return { value, shown: [String(value)] };
    }
    case 'isk': {
      const value = parseIsk(text);
      if (value === undefined) throw unreadable(definition, text);
      return { value, shown: [formatIsk(value)] };
    }
    case 'flag': {
      const value = parseFlag(text);
      if (value === undefined) throw unreadable(definition, text);
      return { value, shown: [value ? 'yes' : 'no'] };
    }
    case 'universe':
    case 'catalog':
    case 'entities':
    case 'roles':
      return parseList(ctx, guildId, definition, typed.kind, text, options);
  }
}

async function parseList(
  ctx: BotContext,
  guildId: string,
  definition: ClauseDefinition,
  kind: ListValueKind,
  text: string,
  options: SourceOptions,
): Promise<ClauseInput> {
  const items = splitItems(text);
  const noun = VALUE_KINDS[kind].noun;
  if (items.length === 0)
    throw new UserError(`Give at least one ${noun} for ${definition.label}. ${acceptedText(kind)}`);
  const source = valueSource(ctx, guildId, kind, options);
  let found: Array<NamedValue | undefined>;
  try {
    found = await source.resolve(items);
  } catch (error) {
    if (!(error instanceof EsiLookupUnavailableError)) throw error;
    throw new UserError(
      `EVE's ESI did not answer in time to look up ${error.names.map(quoted).join(', ')}. Try again in a minute, or give the ${noun} id (the number in its zKillboard link).`,
    );
  }
  const problems: string[] = [];
  for (const [index, item] of items.entries()) {
    if (found[index] !== undefined) continue;
    const similar = await source.search(item, 3, { remote: false });
    const hint =
      similar.length > 0
        ? ` Did you mean ${similar.map((value) => escapeMarkdown(displayName(value))).join(', ')}?`
        : '';
    problems.push(`No ${noun} called ${quoted(item)}.${hint}`);
  }
  if (problems.length > 0) {
    const roleHint =
      kind === 'roles' && (options.roles ?? []).length === 0
        ? ' Mention the roles (@FC) or give their ids.'
        : '';
    throw new UserError(`${problems.join('\n')}\n${acceptedText(kind)}${roleHint}`);
  }
  const values = found as NamedValue[];
  const unique = [...new Map(values.map((value) => [value.id, value])).values()];
  const value: ClauseValue =
    kind === 'roles' ? unique.map((entry) => String(entry.id)) : unique.map((entry) => Number(entry.id));
  const shown = unique.map((entry) => {
    if (kind !== 'roles') return escapeMarkdown(entry.name);
    return entry.id === guildId ? ANY_LINKED_MEMBER : `<@&${entry.id}>`;
  });
  return { value, shown };
}
