// Where the values of each list kind come from, as its value kind's input says: the universe (places),
// the SDE catalog (ships and weapons), known names plus ESI (alliances, corporations, pilots,
// factions), or the guild's roles.
import { type ListValueKind, valueInputOf } from '../../../engine/index.ts';
import type { BotContext } from '../../contract.ts';
import {
  type EntityKind,
  findKnownEntity,
  lookUpExactNames,
  SAVE_ESI_DEADLINE_MS,
  searchEntities,
} from './entities.ts';
import { findItem, searchItems } from './items.ts';
import { isDigits, withoutDetail } from './list-items.ts';
import type { NamedValue } from './named-value.ts';
import { findPlace, searchPlaces } from './places.ts';
import { findRole, type GuildRole, searchRoles } from './roles.ts';

export interface SourceOptions {
  /** The guild's roles (from the interaction), for the *_roles clauses. */
  roles?: readonly GuildRole[];
  /** Called once before the first ESI request, e.g. to defer the interaction while ESI answers. */
  beforeRemoteLookup?: () => Promise<void>;
}

interface ValueSource {
  /** Values whose names start with, then contain, the text. `remote: false` skips ESI. */
  search(text: string, limit: number, options?: { remote?: boolean }): Promise<NamedValue[]>;
  /**
   * Each typed item (an id, a name, or an autocomplete choice's text) -> its value, or undefined when
   * nothing has that name. `remote: false` keeps to local data (no ESI), for autocomplete.
   * Throws EsiLookupUnavailableError when a name needs ESI and ESI does not answer.
   */
  resolve(items: readonly string[], options?: { remote?: boolean }): Promise<Array<NamedValue | undefined>>;
}

/** Tries the item as typed, then without a "(detail)" an autocomplete choice added. */
function withDetailFallback(find: (item: string) => NamedValue | undefined) {
  return (item: string) => {
    const found = find(item);
    if (found) return found;
    const bare = withoutDetail(item);
    return bare === undefined ? undefined : find(bare);
  };
}

function localSource(
  search: (text: string, limit: number) => NamedValue[],
  find: (item: string) => NamedValue | undefined,
): ValueSource {
  const findItem = withDetailFallback(find);
  return {
    search: async (text, limit) => search(text, limit),
    resolve: async (items) => items.map(findItem),
  };
}

/** The source of a list kind's values, as its value kind's input names it. */
export function valueSource(
  ctx: BotContext,
  guildId: string,
  kind: ListValueKind,
  options: SourceOptions = {},
): ValueSource {
  const typed = valueInputOf(kind);
  switch (typed.input) {
    case 'roles': {
      const roles = options.roles ?? [];
      return localSource(
        (text, limit) => searchRoles(roles, guildId, text, limit),
        (item) => findRole(roles, guildId, item),
      );
    }
    case 'universe': {
      const { universe } = ctx.world();
      return localSource(
        (text, limit) => searchPlaces(universe, typed.kind, text, limit),
        (item) => findPlace(universe, typed.kind, item),
      );
    }
    case 'catalog': {
      const { catalog } = ctx.world();
      return localSource(
        (text, limit) => searchItems(catalog, typed.kind, text, limit),
        (item) => findItem(catalog, typed.kind, item),
      );
    }
    case 'entities':
      return entitySource(ctx, typed.kind, options);
    case 'whole_number':
    case 'decimal':
    case 'isk':
    case 'flag':
      throw new Error(`${kind} values are not a list`);
  }
}

function entitySource(ctx: BotContext, kind: EntityKind, options: SourceOptions): ValueSource {
  let prepared = false;
  return {
    search: (text, limit, searchOptions = {}) => searchEntities(ctx, kind, text, limit, searchOptions),
    async resolve(items, resolveOptions = {}) {
      const found: Array<NamedValue | undefined> = [];
      const cached = await ctx.names.get(items.filter(isDigits).map(Number).filter(Number.isSafeInteger));
      for (const item of items) {
        if (isDigits(item)) {
          const id = Number(item);
          const name = cached.get(id)?.name ?? `#${id}`;
          found.push(Number.isSafeInteger(id) && id > 0 ? { id, name } : undefined);
        } else {
          const bare = withoutDetail(item);
          found.push(
            (await findKnownEntity(ctx, kind, item)) ??
              (bare === undefined ? undefined : await findKnownEntity(ctx, kind, bare)),
          );
        }
      }
      const missing = items.filter((item, index) => found[index] === undefined && !isDigits(item));
      if (missing.length === 0 || resolveOptions.remote === false) return found;
      if (!prepared) {
        prepared = true;
        await options.beforeRemoteLookup?.();
      }
      const remote = await lookUpExactNames(ctx, kind, missing, SAVE_ESI_DEADLINE_MS);
      return items.map(
        (item, index) =>
          found[index] ?? remote.find((entry) => entry.name.toLowerCase() === item.trim().toLowerCase()),
      );
    },
  };
}
