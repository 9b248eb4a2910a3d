// The zod schema of an R2Z2 killmail document: lean on purpose (it runs on every killmail of the feed),
// checking only what normalization reads. Unknown fields are dropped; null optional ids are tolerated.
import { z } from 'zod';

// ESI omits absent fields, but hand-made files (and some tools) write null: accept it as "absent".
const optionalId = z.int().nullish();
const optionalNumber = z.number().nullish();

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
  ship_type_id: z.int().positive(),
  position: position.nullish(),
  // Items are stored, never matched on: their contents are left unchecked to keep parsing cheap.
  items: z.array(z.unknown()).nullish(),
});

const isoTime = z.string().refine((text) => !Number.isNaN(Date.parse(text)), {
  error: 'expected an ISO time like 2026-11-21T08:00:00Z',
});

const esi = z.object({
  killmail_id: z.int().positive(),
  killmail_time: isoTime,
  solar_system_id: z.int().positive(),
  moon_id: optionalId,
  war_id: optionalId,
  victim,
  attackers: z.array(attacker),
});

const zkb = z.object({
  locationID: optionalNumber,
  hash: z.string(),
  fittedValue: optionalNumber,
  droppedValue: optionalNumber,
  destroyedValue: optionalNumber,
  totalValue: optionalNumber,
  points: optionalNumber,
  npc: z.boolean(),
  solo: z.boolean(),
  awox: z.boolean(),
  labels: z.array(z.string()).nullish(),
  attackerCount: z.int().nonnegative().nullish(),
  href: z.string().nullish(),
});

export const r2z2DocumentSchema = z.object({
  killmail_id: z.int().positive(),
  // zKillboard's own API puts the hash only in zkb.hash: accepted, and copied up by the parser.
  hash: z.string().nullish(),
  esi,
  zkb,
  uploaded_at: z.union([z.number(), z.string()]).nullish(),
  sequence_id: z.int().nullish(),
  sequence_updated: z.int().nullish(),
});

export type ParsedR2z2Document = z.output<typeof r2z2DocumentSchema>;
