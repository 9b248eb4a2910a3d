// Saves one clause change (through the engine's validation) and says what changed in one line, for the
// commands and the editor alike.
import type { BotContext } from '../../contract.ts';
import type { TrackerRow } from '../../../db/tracker-repository.ts';
import { type ClauseDefinition, findClause } from '../../../engine/index.ts';
import { updateTracker } from '../save-tracker.ts';
import { type ListMode, withClause, withoutClause } from './apply.ts';
import type { ParsedClauseValue } from './parse.ts';

interface ClauseChange {
  row: TrackerRow;
  /** One line for the top of the editor, e.g. "Solar systems: added Jita, Amarr (now 3)." */
  notice: string;
}

function listNotice(
  definition: ClauseDefinition,
  parsed: ParsedClauseValue,
  before: unknown,
  after: unknown,
  mode: ListMode,
): string {
  const label = `**${definition.label}**`;
  const count = Array.isArray(after) ? after.length : 0;
  if (count === 0) return `${label} removed (the list is empty now).`;
  if (mode === 'replace') return `${label} is now: ${parsed.shown.join(', ')}.`;
  const had = Array.isArray(before) ? (before as unknown[]) : [];
  const values = parsed.value as ReadonlyArray<number | string>;
  const added = parsed.shown.filter((_, index) => !had.includes(values[index]));
  const already = parsed.shown.filter((_, index) => had.includes(values[index]));
  const parts = [
    added.length > 0 ? `added ${added.join(', ')}` : 'nothing new',
    ...(already.length > 0
      ? [`${already.join(', ')} ${already.length === 1 ? 'was' : 'were'} already there`]
      : []),
  ];
  // Lists typed in a command add to what the clause had, never replace it: say so.
  return `${label}: ${parts.join('; ')} (lists add up: ${count} in all).`;
}

export async function saveClauseValue(
  ctx: BotContext,
  row: TrackerRow,
  definition: ClauseDefinition,
  parsed: ParsedClauseValue,
  mode: ListMode,
): Promise<ClauseChange> {
  const before = row.definition.clauses[definition.key];
  const saved = await updateTracker(ctx, row, (tracker) =>
    withClause(tracker, definition.key, parsed.value, mode),
  );
  const after = saved.definition.clauses[definition.key];
  const label = `**${definition.label}**`;
  let notice: string;
  if (Array.isArray(parsed.value)) notice = listNotice(definition, parsed, before, after, mode);
  else if (parsed.value === true) notice = `${label} is on.`;
  else if (parsed.value === false)
    notice = before === undefined ? `${label} was not set; nothing changed.` : `${label} removed.`;
  else notice = `${label} set to ${parsed.shown.join(', ')}.`;
  return { row: saved, notice };
}

export async function removeClause(ctx: BotContext, row: TrackerRow, key: string): Promise<ClauseChange> {
  const saved = await updateTracker(ctx, row, (tracker) => withoutClause(tracker, key));
  return { row: saved, notice: `**${findClause(key)?.label ?? key}** removed.` };
}
