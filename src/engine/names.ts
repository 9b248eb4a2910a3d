// Names of EVE entities as ESI's /universe/names/ gives them: what the name cache stores and the
// alerts and autocomplete read.

/** What ESI's /universe/names/ says an id is. Unknown future categories pass through as strings. */
export type EsiNameCategory =
  | 'alliance'
  | 'character'
  | 'constellation'
  | 'corporation'
  | 'inventory_type'
  | 'region'
  | 'solar_system'
  | 'station'
  | 'faction'
  | (string & {});

/** One answer of POST /universe/names/. */
export interface EsiName {
  id: number;
  name: string;
  category: EsiNameCategory;
}

/** A name as callers use it, keyed by id in the resolver's result. */
export interface ResolvedName {
  name: string;
  category: EsiNameCategory;
}
