// Names for the characters, corporations, alliances and factions on a killmail: the cache first,
// then ESI for the rest, never holding an alert longer than a short deadline. Names that arrive
// after the deadline still land in the cache, so the next alert has them.
// (Types, systems and regions come from the SDE, never from here.)
import type { Logger } from '../../log.ts';
import type { EsiClient } from './client.ts';
import { type Clock, systemClock } from '../../clock.ts';
import type { NameCache } from '../../db/name-repository.ts';
import type { EsiName, ResolvedName } from '../../engine/index.ts';

export interface NameResolverOptions {
  esi: Pick<EsiClient, 'names'>;
  cache: NameCache;
  log: Logger;
  /** How long resolve() may wait for ESI before answering with what it has. Default 3 s. */
  deadlineMs?: number;
  /** After ESI failed, go cache-only for this long so a queue of alerts is not slowed. Default 30 s. */
  cooldownAfterFailureMs?: number;
  clock?: Clock;
  /** Told about every failed ESI lookup (the metrics count them). */
  onEsiFailure?: (error: unknown) => void;
}

export interface NameResolver {
  /** Never throws: ids whose names are not known in time are simply absent from the map. */
  resolve(ids: Iterable<number>, options?: { deadlineMs?: number }): Promise<Map<number, ResolvedName>>;
}

export function createNameResolver(options: NameResolverOptions): NameResolver {
  const { esi, cache, log } = options;
  const defaultDeadlineMs = options.deadlineMs ?? 3_000;
  const cooldownMs = options.cooldownAfterFailureMs ?? 30_000;
  const clock = options.clock ?? systemClock;
  /** Lookups under way, by id, so parallel deliveries of one killmail ask ESI once. */
  const inFlight = new Map<number, Promise<Map<number, ResolvedName>>>();
  let esiDownUntil = 0;
  let esiDown = false;

  async function readCache(ids: number[]): Promise<Map<number, ResolvedName>> {
    try {
      return await cache.get(ids);
    } catch (error) {
      log.warn({ err: error }, 'Name cache unreadable; asking ESI for every name');
      return new Map();
    }
  }

  /** Asks ESI once for `ids`; settles with what it learned and never rejects. */
  function lookUp(ids: number[]): Promise<Map<number, ResolvedName>> {
    const lookup = (async () => {
      const found = new Map<number, ResolvedName>();
      let names: EsiName[];
      try {
        names = await esi.names(ids);
      } catch (error) {
        options.onEsiFailure?.(error);
        esiDownUntil = clock.now() + cooldownMs;
        if (!esiDown) {
          esiDown = true;
          log.warn(
            { err: error, retryInMs: cooldownMs },
            'ESI names unavailable: alerts show ids until it answers again',
          );
        }
        return found;
      }
      if (esiDown) {
        esiDown = false;
        log.info('ESI names available again');
      }
      for (const entry of names) found.set(entry.id, { name: entry.name, category: entry.category });
      if (names.length > 0) {
        try {
          await cache.put(names);
        } catch (error) {
          log.warn({ err: error, count: names.length }, 'Could not store names in the cache');
        }
      }
      return found;
    })();
    for (const id of ids) inFlight.set(id, lookup);
    void lookup.finally(() => {
      for (const id of ids) if (inFlight.get(id) === lookup) inFlight.delete(id);
    });
    return lookup;
  }

  return {
    async resolve(input, resolveOptions) {
      const ids = [...new Set(input)].filter((id) => Number.isInteger(id) && id > 0);
      if (ids.length === 0) return new Map();
      // A copy: the cache's map is not ours to fill.
      const result = new Map(await readCache(ids));
      const missing = ids.filter((id) => !result.has(id));
      if (missing.length === 0 || clock.now() < esiDownUntil) return result;

      const lookups = new Set<Promise<Map<number, ResolvedName>>>();
      const fresh: number[] = [];
      for (const id of missing) {
        const pending = inFlight.get(id);
        if (pending) lookups.add(pending);
        else fresh.push(id);
      }
      if (fresh.length > 0) lookups.add(lookUp(fresh));

      const wanted = new Set(missing);
      const merged = Promise.all(
        [...lookups].map(async (lookup) => {
          for (const [id, name] of await lookup) if (wanted.has(id)) result.set(id, name);
        }),
      );
      const deadlineMs = resolveOptions?.deadlineMs ?? defaultDeadlineMs;
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'deadline'>((resolve) => {
        timer = setTimeout(() => resolve('deadline'), deadlineMs);
      });
      const outcome = await Promise.race([merged.then(() => 'done' as const), deadline]);
      clearTimeout(timer);
      if (outcome === 'deadline') {
        log.debug(
          { missing: missing.filter((id) => !result.has(id)).length, deadlineMs },
          'Names late; using ids',
        );
        // Return a copy: the lookups still running must not change what the caller already has.
        return new Map(result);
      }
      return result;
    },
  };
}
