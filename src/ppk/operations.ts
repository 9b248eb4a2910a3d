// What members, admins and the CLI do with a guild's pay-per-kill program, without any Discord reply code:
// enter kills, claim and unclaim events, admin corrections with an audit log, settings, summaries,
// payouts and the export. Refusals are UserErrors whose message the caller shows. Every change runs in
// one transaction that also tells `onKillChanged` (the roster message then re-renders).
import type { Database, Transaction } from '../db/client.ts';
import type { EsiKillmail, ZkbInfo } from '../engine/index.ts';
import type { NameResolver } from '../ingest/esi/name-resolver.ts';
import type { Logger } from '../log.ts';
import type {
  PpkAuditEntry,
  PpkClaimableCharacter,
  PpkEventType,
  PpkExportRow,
  PpkKillView,
  PpkMe,
  PpkPayoutOutcome,
  PpkSettings,
  PpkSettingsPatch,
  PpkSummary,
} from './types.ts';

export * from './types.ts';

/**
 * A killmail to enter: the stored R2Z2 document, or one fetched from ESI (`/killmails/{id}/{hash}/`),
 * which comes without zKillboard's data (no value until an admin overrides it).
 */
export interface PpkKillmailSource {
  killmail_id: number;
  hash: string;
  esi: EsiKillmail;
  zkb?: ZkbInfo | undefined;
}

export interface EnterKillInput {
  guildId: string;
  killmailId: number;
  /** The channel of the roster message. */
  channelId: string;
  /** The roster message, when already posted (an alert, or a repost). */
  messageId?: string | undefined;
  /** The killmail when the caller has it (e.g. fetched from ESI); else it is read from the store. */
  killmail?: PpkKillmailSource | undefined;
}

export interface EnterKillOutcome {
  /** False when the kill was already in this guild's program (nothing recorded again). */
  created: boolean;
  view: PpkKillView;
}

export interface ToggleClaimInput {
  guildId: string;
  killmailId: number;
  userId: string;
  characterId: number;
  type: PpkEventType;
}

export interface AdminEventInput {
  guildId: string;
  killmailId: number;
  characterId: number;
  type: PpkEventType;
  actorUserId: string;
  reason?: string | undefined;
}

export interface AdminKillInput {
  guildId: string;
  killmailId: number;
  actorUserId: string;
  reason?: string | undefined;
}

export interface PpkOperations {
  /**
   * Enters a kill into the guild's program, once: stores its facts and records the derived events
   * (participant, final_blow, top_damage) of attacker characters linked in the guild. Entering it again
   * only moves the roster message when a new `messageId` or channel is given.
   * UserError when the killmail is neither given nor stored.
   */
  enterKill(input: EnterKillInput): Promise<EnterKillOutcome>;
  /** Points the kill's roster at a (re)posted message. UserError when the kill is not in the program. */
  setMessage(input: {
    guildId: string;
    killmailId: number;
    channelId: string;
    messageId: string;
  }): Promise<PpkKillView>;
  /** The kill as the roster shows it; undefined when it is not in this guild's program. */
  killView(guildId: string, killmailId: number): Promise<PpkKillView | undefined>;
  /** The member's linked characters: those on the killmail first, then the rest (link order). */
  claimableCharacters(guildId: string, userId: string, killmailId: number): Promise<PpkClaimableCharacter[]>;
  /**
   * Claims the event for the member's character, or removes it when it is there (toggle). UserError when the
   * member has no linked character, the character is not theirs, the claim window closed, the period is
   * paid, the kill is excluded, or the kill is not in this guild's program.
   */
  toggleClaim(input: ToggleClaimInput): Promise<{ added: boolean; view: PpkKillView }>;
  /** Admin: records an event for any character (linked or not), with an audit entry. */
  addEvent(input: AdminEventInput): Promise<PpkKillView>;
  /** Admin: removes an event, with an audit entry. */
  removeEvent(input: AdminEventInput): Promise<PpkKillView>;
  /** Admin: sets the value the pool is computed from (null: back to zKillboard's), with an audit entry. */
  overrideValue(input: AdminKillInput & { value: number | null }): Promise<PpkKillView>;
  /** Admin: the kill pays nothing (its events stay, excluded). */
  exclude(input: AdminKillInput & { reason: string }): Promise<PpkKillView>;
  /** Admin: undoes an exclusion. */
  include(input: AdminKillInput): Promise<PpkKillView>;
  /** The audit log, newest first; of one kill when `killmailId` is given. */
  audit(guildId: string, killmailId?: number, limit?: number): Promise<PpkAuditEntry[]>;
  getSettings(guildId: string): Promise<PpkSettings>;
  /** Admin: changes settings (validated; UserError on bad values), with an audit entry. */
  setSettings(guildId: string, patch: PpkSettingsPatch, actorUserId: string): Promise<PpkSettings>;
  /** Money of a period (`2026-11` or `2026-W48`) by pilot or by corporation. UserError on a bad period. */
  summary(guildId: string, period: string, by: 'pilot' | 'corporation'): Promise<PpkSummary>;
  /** The member's own characters in a period. */
  me(guildId: string, userId: string, period: string): Promise<PpkMe>;
  /** Admin: marks a period paid; its events are frozen and later claims go to the next unpaid period. */
  markPaid(guildId: string, period: string, actorUserId: string): Promise<PpkPayoutOutcome>;
  /** Every event of kills whose killmail time is within the inclusive UTC days `fromDay`..`toDay` (YYYY-MM-DD). */
  exportRows(guildId: string, fromDay: string, toDay: string): Promise<PpkExportRow[]>;
}

export interface PpkOperationsOptions {
  db: Database;
  log: Logger;
  /** The clock (epoch ms); default Date.now. */
  now?: () => number;
  /** Stored killmails, read when enterKill is given none. */
  killmails?: {
    get(
      killmailId: number,
    ): Promise<{ killmail_id: number; hash: string; esi: EsiKillmail; zkb: ZkbInfo } | undefined>;
  };
  /** Character and corporation names for rosters, summaries and exports; without it names are absent. */
  names?: Pick<NameResolver, 'resolve'>;
  /** Corporation of characters not on the killmail (claims by scouts, FCs...): ESI's affiliation. */
  corporationsOf?: (characterIds: readonly number[]) => Promise<Map<number, number>>;
  /** Called inside every transaction that changed a kill (its roster message must re-render). */
  onKillChanged?: (tx: Transaction, guildId: string, killmailId: number) => Promise<void>;
}

export function createPpkOperations(options: PpkOperationsOptions): PpkOperations {
  void options;
  throw new Error('createPpkOperations: implementation follows in the next commit');
}
