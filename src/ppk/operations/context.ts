// What every pay-per-kill operation shares: the options it was built with, settings and kill lookups that
// refuse kills outside the program, booking times past paid periods, the audit entry, names, and the kill
// as the roster shows it.
import type { Database, Transaction } from '../../db/client.ts';
import {
  findPpkKill,
  findPpkSettings,
  insertPpkAudit,
  linkedOwners,
  lockPpkPayouts,
  type PpkExecutor,
  type PpkKillRow,
  ppkEventsOfKills,
  ppkPayoutsOf,
} from '../../db/ppk-repository.ts';
import type { EsiKillmail, ZkbInfo } from '../../engine/index.ts';
import type { NameResolver } from '../../ingest/esi/name-resolver.ts';
import type { Logger } from '../../log.ts';
import { UserError } from '../../user-error.ts';
import { priceKill, settingsFromRow } from '../ledger.ts';
import {
  PPK_EVENT_TYPES,
  type PpkAuditAction,
  type PpkEventSource,
  type PpkEventType,
  type PpkKillView,
  type PpkRosterEntry,
  type PpkSettings,
} from '../types.ts';

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

export interface PpkAuditInput {
  guildId: string;
  killmailId: number | null;
  actorUserId: string;
  action: PpkAuditAction;
  reason?: string | undefined;
  detail: Record<string, unknown>;
}

export type PpkContext = ReturnType<typeof createPpkContext>;

export const NOT_IN_PROGRAM =
  "That kill is not in this server's pay-per-kill program. Post it with /ppk post (or the message command Add PPK buttons) first.";
export const PAID_PERIOD =
  'That event is in a period already marked paid (/ppk paid): it can no longer change.';
const DAY_MS = 86_400_000;

export function claimWindowClosesAt(kill: PpkKillRow, settings: PpkSettings): Date {
  return new Date(kill.killmailTime.getTime() + settings.claimWindowDays * DAY_MS);
}

export function createPpkContext(options: PpkOperationsOptions) {
  const { db, log } = options;
  const now = options.now ?? Date.now;

  async function loadSettings(ex: PpkExecutor, guildId: string): Promise<PpkSettings> {
    return settingsFromRow(await findPpkSettings(ex, guildId));
  }

  async function requireKill(ex: PpkExecutor, guildId: string, killmailId: number, lock: boolean) {
    const kill = await findPpkKill(ex, guildId, killmailId, lock);
    if (!kill) throw new UserError(NOT_IN_PROGRAM);
    return kill;
  }

  /**
   * When an event recorded now counts: its kill's time, unless a payout covers it; then the first moment
   * after the payouts that follow one another from there (the next unpaid period).
   */
  async function bookingTime(tx: Transaction, guildId: string, killmailTime: Date): Promise<Date> {
    await lockPpkPayouts(tx, guildId, 'shared');
    const payouts = await ppkPayoutsOf(tx, guildId);
    let at = killmailTime.getTime();
    for (let moved = true; moved;) {
      moved = false;
      for (const payout of payouts) {
        if (payout.startsAt.getTime() <= at && at < payout.endsAt.getTime()) {
          at = payout.endsAt.getTime();
          moved = true;
        }
      }
    }
    return new Date(at);
  }

  async function killChanged(tx: Transaction, guildId: string, killmailId: number): Promise<void> {
    await options.onKillChanged?.(tx, guildId, killmailId);
  }

  /** The corporation of a character on a kill: from the killmail, else ESI's affiliation (unknown: null). */
  async function corporationOf(kill: PpkKillRow, characterId: number): Promise<number | null> {
    const attacker = kill.attackers.find((entry) => entry.characterId === characterId);
    if (attacker) return attacker.corporationId ?? null;
    if (!options.corporationsOf) return null;
    try {
      return (await options.corporationsOf([characterId])).get(characterId) ?? null;
    } catch (error) {
      log.debug({ err: error, character: characterId }, 'corporation of a PPK character unknown');
      return null;
    }
  }

  async function namesOf(ids: Iterable<number>): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    if (!options.names || unique.length === 0) return new Map();
    const resolved = await options.names.resolve(unique);
    return new Map([...resolved].map(([id, entry]) => [id, entry.name]));
  }

  async function buildView(kill: PpkKillRow): Promise<PpkKillView> {
    const [events, settings] = await Promise.all([
      ppkEventsOfKills(db, kill.guildId, [kill.killmailId]),
      loadSettings(db, kill.guildId),
    ]);
    const priced = priceKill(kill, events, settings);
    const owners = await linkedOwners(
      db,
      kill.guildId,
      kill.attackers.map((attacker) => attacker.characterId),
    );
    const names = await namesOf(events.map((row) => row.characterId));
    const roster = Object.fromEntries(
      PPK_EVENT_TYPES.map((type) => [type, [] as PpkRosterEntry[]]),
    ) as Record<PpkEventType, PpkRosterEntry[]>;
    for (const event of priced.events) {
      roster[event.type].push({
        characterId: event.row.characterId,
        characterName: names.get(event.row.characterId),
        userId: event.row.userId,
        source: event.row.source as PpkEventSource,
      });
    }
    const closesAt = claimWindowClosesAt(kill, settings);
    return {
      guildId: kill.guildId,
      killmailId: kill.killmailId,
      hash: kill.hash,
      killmailTime: kill.killmailTime,
      solarSystemId: kill.solarSystemId,
      victim: {
        characterId: kill.victim.characterId,
        corporationId: kill.victim.corporationId,
        allianceId: kill.victim.allianceId,
        shipTypeId: kill.victim.shipTypeId,
      },
      channelId: kill.channelId,
      messageId: kill.messageId,
      zkbValue: kill.zkbValue ?? undefined,
      valueOverride: kill.valueOverride ?? undefined,
      value: priced.value,
      npc: kill.npc,
      awox: kill.awox,
      excluded:
        kill.excludedAt === null
          ? undefined
          : { reason: kill.excludedReason ?? '', byUserId: kill.excludedBy ?? '', at: kill.excludedAt },
      noPayReason: priced.noPay,
      poolIsk: priced.poolIsk,
      claimWindowClosesAt: closesAt,
      claimWindowOpen: now() < closesAt.getTime(),
      roster,
      unlinkedCharacterIds: kill.attackers
        .map((attacker) => attacker.characterId)
        .filter((characterId) => !owners.has(characterId)),
    };
  }

  async function viewOf(guildId: string, killmailId: number): Promise<PpkKillView> {
    return buildView(await requireKill(db, guildId, killmailId, false));
  }

  async function audit(tx: Transaction, entry: PpkAuditInput): Promise<void> {
    await insertPpkAudit(tx, { ...entry, reason: entry.reason ?? null, at: new Date(now()) });
  }

  return {
    db,
    log,
    now,
    killmails: options.killmails,
    loadSettings,
    requireKill,
    bookingTime,
    killChanged,
    corporationOf,
    namesOf,
    buildView,
    viewOf,
    audit,
  };
}
