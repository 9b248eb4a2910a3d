// The pay-per-kill vocabulary: event types as stored and exported, their labels, settings and the shapes
// the operations return to Discord commands and the CLI.

/** Every PPK event type, exactly as stored and exported. */
export const PPK_EVENT_TYPES = [
  'participant',
  'final_blow',
  'top_damage',
  'tackle',
  'dictor',
  'logi',
  'scout',
  'fc',
] as const;

export type PpkEventType = (typeof PPK_EVENT_TYPES)[number];

/** Recorded from the killmail itself when a kill enters the program. */
export const DERIVED_EVENT_TYPES = [
  'participant',
  'final_blow',
  'top_damage',
] as const satisfies readonly PpkEventType[];

/** What members claim with the buttons (in button order); final_blow and top_damage only come from the killmail or an admin. */
export const CLAIMABLE_EVENT_TYPES = [
  'participant',
  'tackle',
  'dictor',
  'logi',
  'scout',
  'fc',
] as const satisfies readonly PpkEventType[];

export type ClaimableEventType = (typeof CLAIMABLE_EVENT_TYPES)[number];

/** Labels for buttons and rosters. */
export const PPK_EVENT_LABELS: Readonly<Record<PpkEventType, string>> = {
  participant: 'Participant',
  final_blow: 'Final blow',
  top_damage: 'Top damage',
  tackle: 'Tackle',
  dictor: 'Dictor',
  logi: 'Logi',
  scout: 'Scout',
  fc: 'FC',
};

export function isPpkEventType(value: string): value is PpkEventType {
  return (PPK_EVENT_TYPES as readonly string[]).includes(value);
}

export function isClaimableEventType(value: string): value is ClaimableEventType {
  return (CLAIMABLE_EVENT_TYPES as readonly string[]).includes(value);
}

export const DEFAULT_SHARES: Readonly<Record<PpkEventType, number>> = {
  participant: 1,
  final_blow: 1,
  top_damage: 1,
  tackle: 1,
  dictor: 2,
  logi: 2,
  scout: 1,
  fc: 2,
};

/**
 * The ISK behind a kill. `percent`: that percentage of the kill's value, at most `capIsk` when set.
 * `fixed`: `iskPerShare` for every share recorded on the kill.
 */
export type PpkPoolRule =
  { kind: 'percent'; percent: number; capIsk: number | null } | { kind: 'fixed'; iskPerShare: number };

export interface PpkSettings {
  shares: Record<PpkEventType, number>;
  pool: PpkPoolRule;
  /** Claims are open this many days after the kill. */
  claimWindowDays: number;
  /** Besides Manage Server, members with this role administer the program. */
  managerRoleId: string | null;
}

export const DEFAULT_PPK_SETTINGS: PpkSettings = {
  shares: { ...DEFAULT_SHARES },
  pool: { kind: 'percent', percent: 10, capIsk: null },
  claimWindowDays: 7,
  managerRoleId: null,
};

/** A change to the settings; absent fields stay as they are. */
export interface PpkSettingsPatch {
  shares?: Partial<Record<PpkEventType, number>>;
  pool?: PpkPoolRule;
  claimWindowDays?: number;
  managerRoleId?: string | null;
}

/** How an event came to be: from the killmail, claimed by its pilot, or added by an admin. */
export type PpkEventSource = 'derived' | 'claim' | 'admin';

/** unpaid: counts in its period's payout; paid: its period was marked paid; excluded: pays nothing. */
export type PpkEventStatus = 'unpaid' | 'paid' | 'excluded';

/** Why a kill pays nothing (excluded status on its events), or undefined when it pays. */
export type PpkNoPayReason = 'excluded' | 'npc' | 'awox' | 'no_value';

export interface PpkRosterEntry {
  characterId: number;
  characterName: string | undefined;
  /** The member the character was linked to when the event was recorded; null for an admin's unlinked pick. */
  userId: string | null;
  source: PpkEventSource;
}

/** One kill of a guild's program, as its roster message and commands show it. */
export interface PpkKillView {
  guildId: string;
  killmailId: number;
  hash: string;
  killmailTime: Date;
  solarSystemId: number;
  victim: {
    characterId: number | undefined;
    corporationId: number | undefined;
    allianceId: number | undefined;
    shipTypeId: number;
  };
  /** Where the roster message is (message id null until posted). */
  channelId: string;
  messageId: string | null;
  /** zKillboard's value, when the killmail came with one. */
  zkbValue: number | undefined;
  /** An admin's override, when set. */
  valueOverride: number | undefined;
  /** The value the pool is computed from: the override, else zKillboard's. */
  value: number | undefined;
  npc: boolean;
  awox: boolean;
  excluded: { reason: string; byUserId: string; at: Date } | undefined;
  /** Why the kill pays nothing; undefined when it pays. */
  noPayReason: PpkNoPayReason | undefined;
  /** The kill's pool in whole ISK under the current settings (0 when it pays nothing). */
  poolIsk: number;
  claimWindowClosesAt: Date;
  claimWindowOpen: boolean;
  /** Every event type (empty lists included), in PPK_EVENT_TYPES order. */
  roster: Record<PpkEventType, PpkRosterEntry[]>;
  /** Attacker characters on the killmail not linked to anyone in this guild. */
  unlinkedCharacterIds: number[];
}

export interface PpkClaimableCharacter {
  characterId: number;
  characterName: string | undefined;
  onKillmail: boolean;
}

export interface PpkAuditEntry {
  id: number;
  guildId: string;
  killmailId: number | null;
  actorUserId: string;
  action: PpkAuditAction;
  reason: string | null;
  /** What changed, e.g. { characterId, type } or { from, to }. */
  detail: Record<string, unknown>;
  at: Date;
}

export type PpkAuditAction =
  'add_event' | 'remove_event' | 'override_value' | 'exclude' | 'include' | 'settings' | 'mark_paid';

export interface PpkSummaryRow {
  /** Character id (by pilot) or corporation id (by corporation; 0 when unknown). */
  id: number;
  name: string | undefined;
  /** By pilot: the member the character's events were recorded for (the latest), when any. */
  userId: string | null;
  events: number;
  shares: number;
  isk: number;
  paidIsk: number;
  unpaidIsk: number;
}

export interface PpkSummary {
  guildId: string;
  period: string;
  by: 'pilot' | 'corporation';
  from: Date;
  to: Date;
  /** Rows by ISK, highest first. */
  rows: PpkSummaryRow[];
  totals: { kills: number; events: number; isk: number; paidIsk: number; unpaidIsk: number };
  payout: { paidAt: Date; byUserId: string } | undefined;
}

export interface PpkMe {
  guildId: string;
  userId: string;
  period: string;
  rows: PpkSummaryRow[];
  totals: { events: number; isk: number; paidIsk: number; unpaidIsk: number };
}

/** One CSV line of `killtracker ppk export`. */
export interface PpkExportRow {
  killmailId: number;
  killmailTime: Date;
  characterId: number;
  characterName: string | undefined;
  corporationId: number | null;
  discordUserId: string | null;
  event: PpkEventType;
  shares: number;
  isk: number;
  status: PpkEventStatus;
}

export interface PpkPayoutOutcome {
  period: string;
  events: number;
  isk: number;
  paidAt: Date;
}
