// Shapes of ESI's answers that only ingest reads: name -> id lookups and character affiliations (the
// id -> name shapes are the engine's, in src/engine/names.ts).

/** One answer of POST /characters/affiliation/. */
export interface EsiAffiliation {
  character_id: number;
  corporation_id: number;
  alliance_id?: number | undefined;
  faction_id?: number | undefined;
}

/** POST /universe/ids/: exact names per category key (`characters`, `corporations`, `alliances`, ...). */
export type EsiIdsByCategory = Record<string, Array<{ id: number; name: string }>>;
