// A NameCache kept in a Map: for tests and for running without a database.
import type { NameCache } from '../../db/name-repository.ts';
import type { EsiName, ResolvedName } from '../../engine/index.ts';

export interface MemoryNameCache extends NameCache {
  readonly size: number;
  has(id: number): boolean;
}

export function createMemoryNameCache(initial: Iterable<EsiName> = []): MemoryNameCache {
  const names = new Map<number, ResolvedName>();
  const store = (entry: EsiName) => names.set(entry.id, { name: entry.name, category: entry.category });
  for (const entry of initial) store(entry);
  return {
    async get(ids) {
      const found = new Map<number, ResolvedName>();
      for (const id of ids) {
        const name = names.get(id);
        if (name) found.set(id, { ...name });
      }
      return found;
    },
    async put(entries) {
      for (const entry of entries) store(entry);
    },
    get size() {
      return names.size;
    },
    has(id) {
      return names.has(id);
    },
  };
}
