// The money of kills and their events from the stored rows: unpaid events under the current settings,
// paid ones as their payout froze them. NPC kills, awox kills, excluded kills and kills without a value
// pay nothing: their events stay (and are listed) with status `excluded` and 0 ISK.
import type { PpkEventRow, PpkKillRow, PpkSettingsRow } from '../db/ppk-repository.ts';
import { eventIsk, noPayReason, poolMicroIsk, wholeIsk } from './money.ts';
import {
  DEFAULT_PPK_SETTINGS,
  isPpkEventType,
  type PpkEventStatus,
  type PpkEventType,
  type PpkNoPayReason,
  type PpkSettings,
} from './types.ts';

export interface PricedEvent {
  row: PpkEventRow;
  type: PpkEventType;
  shares: number;
  isk: number;
  status: PpkEventStatus;
}

export interface PricedKill {
  kill: PpkKillRow;
  value: number | undefined;
  noPay: PpkNoPayReason | undefined;
  /** The pool under the current settings, whole ISK (0 when the kill pays nothing). */
  poolIsk: number;
  events: PricedEvent[];
}

export function settingsFromRow(row: PpkSettingsRow | undefined): PpkSettings {
  if (!row) return structuredClone(DEFAULT_PPK_SETTINGS);
  const shares = { ...DEFAULT_PPK_SETTINGS.shares };
  for (const [type, count] of Object.entries(row.shares)) if (isPpkEventType(type)) shares[type] = count;
  return {
    shares,
    pool:
      row.poolKind === 'fixed'
        ? { kind: 'fixed', iskPerShare: row.iskPerShare ?? 0 }
        : { kind: 'percent', percent: row.percent, capIsk: row.capIsk },
    claimWindowDays: row.claimWindowDays,
    managerRoleId: row.managerRoleId,
  };
}

export function killValue(kill: PpkKillRow): number | undefined {
  return kill.valueOverride ?? kill.zkbValue ?? undefined;
}

export function killNoPayReason(kill: PpkKillRow): PpkNoPayReason | undefined {
  return noPayReason({
    excluded: kill.excludedAt !== null,
    npc: kill.npc,
    awox: kill.awox,
    value: killValue(kill),
  });
}

/** Prices one kill from all of its events (the pool is split among every event of the kill). */
export function priceKill(
  kill: PpkKillRow,
  events: readonly PpkEventRow[],
  settings: PpkSettings,
): PricedKill {
  const value = killValue(kill);
  const noPay = killNoPayReason(kill);
  const known = events.filter((row): row is PpkEventRow & { type: PpkEventType } => isPpkEventType(row.type));
  const sharesOf = (row: PpkEventRow & { type: PpkEventType }) =>
    row.paidStatus === null
      ? settings.shares[row.type]
      : row.paidStatus === 'paid'
        ? (row.paidShares ?? 0)
        : 0;
  const totalShares = known.reduce((sum, row) => sum + sharesOf(row), 0);
  const pool =
    noPay === undefined && value !== undefined ? poolMicroIsk(settings.pool, value, totalShares) : 0n;
  const priced = known.map((row): PricedEvent => {
    if (row.paidStatus !== null) {
      return {
        row,
        type: row.type,
        shares: row.paidShares ?? 0,
        isk: row.paidIsk ?? 0,
        status: row.paidStatus === 'paid' ? 'paid' : 'excluded',
      };
    }
    const shares = settings.shares[row.type];
    if (noPay !== undefined) return { row, type: row.type, shares, isk: 0, status: 'excluded' };
    return { row, type: row.type, shares, isk: eventIsk(pool, shares, totalShares), status: 'unpaid' };
  });
  return { kill, value, noPay, poolIsk: wholeIsk(pool), events: priced };
}

/** Prices many kills; `events` may hold events of other kills (they are grouped by killmail id). */
export function priceKills(
  kills: readonly PpkKillRow[],
  events: readonly PpkEventRow[],
  settings: PpkSettings,
): PricedKill[] {
  const byKill = new Map<number, PpkEventRow[]>();
  for (const row of events) {
    const list = byKill.get(row.killmailId);
    if (list) list.push(row);
    else byKill.set(row.killmailId, [row]);
  }
  return kills.map((kill) => priceKill(kill, byKill.get(kill.killmailId) ?? [], settings));
}
