// A hand-written twin of the zod schema (schema.ts) for the documents the feed sends every second: checks
// and copies them field by field several times faster than zod on a big fight. It answers only when sure:
// anything unusual (a wrong type, a null where zod would reject it) gets undefined, and zod then decides
// and words the error. Whatever it accepts, zod accepts, and the document is the one the zod path builds
// (schema key order, unknown keys and null optional keys dropped, defaults filled in).
import { findUnstorable, INT32_MAX, INT32_MIN, isStorableText } from './storable.ts';
import type { EsiAttacker, EsiKillmail, EsiVictim, R2z2Document, ZkbInfo } from './types.ts';

type Source = Record<string, unknown>;

/** Thrown inside the reader to give up on the fast path; never escapes it. */
const GIVE_UP: unique symbol = Symbol('give up');

function record(value: unknown): Source {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw GIVE_UP;
  return value as Source;
}

function isInt(value: unknown): value is number {
  return Number.isSafeInteger(value);
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function int(value: unknown): number {
  if (!isInt(value)) throw GIVE_UP;
  return value;
}

/** An ESI id: int32, like the database's integer columns. */
function id(value: unknown): number {
  if (!isInt(value) || value < INT32_MIN || value > INT32_MAX) throw GIVE_UP;
  return value;
}

function positiveId(value: unknown): number {
  if (id(value) <= 0) throw GIVE_UP;
  return value as number;
}

function number(value: unknown): number {
  if (!isNumber(value)) throw GIVE_UP;
  return value;
}

function string(value: unknown): string {
  if (typeof value !== 'string' || !isStorableText(value)) throw GIVE_UP;
  return value;
}

function boolean(value: unknown): boolean {
  if (typeof value !== 'boolean') throw GIVE_UP;
  return value;
}

/**
 * Copies an optional (nullish) key the way the zod path does: absent or null stays absent (a key present
 * but undefined stays so), anything else must pass `check`.
 */
function copyNullish<T>(target: Source, source: Source, key: string, check: (value: unknown) => T): void {
  const value = source[key];
  if (value === undefined) {
    if (key in source) target[key] = undefined;
  } else if (value !== null) {
    target[key] = check(value);
  }
}

function attacker(value: unknown): EsiAttacker {
  const source = record(value);
  const securityStatus = source.security_status;
  const copy: Source = {};
  copyNullish(copy, source, 'alliance_id', id);
  copyNullish(copy, source, 'character_id', id);
  copyNullish(copy, source, 'corporation_id', id);
  copyNullish(copy, source, 'faction_id', id);
  copy.damage_done = number(source.damage_done);
  copy.final_blow = boolean(source.final_blow);
  copy.security_status = securityStatus === undefined ? 0 : number(securityStatus);
  copyNullish(copy, source, 'ship_type_id', id);
  copyNullish(copy, source, 'weapon_type_id', id);
  return copy as unknown as EsiAttacker;
}

function position(value: unknown): { x: number; y: number; z: number } {
  const source = record(value);
  return { x: number(source.x), y: number(source.y), z: number(source.z) };
}

function items(value: unknown): unknown[] {
  if (!Array.isArray(value) || findUnstorable(value) !== undefined) throw GIVE_UP;
  return [...(value as unknown[])];
}

function victim(value: unknown): EsiVictim {
  const source = record(value);
  const copy: Source = {};
  copyNullish(copy, source, 'alliance_id', id);
  copyNullish(copy, source, 'character_id', id);
  copyNullish(copy, source, 'corporation_id', id);
  copyNullish(copy, source, 'faction_id', id);
  copy.damage_taken = number(source.damage_taken);
  copy.ship_type_id = positiveId(source.ship_type_id);
  copyNullish(copy, source, 'position', position);
  copyNullish(copy, source, 'items', items);
  return copy as unknown as EsiVictim;
}

function isoTime(value: unknown): string {
  const text = string(value);
  if (Number.isNaN(Date.parse(text))) throw GIVE_UP;
  return text;
}

function esi(value: unknown): EsiKillmail {
  const source = record(value);
  const copy: Source = {};
  copy.killmail_id = positiveId(source.killmail_id);
  copy.killmail_time = isoTime(source.killmail_time);
  copy.solar_system_id = positiveId(source.solar_system_id);
  copyNullish(copy, source, 'moon_id', id);
  copyNullish(copy, source, 'war_id', id);
  copy.victim = victim(source.victim);
  const attackers = source.attackers;
  if (!Array.isArray(attackers)) throw GIVE_UP;
  const copies = new Array<EsiAttacker>(attackers.length);
  for (let i = 0; i < attackers.length; i++) copies[i] = attacker(attackers[i]);
  copy.attackers = copies;
  return copy as unknown as EsiKillmail;
}

function labels(value: unknown): string[] {
  if (!Array.isArray(value)) throw GIVE_UP;
  // An index loop, not map(): map() would skip holes that zod rejects.
  const copies = new Array<string>(value.length);
  for (let i = 0; i < value.length; i++) copies[i] = string(value[i]);
  return copies;
}

function nonnegativeInt(value: unknown): number {
  if (!isInt(value) || value < 0) throw GIVE_UP;
  return value;
}

function zkb(value: unknown): ZkbInfo {
  const source = record(value);
  const copy: Source = {};
  copyNullish(copy, source, 'locationID', number);
  copy.hash = string(source.hash);
  copyNullish(copy, source, 'fittedValue', number);
  copyNullish(copy, source, 'droppedValue', number);
  copyNullish(copy, source, 'destroyedValue', number);
  copyNullish(copy, source, 'totalValue', number);
  copyNullish(copy, source, 'points', number);
  copy.npc = boolean(source.npc);
  copy.solo = boolean(source.solo);
  copy.awox = boolean(source.awox);
  copyNullish(copy, source, 'labels', labels);
  copyNullish(copy, source, 'attackerCount', nonnegativeInt);
  copyNullish(copy, source, 'href', string);
  return copy as unknown as ZkbInfo;
}

function numberOrString(value: unknown): number | string {
  if (typeof value === 'string') return string(value);
  return number(value);
}

/**
 * The document parseKillmailDocument returns (before its killmail id check), or undefined when zod has to
 * look (it may reject it).
 */
export function readDocumentFast(value: unknown): R2z2Document | undefined {
  try {
    const source = record(value);
    const copy: Source = {};
    copy.killmail_id = positiveId(source.killmail_id);
    copyNullish(copy, source, 'hash', string);
    copy.esi = esi(source.esi);
    const zkbInfo = zkb(source.zkb);
    copy.zkb = zkbInfo;
    copyNullish(copy, source, 'uploaded_at', numberOrString);
    copyNullish(copy, source, 'sequence_id', int);
    copyNullish(copy, source, 'sequence_updated', int);
    // zKillboard's own API puts the hash only in zkb.hash: copied up (last, as the zod path places it).
    if (copy.hash === undefined) copy.hash = zkbInfo.hash;
    return copy as unknown as R2z2Document;
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}
