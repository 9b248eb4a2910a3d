// Item types, groups and categories from the SDE: what a ship type id or weapon type id is.

/** The category of every ship group (the SDE's "Ship"): what has a 3D render, what a ship class is. */
export const SHIP_CATEGORY_ID = 6;

export interface TypeRecord {
  id: number;
  name: string;
  groupId: number;
  published: boolean;
}

export interface GroupRecord {
  id: number;
  name: string;
  categoryId: number;
  published: boolean;
}

export interface CategoryRecord {
  id: number;
  name: string;
  published: boolean;
}

export interface CatalogData {
  types: readonly TypeRecord[];
  groups: readonly GroupRecord[];
  categories: readonly CategoryRecord[];
}

/** Lookups over the item catalog. Never filters on `published` (Capsule 670 is unpublished). */
export class ItemCatalog {
  private readonly types = new Map<number, TypeRecord>();
  private readonly groups = new Map<number, GroupRecord>();
  private readonly categories = new Map<number, CategoryRecord>();

  constructor(data: CatalogData) {
    for (const type of data.types) this.types.set(type.id, type);
    for (const group of data.groups) this.groups.set(group.id, group);
    for (const category of data.categories) this.categories.set(category.id, category);
  }

  type(id: number): TypeRecord | undefined {
    return this.types.get(id);
  }

  group(id: number): GroupRecord | undefined {
    return this.groups.get(id);
  }

  category(id: number): CategoryRecord | undefined {
    return this.categories.get(id);
  }

  /** The group of a type, or undefined for a type the SDE does not know (newer than the import). */
  groupIdOf(typeId: number): number | undefined {
    return this.types.get(typeId)?.groupId;
  }

  typeName(id: number): string | undefined {
    return this.types.get(id)?.name;
  }

  groupName(id: number): string | undefined {
    return this.groups.get(id)?.name;
  }

  get typeCount(): number {
    return this.types.size;
  }

  allTypes(): IterableIterator<TypeRecord> {
    return this.types.values();
  }

  allGroups(): IterableIterator<GroupRecord> {
    return this.groups.values();
  }
}
