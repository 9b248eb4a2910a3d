// Ship and weapon types and groups by name, from the SDE item catalog. Victims are not only ships
// (structures, deployables, orbitals, fighters...), and unpublished types such as the Capsule are real
// victims too, so nothing is hidden for being unpublished: it only sorts after published names.
import type { ItemCatalog, ValueKindsFrom } from '../../../engine/index.ts';
import { type NamedValue, searchByName } from './named-value.ts';

type ItemKind = ValueKindsFrom<'catalog'>;

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

/** What each item kind lists: types or groups, of the ship or the weapon categories. */
const ITEM_KINDS: Readonly<Record<ItemKind, { of: 'types' | 'groups'; categories: ReadonlySet<number> }>> = {
  ship_types: { of: 'types', categories: VICTIM_CATEGORY_IDS },
  ship_groups: { of: 'groups', categories: VICTIM_CATEGORY_IDS },
  weapon_types: { of: 'types', categories: WEAPON_CATEGORY_IDS },
  weapon_groups: { of: 'groups', categories: WEAPON_CATEGORY_IDS },
};

interface CatalogEntry extends NamedValue {
  id: number;
  published: boolean;
  categoryId: number;
}

type ItemIndex = Record<ItemKind, CatalogEntry[]>;

const indexes = new WeakMap<ItemCatalog, ItemIndex>();

function itemIndex(catalog: ItemCatalog): ItemIndex {
  const cached = indexes.get(catalog);
  if (cached) return cached;
  const groups: CatalogEntry[] = [];
  for (const group of catalog.allGroups()) {
    const category = catalog.category(group.categoryId);
    groups.push({
      id: group.id,
      name: group.name,
      published: group.published,
      categoryId: group.categoryId,
      ...(category ? { detail: category.name } : {}),
    });
  }
  const types: CatalogEntry[] = [];
  for (const type of catalog.allTypes()) {
    const group = catalog.group(type.groupId);
    if (!group) continue;
    types.push({
      id: type.id,
      name: type.name,
      published: type.published,
      categoryId: group.categoryId,
      detail: group.name,
    });
  }
  const listed = (kind: ItemKind) => {
    const { of, categories } = ITEM_KINDS[kind];
    return (of === 'types' ? types : groups).filter((entry) => categories.has(entry.categoryId));
  };
  const index: ItemIndex = {
    ship_types: listed('ship_types'),
    ship_groups: listed('ship_groups'),
    weapon_types: listed('weapon_types'),
    weapon_groups: listed('weapon_groups'),
  };
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
    const { of, categories } = ITEM_KINDS[kind];
    const isType = of === 'types';
    const group = isType ? catalog.group(catalog.type(id)?.groupId ?? -1) : catalog.group(id);
    if (!group) return { id, name: `#${id}` };
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
