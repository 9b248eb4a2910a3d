// Public API of the EVE world the engine matches in: the map (systems, gates, jumps, light years), the
// item catalog, and the SDE build both are read from.
export {
  type CatalogData,
  type CategoryRecord,
  type GroupRecord,
  ItemCatalog,
  SHIP_CATEGORY_ID,
  type TypeRecord,
} from '../catalog.ts';
export type { SdeData } from './sde-data.ts';
export type * from './types.ts';
export { createUniverse, METRES_PER_LIGHT_YEAR, type UniverseOptions } from './universe.ts';
