// Shapes of ESI's name lookups and of the name cache the resolver reads before asking ESI.

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

/** One answer of POST /characters/affiliation/. */
export interface EsiAffiliation {
  character_id: number;
  corporation_id: number;
  alliance_id?: number | undefined;
  faction_id?: number | undefined;
}

/** POST /universe/ids/: exact names per category key (`characters`, `corporations`, `alliances`, ...). */
export type EsiIdsByCategory = Record<string, Array<{ id: number; name: string }>>;

/** Where resolved names are kept between alerts (a table in production, a Map in tests). */
export interface NameCache {
  get(ids: readonly number[]): Promise<Map<number, ResolvedName>>;
  put(entries: readonly EsiName[]): Promise<void>;
}
