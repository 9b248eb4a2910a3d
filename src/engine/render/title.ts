// A tracker's own alert title: the admin's text with its placeholders filled from the kill. The whole is
// escaped where it is shown, so the admin's text and the kill's names appear as typed and ping nobody.
import type { ItemCatalog } from '../catalog.ts';
import { formatIsk } from '../format.ts';
import type { Killmail } from '../killmail/types.ts';
import { type SystemLookup, systemName, typeName } from './embed-fields.ts';
import { entityName, type NameLookup } from './names.ts';

/** The placeholders a title may hold, with what each becomes (the README lists the same). */
export const TITLE_PLACEHOLDERS = {
  victim: "the victim pilot's name (the corporation's for a structure)",
  ship: "the victim's ship type",
  system: 'the solar system',
  value: 'the value in ISK, e.g. 1.5b',
} as const;

export type TitlePlaceholder = keyof typeof TITLE_PLACEHOLDERS;

const PLACEHOLDER = /\{([a-z_]+)\}/gi;

const isPlaceholder = (name: string): name is TitlePlaceholder => Object.hasOwn(TITLE_PLACEHOLDERS, name);

/** What each placeholder becomes for this kill (plain text, not escaped). */
export function titleValues(
  killmail: Killmail,
  names: NameLookup,
  universe: SystemLookup,
  catalog: ItemCatalog,
): Record<TitlePlaceholder, string> {
  const { characterId, corporationId, shipTypeId } = killmail.victim;
  const victim =
    characterId !== undefined
      ? entityName(names, 'character', characterId)
      : corporationId !== undefined
        ? entityName(names, 'corporation', corporationId)
        : 'Unknown victim';
  return {
    victim,
    ship: typeName(catalog, shipTypeId),
    system: systemName(universe, killmail.solarSystemId),
    value: formatIsk(killmail.value),
  };
}

/** The title with each known placeholder ({ship}, any case) replaced; other braces stay as typed. */
export function fillTitle(template: string, values: Readonly<Record<TitlePlaceholder, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const key = name.toLowerCase();
    return isPlaceholder(key) ? values[key] : whole;
  });
}

/** The "{words}" of a title that are not placeholders (they show as typed). */
export function unknownTitlePlaceholders(template: string): string[] {
  const unknown = [...template.matchAll(PLACEHOLDER)]
    .filter((match) => !isPlaceholder((match[1] ?? '').toLowerCase()))
    .map((match) => match[0]);
  return [...new Set(unknown)];
}
