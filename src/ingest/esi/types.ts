// Shape of ESI's name -> id lookup (the id -> name shapes are the engine's, in src/engine/names.ts).

/** POST /universe/ids/: exact names per category key (`characters`, `corporations`, `alliances`, ...). */
export type EsiIdsByCategory = Record<string, Array<{ id: number; name: string }>>;
