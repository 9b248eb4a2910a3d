// Wording helpers for clause descriptions: lists of named ids.
import type { ClauseNameLookup, ClauseValue, ClauseValueKind } from './types.ts';
import { nameKindOf } from './value-kinds.ts';

/** The name lookup used when a caller gives none: every id shows as itself. */
export const noNames: ClauseNameLookup = () => undefined;

/** "Huola", "Huola or Tama", "Huola, Tama or Jita"; unknown names show as "#30003067". */
export function nameList(kind: ClauseValueKind, value: ClauseValue, names: ClauseNameLookup): string {
  const ids: ReadonlyArray<number | string> = Array.isArray(value) ? value : [String(value)];
  const nameKind = nameKindOf(kind);
  const shown = ids.map((id) => (nameKind ? names(nameKind, id) : undefined) ?? `#${id}`);
  if (shown.length <= 1) return shown[0] ?? 'nothing';
  return `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}
