// The ESI names module as the rest of the bot uses it.
export { createEsiClient, ESI_COMPATIBILITY_DATE, type EsiClient, type EsiClientOptions } from './client.ts';
export { type Clock, systemClock } from '../../clock.ts';
export { EsiError, EsiUnavailableError, type EsiUnavailableReason } from './errors.ts';
export { createMemoryNameCache, type MemoryNameCache } from './memory-name-cache.ts';
export { createNameResolver, type NameResolver, type NameResolverOptions } from './name-resolver.ts';
export type { EsiAffiliation, EsiIdsByCategory } from './types.ts';
