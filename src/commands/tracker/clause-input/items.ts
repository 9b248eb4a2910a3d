// Ship and weapon types and groups by name, from the SDE item catalog. Victims are not only ships
// (structures, deployables, orbitals, fighters...), and unpublished types such as the Capsule are real
// victims too, so nothing is hidden for being unpublished: it only sorts after published names.
import type { ItemCatalog } from '../../../engine/catalog.ts';
import { type NamedValue, searchByName } from './named-value.ts';

export type ItemKind = 'ship_types' | 'ship_groups' | 'weapon_types' | 'weapon_groups';

/** Categories a killmail victim (or an attacker's ship) can be in. */
const VICTIM_CATEGORY_IDS: ReadonlySet<number> = new Set([
  6, // Ship
  65, // Structure
  22, // Deployable
  87, // Fighter
  46, // Orbitals
  18, // Drone
  23, // Starbase
  40, // Sovereignty Structures
  2, // Celestial
]);

/** Categories an attacker's weapon can be in (structure weapons are Structure Modules). */
const WEAPON_CATEGORY_IDS: ReadonlySet<number> = new Set([
  7, // Module
  8, // Charge
  18, // Drone
  87, // Fighter
  11, // Entity
  66, // Structure Module
]);

interface CatalogEntry extends NamedValue {
  id: number;
  published: boolean;
}

type ItemIndex = Record<ItemKind, CatalogEntry[]>;

const indexes = new WeakMap<ItemCatalog, ItemIndex>();

function itemIndex(catalog: ItemCatalog): ItemIndex {
  const cached = indexes.get(catalog);
  if (cached) return cached;
  const index: ItemIndex = { ship_types: [], ship_groups: [], weapon_types: [], weapon_groups: [] };
  for (const group of catalog.allGroups()) {
    const category = catalog.category(group.categoryId);
    const entry: CatalogEntry = {
      id: group.id,
      name: group.name,
      published: group.published,
      ...(category ? { detail: category.name } : {}),
    };
    if (VICTIM_CATEGORY_IDS.has(group.categoryId)) index.ship_groups.push(entry);
    if (WEAPON_CATEGORY_IDS.has(group.categoryId)) index.weapon_groups.push(entry);
  }
  for (const type of catalog.allTypes()) {
    const group = catalog.group(type.groupId);
    if (!group) continue;
    const entry: CatalogEntry = {
      id: type.id,
      name: type.name,
      published: type.published,
      detail: group.name,
    };
    if (VICTIM_CATEGORY_IDS.has(group.categoryId)) index.ship_types.push(entry);
    if (WEAPON_CATEGORY_IDS.has(group.categoryId)) index.weapon_types.push(entry);
  }
  indexes.set(catalog, index);
  return index;
}

const unpublishedLast = (entry: CatalogEntry) => (entry.published ? 0 : 1);

export function searchItems(catalog: ItemCatalog, kind: ItemKind, text: string, limit: number): NamedValue[] {
  return searchByName(itemIndex(catalog)[kind], text, limit, unpublishedLast).map(withoutFlags);
}

/**
 * An item by exact name (any case) or id. An id the catalog does not know is accepted as is (new ships
 * fly before the next SDE import); a known id of the wrong category is not.
 */
export function findItem(catalog: ItemCatalog, kind: ItemKind, item: string): NamedValue | undefined {
  const entries = itemIndex(catalog)[kind];
  if (/^\d{1,10}$/.test(item)) {
    const id = Number(item);
    const isType = kind.endsWith('_types');
    const group = isType ? catalog.group(catalog.type(id)?.groupId ?? -1) : catalog.group(id);
    if (!group) return { id, name: `#${id}` };
    const categories = kind.startsWith('ship_') ? VICTIM_CATEGORY_IDS : WEAPON_CATEGORY_IDS;
    if (!categories.has(group.categoryId)) return undefined;
    const name = isType ? catalog.typeName(id) : group.name;
    return {
      id,
      name: name ?? `#${id}`,
      detail: isType ? group.name : (catalog.category(group.categoryId)?.name ?? ''),
    };
  }
  const needle = item.trim().toLowerCase();
  const matches = entries.filter((entry) => entry.name.toLowerCase() === needle);
  const best = matches.find((entry) => entry.published) ?? matches[0];
  return best && withoutFlags(best);
}

function withoutFlags(entry: CatalogEntry): NamedValue {
  return { id: entry.id, name: entry.name, ...(entry.detail ? { detail: entry.detail } : {}) };
}
