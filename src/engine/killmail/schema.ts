// The zod schema of an R2Z2 killmail document: lean on purpose (it runs on every killmail of the feed),
// checking only what normalization reads and what the database must be able to store. Unknown fields
// are dropped; null optional ids are tolerated.
import { z } from 'zod';
import { findUnstorable, isStorableText, UNSTORABLE_TEXT } from './storable.ts';

/** ESI ids are int32, and the database keeps them in integer columns. */
const id = z.int32();
// ESI omits absent fields, but hand-made files (and some tools) write null: accept it as "absent".
const optionalId = id.nullish();
const optionalNumber = z.number().nullish();
const text = z.string().refine(isStorableText, { error: UNSTORABLE_TEXT, abort: true });

/** Items are stored, never matched on: only what the database needs is checked, to keep parsing cheap. */
const items = z.array(z.unknown()).superRefine((list, context) => {
  const found = findUnstorable(list);
  if (found) context.addIssue({ code: 'custom', message: found.reason, path: found.path });
});

const position = z.object({ x: z.number(), y: z.number(), z: z.number() });

const attacker = z.object({
  alliance_id: optionalId,
  character_id: optionalId,
  corporation_id: optionalId,
  faction_id: optionalId,
  damage_done: z.number(),
  final_blow: z.boolean(),
  // ESI always sends it; hand-made test data sometimes leaves it out, and nothing matches on it.
  security_status: z.number().default(0),
  ship_type_id: optionalId,
  weapon_type_id: optionalId,
});

const victim = z.object({
  alliance_id: optionalId,
  character_id: optionalId,
  corporation_id: optionalId,
  faction_id: optionalId,
  damage_taken: z.number(),
  ship_type_id: id.positive(),
  position: position.nullish(),
  items: items.nullish(),
});

const isoTime = text.refine((value) => !Number.isNaN(Date.parse(value)), {
  error: 'expected an ISO time like 2026-11-21T08:00:00Z',
});

const esi = z.object({
  killmail_id: id.positive(),
  killmail_time: isoTime,
  solar_system_id: id.positive(),
  moon_id: optionalId,
  war_id: optionalId,
  victim,
  attackers: z.array(attacker),
});

const zkb = z.object({
  locationID: optionalNumber,
  hash: text,
  fittedValue: optionalNumber,
  droppedValue: optionalNumber,
  destroyedValue: optionalNumber,
  totalValue: optionalNumber,
  points: optionalNumber,
  npc: z.boolean(),
  solo: z.boolean(),
  awox: z.boolean(),
  labels: z.array(text).nullish(),
  attackerCount: z.int().nonnegative().nullish(),
  href: text.nullish(),
});

export const r2z2DocumentSchema = z.object({
  killmail_id: id.positive(),
  // zKillboard's own API puts the hash only in zkb.hash: accepted, and copied up by the parser.
  hash: text.nullish(),
  esi,
  zkb,
  uploaded_at: z.union([z.number(), text]).nullish(),
  sequence_id: z.int().nullish(),
  sequence_updated: z.int().nullish(),
});

export type ParsedR2z2Document = z.output<typeof r2z2DocumentSchema>;
