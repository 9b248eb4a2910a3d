// Names of pilots, corporations, alliances and factions, as resolved by the caller (ESI), with a
// fallback to the id for names not resolved yet: an alert never shows "undefined".
import { escapeMarkdown, plainText } from './escape.ts';
import { truncatePlain } from './limits.ts';
import { type EntityKind, entityUrl, markdownLink } from './links.ts';

/** Resolved ESI name of an entity, or undefined when it is not known (yet). */
export type NameLookup = (kind: EntityKind, id: number) => string | undefined;

// EVE names are at most 50 characters; a longer one is hostile or broken and must not crowd out the alert.
const MAX_NAME_LENGTH = 100;

/** Any outside name (tracker, SDE type, group, system, region) ready for markdown: capped, then escaped. */
export function nameLabel(name: string): string {
  return escapeMarkdown(truncatePlain(name, MAX_NAME_LENGTH));
}

const KIND_LABELS: Record<EntityKind, string> = {
  character: 'Character',
  corporation: 'Corporation',
  alliance: 'Alliance',
  faction: 'Faction',
};

/** The name as plain text (not escaped), or "Character 123" when the caller could not resolve it. */
export function entityName(names: NameLookup, kind: EntityKind, id: number): string {
  const name = names(kind, id);
  if (typeof name !== 'string' || name.trim() === '') return `${KIND_LABELS[kind]} ${id}`;
  return truncatePlain(name, MAX_NAME_LENGTH);
}

/** The name for plain-text places (embed author, footer). */
export function entityPlainName(names: NameLookup, kind: EntityKind, id: number): string {
  return plainText(entityName(names, kind, id));
}

/** The name, escaped, linked to its zKillboard page (the link also serves ids without a name). */
export function entityLink(names: NameLookup, kind: EntityKind, id: number): string {
  return markdownLink(nameLabel(entityName(names, kind, id)), entityUrl(kind, id));
}
