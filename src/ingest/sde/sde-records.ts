// One parser per SDE file: takes the fields the bot needs from a JSONL record, ignores the rest.
import type {
  CategoryRecord,
  ConstellationRecord,
  GroupRecord,
  RegionRecord,
  SolarSystemRecord,
  TypeRecord,
} from '../../engine/universe/index.ts';

export type JsonObject = Record<string, unknown>;

/** A record that lacks a field the bot needs; the caller adds the file and line. */
export class FieldProblem extends Error {}

function at(record: JsonObject, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as JsonObject)[key];
  }
  return value;
}

function problem(path: string, expected: string, value: unknown): FieldProblem {
  if (value === undefined) return new FieldProblem(`missing "${path}" (${expected})`);
  const shown = JSON.stringify(value) ?? String(value);
  return new FieldProblem(`"${path}" should be ${expected}, found ${shown.slice(0, 60)}`);
}

function wholeNumber(record: JsonObject, path: string): number {
  const value = at(record, path);
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw problem(path, 'a whole number', value);
  return value;
}

function finiteNumber(record: JsonObject, path: string): number {
  const value = at(record, path);
  if (typeof value !== 'number' || !Number.isFinite(value)) throw problem(path, 'a number', value);
  return value;
}

function flag(record: JsonObject, path: string): boolean {
  const value = at(record, path);
  if (typeof value !== 'boolean') throw problem(path, 'true or false', value);
  return value;
}

function englishName(record: JsonObject): string {
  const value = at(record, 'name.en');
  if (typeof value !== 'string') throw problem('name.en', 'a text', value);
  return value;
}

export interface SdeBuild {
  buildNumber: number;
  releaseDate: string | null;
}

/** `_sde.jsonl` / `latest.jsonl`: `{"_key":"sde","buildNumber":N,"releaseDate":"..."}`. */
export function parseBuild(record: JsonObject): SdeBuild {
  const buildNumber = wholeNumber(record, 'buildNumber');
  if (buildNumber <= 0) throw problem('buildNumber', 'a positive whole number', buildNumber);
  const releaseDate = record.releaseDate;
  return { buildNumber, releaseDate: typeof releaseDate === 'string' ? releaseDate : null };
}

export function parseRegion(record: JsonObject): RegionRecord {
  return { id: wholeNumber(record, '_key'), name: englishName(record) };
}

export function parseConstellation(record: JsonObject): ConstellationRecord {
  return {
    id: wholeNumber(record, '_key'),
    name: englishName(record),
    regionId: wholeNumber(record, 'regionID'),
  };
}

export function parseSolarSystem(record: JsonObject): SolarSystemRecord {
  return {
    id: wholeNumber(record, '_key'),
    name: englishName(record),
    constellationId: wholeNumber(record, 'constellationID'),
    regionId: wholeNumber(record, 'regionID'),
    security: finiteNumber(record, 'securityStatus'),
    x: finiteNumber(record, 'position.x'),
    y: finiteNumber(record, 'position.y'),
    z: finiteNumber(record, 'position.z'),
  };
}

/** One directed gate as the undirected edge [smaller system id, larger system id]. */
export function parseStargate(record: JsonObject): readonly [number, number] {
  const from = wholeNumber(record, 'solarSystemID');
  const to = wholeNumber(record, 'destination.solarSystemID');
  return from < to ? [from, to] : [to, from];
}

export function parseType(record: JsonObject): TypeRecord {
  return {
    id: wholeNumber(record, '_key'),
    name: englishName(record),
    groupId: wholeNumber(record, 'groupID'),
    published: flag(record, 'published'),
  };
}

export function parseGroup(record: JsonObject): GroupRecord {
  return {
    id: wholeNumber(record, '_key'),
    name: englishName(record),
    categoryId: wholeNumber(record, 'categoryID'),
    published: flag(record, 'published'),
  };
}

export function parseCategory(record: JsonObject): CategoryRecord {
  return { id: wholeNumber(record, '_key'), name: englishName(record), published: flag(record, 'published') };
}
