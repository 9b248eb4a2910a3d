// Wording helpers for clause descriptions: lists of named ids.
import type { ClauseNameKind, ClauseNameLookup, ClauseValue, ClauseValueKind } from './types.ts';

/** The name lookup used when a caller gives none: every id shows as itself. */
export const noNames: ClauseNameLookup = () => undefined;

/** What the ids of each list kind are, for a name lookup. */
export const NAME_KINDS: Partial<Record<ClauseValueKind, ClauseNameKind>> = {
  solar_systems: 'solar_system',
  constellations: 'constellation',
  regions: 'region',
  alliances: 'alliance',
  corporations: 'corporation',
  characters: 'character',
  factions: 'faction',
  ship_types: 'ship_type',
  ship_groups: 'ship_group',
  weapon_types: 'weapon_type',
  weapon_groups: 'weapon_group',
  roles: 'role',
};

/** "Huola", "Huola or Tama", "Huola, Tama or Jita"; unknown names show as "#30003067". */
export function nameList(kind: ClauseValueKind, value: ClauseValue, names: ClauseNameLookup): string {
  const ids: ReadonlyArray<number | string> = Array.isArray(value) ? value : [String(value)];
  const nameKind = NAME_KINDS[kind];
  const shown = ids.map((id) => (nameKind ? names(nameKind, id) : undefined) ?? `#${id}`);
  if (shown.length <= 1) return shown[0] ?? 'nothing';
  return `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
}
