// Killmail shapes: the R2Z2 document as received, and the normalized form every clause reads.
import type { SpaceClass } from '../universe/types.ts';

export interface EsiAttacker {
  alliance_id?: number;
  character_id?: number;
  corporation_id?: number;
  faction_id?: number;
  damage_done: number;
  final_blow: boolean;
  security_status: number;
  ship_type_id?: number;
  weapon_type_id?: number;
}

export interface EsiVictim {
  alliance_id?: number;
  character_id?: number;
  corporation_id?: number;
  faction_id?: number;
  damage_taken: number;
  ship_type_id: number;
  position?: { x: number; y: number; z: number };
  items?: unknown[];
}

export interface EsiKillmail {
  killmail_id: number;
  killmail_time: string;
  solar_system_id: number;
  moon_id?: number;
  war_id?: number;
  victim: EsiVictim;
  attackers: EsiAttacker[];
}

export interface ZkbInfo {
  locationID?: number;
  hash: string;
  fittedValue?: number;
  droppedValue?: number;
  destroyedValue?: number;
  totalValue?: number;
  points?: number;
  npc: boolean;
  solo: boolean;
  awox: boolean;
  labels?: string[];
  attackerCount?: number;
  href?: string;
}

/** One document of zKillboard's R2Z2 feed. */
export interface R2z2Document {
  killmail_id: number;
  hash: string;
  esi: EsiKillmail;
  zkb: ZkbInfo;
  uploaded_at?: number | string;
  sequence_id?: number;
  sequence_updated?: number;
}

/** A party to a killmail (victim or attacker) after normalization; absent ids are undefined. */
export interface Party {
  characterId: number | undefined;
  corporationId: number | undefined;
  allianceId: number | undefined;
  factionId: number | undefined;
  shipTypeId: number | undefined;
  /** From the SDE; undefined when the ship type is absent or unknown. */
  shipGroupId: number | undefined;
}

export interface AttackerInfo extends Party {
  weaponTypeId: number | undefined;
  weaponGroupId: number | undefined;
  damageDone: number;
  finalBlow: boolean;
  securityStatus: number;
}

export interface VictimInfo extends Party {
  shipTypeId: number;
  damageTaken: number;
}

/** The normalized killmail: computed once, read by every compiled tracker. */
export interface Killmail {
  id: number;
  hash: string;
  /** Kill time, epoch milliseconds. */
  time: number;
  solarSystemId: number;
  constellationId: number | undefined;
  regionId: number | undefined;
  spaceClass: SpaceClass;
  moonId: number | undefined;
  warId: number | undefined;
  victim: VictimInfo;
  attackers: readonly AttackerInfo[];
  /** All attackers, NPCs included (the ESI list length; zkb.attackerCount when larger). */
  attackerCount: number;
  attackerCharacterIds: ReadonlySet<number>;
  attackerCorporationIds: ReadonlySet<number>;
  attackerAllianceIds: ReadonlySet<number>;
  attackerFactionIds: ReadonlySet<number>;
  attackerShipTypeIds: ReadonlySet<number>;
  attackerShipGroupIds: ReadonlySet<number>;
  attackerWeaponTypeIds: ReadonlySet<number>;
  attackerWeaponGroupIds: ReadonlySet<number>;
  finalBlow: AttackerInfo | undefined;
  topDamage: AttackerInfo | undefined;
  /** zkb.totalValue in ISK; undefined when zKillboard gave none. */
  value: number | undefined;
  points: number | undefined;
  npc: boolean;
  solo: boolean;
  awox: boolean;
  war: boolean;
  labels: readonly string[];
  /** The document as received, for storage and re-normalization. */
  document: R2z2Document;
}
