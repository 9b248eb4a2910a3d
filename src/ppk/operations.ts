// What members, admins and the CLI do with a guild's pay-per-kill program, without any Discord reply code:
// enter kills, claim and unclaim events, admin corrections with an audit log, settings, summaries,
// payouts and the export. Refusals are UserErrors whose message the caller shows. Every change runs in
// one transaction that also tells `onKillChanged` (the roster message then re-renders).
import type { Database, Transaction } from '../db/client.ts';
import {
  deleteUnpaidPpkEvent,
  findPpkEvent,
  findPpkKill,
  findPpkSettings,
  freezePpkEvent,
  insertPpkAudit,
  insertPpkEvents,
  insertPpkKill,
  insertPpkPayout,
  linkedOwners,
  lockPpkPayouts,
  memberCharacterIds,
  type PpkExecutor,
  type PpkKillRow,
  ppkAuditEntries,
  ppkEventsOfKills,
  ppkKillIdsBookedBetween,
  ppkKillsBetween,
  ppkKillsByIds,
  ppkPayoutsOf,
  savePpkSettings,
  updatePpkKill,
} from '../db/ppk-repository.ts';
import type { EsiKillmail, ZkbInfo } from '../engine/index.ts';
import type { NameResolver } from '../ingest/esi/name-resolver.ts';
import type { Logger } from '../log.ts';
import { UserError } from '../user-error.ts';
import { derivedEvents, killFacts, type PpkKillFacts } from './derivation.ts';
import { type PricedEvent, priceKill, priceKills, settingsFromRow } from './ledger.ts';
import { dayRange, parsePeriod } from './periods.ts';
import { applySettingsPatch, MAX_ISK } from './settings.ts';
import {
  isClaimableEventType,
  PPK_EVENT_LABELS,
  PPK_EVENT_TYPES,
  type PpkAuditAction,
  type PpkAuditEntry,
  type PpkClaimableCharacter,
  type PpkEventSource,
  type PpkEventType,
  type PpkExportRow,
  type PpkKillView,
  type PpkMe,
  type PpkPayoutOutcome,
  type PpkRosterEntry,
  type PpkSettings,
  type PpkSettingsPatch,
  type PpkSummary,
  type PpkSummaryRow,
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

const NOT_IN_PROGRAM =
  "That kill is not in this server's pay-per-kill program. Post it with /ppk post (or the message command Add PPK buttons) first.";
const PAID_PERIOD = 'That event is in a period already marked paid (/ppk paid): it can no longer change.';
const DAY_MS = 86_400_000;
const DEFAULT_AUDIT_LIMIT = 50;

export function createPpkOperations(options: PpkOperationsOptions): PpkOperations {
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

  function claimWindowClosesAt(kill: PpkKillRow, settings: PpkSettings): Date {
    return new Date(kill.killmailTime.getTime() + settings.claimWindowDays * DAY_MS);
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

  async function audit(
    tx: Transaction,
    entry: {
      guildId: string;
      killmailId: number | null;
      actorUserId: string;
      action: PpkAuditAction;
      reason?: string | undefined;
      detail: Record<string, unknown>;
    },
  ): Promise<void> {
    await insertPpkAudit(tx, { ...entry, reason: entry.reason ?? null, at: new Date(now()) });
  }

  /** The rows of a period's money: every event booked in it, priced with all events of its kill. */
  async function pricedPeriod(guildId: string, start: Date, end: Date) {
    const killmailIds = await ppkKillIdsBookedBetween(db, guildId, start, end);
    const [kills, events, settings] = await Promise.all([
      ppkKillsByIds(db, guildId, killmailIds),
      ppkEventsOfKills(db, guildId, killmailIds),
      loadSettings(db, guildId),
    ]);
    const inPeriod = (event: PricedEvent) =>
      event.row.bookedAt.getTime() >= start.getTime() && event.row.bookedAt.getTime() < end.getTime();
    const priced = priceKills(kills, events, settings);
    return priced.flatMap((kill) => kill.events.filter(inPeriod).map((event) => ({ kill, event })));
  }

  async function summarize(
    guildId: string,
    periodText: string,
    by: 'pilot' | 'corporation',
    userId: string | undefined,
  ) {
    const period = parsePeriod(periodText);
    const entries = (await pricedPeriod(guildId, period.start, period.end)).filter(
      ({ event }) => event.status !== 'excluded' && (userId === undefined || event.row.userId === userId),
    );
    const rows = new Map<number, PpkSummaryRow>();
    for (const { event } of entries) {
      const id = by === 'pilot' ? event.row.characterId : (event.row.corporationId ?? 0);
      let row = rows.get(id);
      if (!row) {
        row = { id, name: undefined, userId: null, events: 0, shares: 0, isk: 0, paidIsk: 0, unpaidIsk: 0 };
        rows.set(id, row);
      }
      if (by === 'pilot' && event.row.userId !== null) row.userId = event.row.userId;
      row.events += 1;
      row.shares += event.shares;
      row.isk += event.isk;
      if (event.status === 'paid') row.paidIsk += event.isk;
      else row.unpaidIsk += event.isk;
    }
    const names = await namesOf([...rows.keys()].filter((id) => id !== 0));
    const list = [...rows.values()]
      .map((row) => ({ ...row, name: names.get(row.id) }))
      .sort((a, b) => b.isk - a.isk || a.id - b.id);
    const totals = {
      kills: new Set(entries.map(({ kill }) => kill.kill.killmailId)).size,
      events: entries.length,
      isk: list.reduce((sum, row) => sum + row.isk, 0),
      paidIsk: list.reduce((sum, row) => sum + row.paidIsk, 0),
      unpaidIsk: list.reduce((sum, row) => sum + row.unpaidIsk, 0),
    };
    return { period, rows: list, totals };
  }

  return {
    async enterKill(input) {
      const { guildId, killmailId } = input;
      const existing = await findPpkKill(db, guildId, killmailId);
      let facts: PpkKillFacts | undefined;
      if (!existing) {
        const source = input.killmail ?? (await options.killmails?.get(killmailId));
        if (!source || source.killmail_id !== killmailId) {
          throw new UserError(
            `Killmail ${killmailId} is not stored here. Give its zKillboard or ESI link so it can be fetched.`,
          );
        }
        facts = killFacts(source);
      }
      const created = await db.transaction(async (tx) => {
        const current = await findPpkKill(tx, guildId, killmailId, true);
        if (current || !facts) {
          const moved =
            current !== undefined &&
            ((input.messageId !== undefined && input.messageId !== current.messageId) ||
              input.channelId !== current.channelId);
          if (current && moved) {
            await updatePpkKill(tx, guildId, killmailId, {
              channelId: input.channelId,
              messageId: input.messageId ?? null,
            });
            await killChanged(tx, guildId, killmailId);
          }
          if (!current) throw new UserError(NOT_IN_PROGRAM);
          return false;
        }
        const inserted = await insertPpkKill(tx, {
          guildId,
          killmailId,
          hash: facts.hash,
          killmailTime: facts.killmailTime,
          solarSystemId: facts.solarSystemId,
          victim: facts.victim,
          attackers: facts.attackers,
          zkbValue: facts.zkbValue,
          npc: facts.npc,
          awox: facts.awox,
          channelId: input.channelId,
          messageId: input.messageId ?? null,
          enteredAt: new Date(now()),
        });
        // Another process entered it between the read and the insert: theirs stands.
        if (!inserted) return false;
        const owners = await linkedOwners(
          tx,
          guildId,
          facts.attackers.map((attacker) => attacker.characterId),
        );
        const bookedAt = await bookingTime(tx, guildId, facts.killmailTime);
        const corporations = new Map(facts.attackers.map((a) => [a.characterId, a.corporationId ?? null]));
        await insertPpkEvents(
          tx,
          derivedEvents(facts.attackers, (characterId) => owners.has(characterId)).map((event) => ({
            guildId,
            killmailId,
            characterId: event.characterId,
            type: event.type,
            userId: owners.get(event.characterId) ?? null,
            corporationId: corporations.get(event.characterId) ?? null,
            source: 'derived',
            createdBy: null,
            createdAt: new Date(now()),
            bookedAt,
          })),
        );
        await killChanged(tx, guildId, killmailId);
        return true;
      });
      if (created) log.info({ guild: guildId, killmail: killmailId }, 'kill entered the PPK program');
      return { created, view: await viewOf(guildId, killmailId) };
    },

    async setMessage(input) {
      await db.transaction(async (tx) => {
        await requireKill(tx, input.guildId, input.killmailId, true);
        await updatePpkKill(tx, input.guildId, input.killmailId, {
          channelId: input.channelId,
          messageId: input.messageId,
        });
        await killChanged(tx, input.guildId, input.killmailId);
      });
      return viewOf(input.guildId, input.killmailId);
    },

    async killView(guildId, killmailId) {
      const kill = await findPpkKill(db, guildId, killmailId);
      return kill ? buildView(kill) : undefined;
    },

    async claimableCharacters(guildId, userId, killmailId) {
      const kill = await requireKill(db, guildId, killmailId, false);
      const ids = await memberCharacterIds(db, guildId, userId);
      const onKill = new Set(kill.attackers.map((attacker) => attacker.characterId));
      const names = await namesOf(ids);
      const described = ids.map((characterId) => ({
        characterId,
        characterName: names.get(characterId),
        onKillmail: onKill.has(characterId),
      }));
      return [
        ...described.filter((entry) => entry.onKillmail),
        ...described.filter((entry) => !entry.onKillmail),
      ];
    },

    async toggleClaim(input) {
      const { guildId, killmailId, userId, characterId, type } = input;
      if (!isClaimableEventType(type)) {
        throw new UserError(`${PPK_EVENT_LABELS[type]} comes from the killmail; it cannot be claimed.`);
      }
      // Resolved before the transaction: it may ask ESI.
      const preview = await requireKill(db, guildId, killmailId, false);
      const corporationId = await corporationOf(preview, characterId);
      const added = await db.transaction(async (tx) => {
        const kill = await requireKill(tx, guildId, killmailId, true);
        const mine = await memberCharacterIds(tx, guildId, userId);
        if (mine.length === 0) {
          throw new UserError(
            'You have no EVE character linked in this server. Link one with /character link, then press the button again.',
          );
        }
        if (!mine.includes(characterId)) {
          const owner = (await linkedOwners(tx, guildId, [characterId])).get(characterId);
          throw new UserError(
            owner === undefined
              ? 'That character is not linked in this server. Link it with /character link, then claim again.'
              : 'That character is linked to another member of this server: only they can claim for it. Pick one of yours (/character list).',
          );
        }
        if (kill.excludedAt !== null) {
          throw new UserError(
            `This kill is excluded from the pay-per-kill program${kill.excludedReason ? ` (${kill.excludedReason})` : ''}: nothing can be claimed on it.`,
          );
        }
        const settings = await loadSettings(tx, guildId);
        const closesAt = claimWindowClosesAt(kill, settings);
        if (now() >= closesAt.getTime()) {
          throw new UserError(
            `Claims on this kill closed on ${closesAt.toISOString().slice(0, 16).replace('T', ' ')} UTC (${settings.claimWindowDays} days after the kill). Ask a PPK admin to add it with /ppk add.`,
          );
        }
        const existing = await findPpkEvent(tx, { guildId, killmailId, characterId, type });
        if (existing) {
          if (existing.payoutId !== null || !(await deleteUnpaidPpkEvent(tx, existing.id))) {
            throw new UserError(PAID_PERIOD);
          }
          await killChanged(tx, guildId, killmailId);
          return false;
        }
        await insertPpkEvents(tx, [
          {
            guildId,
            killmailId,
            characterId,
            type,
            userId,
            corporationId,
            source: 'claim',
            createdBy: userId,
            createdAt: new Date(now()),
            bookedAt: await bookingTime(tx, guildId, kill.killmailTime),
          },
        ]);
        await killChanged(tx, guildId, killmailId);
        return true;
      });
      log.info(
        { guild: guildId, killmail: killmailId, user: userId, character: characterId, type, added },
        added ? 'PPK claim recorded' : 'PPK claim removed',
      );
      return { added, view: await viewOf(guildId, killmailId) };
    },

    async addEvent(input) {
      const { guildId, killmailId, characterId, type } = input;
      const preview = await requireKill(db, guildId, killmailId, false);
      const corporationId = await corporationOf(preview, characterId);
      await db.transaction(async (tx) => {
        const kill = await requireKill(tx, guildId, killmailId, true);
        if (await findPpkEvent(tx, { guildId, killmailId, characterId, type })) {
          throw new UserError(
            `${PPK_EVENT_LABELS[type]} is already recorded for that character on this kill.`,
          );
        }
        const owner = (await linkedOwners(tx, guildId, [characterId])).get(characterId) ?? null;
        await insertPpkEvents(tx, [
          {
            guildId,
            killmailId,
            characterId,
            type,
            userId: owner,
            corporationId,
            source: 'admin',
            createdBy: input.actorUserId,
            createdAt: new Date(now()),
            bookedAt: await bookingTime(tx, guildId, kill.killmailTime),
          },
        ]);
        await audit(tx, {
          guildId,
          killmailId,
          actorUserId: input.actorUserId,
          action: 'add_event',
          reason: input.reason,
          detail: { characterId, type, userId: owner },
        });
        await killChanged(tx, guildId, killmailId);
      });
      return viewOf(guildId, killmailId);
    },

    async removeEvent(input) {
      const { guildId, killmailId, characterId, type } = input;
      await db.transaction(async (tx) => {
        await requireKill(tx, guildId, killmailId, true);
        const existing = await findPpkEvent(tx, { guildId, killmailId, characterId, type });
        if (!existing) {
          throw new UserError(`No ${PPK_EVENT_LABELS[type]} is recorded for that character on this kill.`);
        }
        if (existing.payoutId !== null || !(await deleteUnpaidPpkEvent(tx, existing.id))) {
          throw new UserError(PAID_PERIOD);
        }
        await audit(tx, {
          guildId,
          killmailId,
          actorUserId: input.actorUserId,
          action: 'remove_event',
          reason: input.reason,
          detail: { characterId, type, userId: existing.userId, source: existing.source },
        });
        await killChanged(tx, guildId, killmailId);
      });
      return viewOf(guildId, killmailId);
    },

    async overrideValue(input) {
      const { guildId, killmailId, value } = input;
      if (value !== null && (!Number.isFinite(value) || value < 0 || value > MAX_ISK)) {
        throw new UserError(
          `The value must be an amount of ISK from 0 to ${MAX_ISK.toLocaleString('en-US')}, like 1500000000.`,
        );
      }
      await db.transaction(async (tx) => {
        const kill = await requireKill(tx, guildId, killmailId, true);
        await updatePpkKill(tx, guildId, killmailId, { valueOverride: value });
        await audit(tx, {
          guildId,
          killmailId,
          actorUserId: input.actorUserId,
          action: 'override_value',
          reason: input.reason,
          detail: { from: kill.valueOverride, to: value, zkbValue: kill.zkbValue },
        });
        await killChanged(tx, guildId, killmailId);
      });
      return viewOf(guildId, killmailId);
    },

    async exclude(input) {
      const { guildId, killmailId } = input;
      const reason = input.reason.trim();
      if (reason === '')
        throw new UserError('Say why the kill is excluded: the reason is kept in the audit log.');
      await db.transaction(async (tx) => {
        const kill = await requireKill(tx, guildId, killmailId, true);
        if (kill.excludedAt !== null) {
          throw new UserError(`This kill is already excluded (${kill.excludedReason ?? 'no reason'}).`);
        }
        await updatePpkKill(tx, guildId, killmailId, {
          excludedAt: new Date(now()),
          excludedBy: input.actorUserId,
          excludedReason: reason,
        });
        await audit(tx, {
          guildId,
          killmailId,
          actorUserId: input.actorUserId,
          action: 'exclude',
          reason,
          detail: {},
        });
        await killChanged(tx, guildId, killmailId);
      });
      return viewOf(guildId, killmailId);
    },

    async include(input) {
      const { guildId, killmailId } = input;
      await db.transaction(async (tx) => {
        const kill = await requireKill(tx, guildId, killmailId, true);
        if (kill.excludedAt === null) throw new UserError('This kill is not excluded.');
        await updatePpkKill(tx, guildId, killmailId, {
          excludedAt: null,
          excludedBy: null,
          excludedReason: null,
        });
        await audit(tx, {
          guildId,
          killmailId,
          actorUserId: input.actorUserId,
          action: 'include',
          reason: input.reason,
          detail: { previousReason: kill.excludedReason },
        });
        await killChanged(tx, guildId, killmailId);
      });
      return viewOf(guildId, killmailId);
    },

    async audit(guildId, killmailId, limit = DEFAULT_AUDIT_LIMIT) {
      const rows = await ppkAuditEntries(db, guildId, killmailId, limit);
      return rows.map((row) => ({
        id: row.id,
        guildId: row.guildId,
        killmailId: row.killmailId,
        actorUserId: row.actorUserId,
        action: row.action as PpkAuditAction,
        reason: row.reason,
        detail: row.detail,
        at: row.at,
      }));
    },

    getSettings: (guildId) => loadSettings(db, guildId),

    async setSettings(guildId, patch, actorUserId) {
      return db.transaction(async (tx) => {
        const current = await loadSettings(tx, guildId);
        const next = applySettingsPatch(current, patch);
        await savePpkSettings(tx, {
          guildId,
          shares: next.shares,
          poolKind: next.pool.kind,
          percent:
            next.pool.kind === 'percent'
              ? next.pool.percent
              : current.pool.kind === 'percent'
                ? current.pool.percent
                : 10,
          capIsk: next.pool.kind === 'percent' ? next.pool.capIsk : null,
          iskPerShare: next.pool.kind === 'fixed' ? next.pool.iskPerShare : null,
          claimWindowDays: next.claimWindowDays,
          managerRoleId: next.managerRoleId,
        });
        await audit(tx, {
          guildId,
          killmailId: null,
          actorUserId,
          action: 'settings',
          detail: { from: current, to: next },
        });
        return next;
      });
    },

    async summary(guildId, periodText, by) {
      const { period, rows, totals } = await summarize(guildId, periodText, by, undefined);
      const payout = (await ppkPayoutsOf(db, guildId)).find((row) => row.period === period.label);
      return {
        guildId,
        period: period.label,
        by,
        from: period.start,
        to: period.end,
        rows,
        totals,
        payout: payout ? { paidAt: payout.paidAt, byUserId: payout.paidBy } : undefined,
      };
    },

    async me(guildId, userId, periodText) {
      const { period, rows, totals } = await summarize(guildId, periodText, 'pilot', userId);
      return {
        guildId,
        userId,
        period: period.label,
        rows,
        totals: {
          events: totals.events,
          isk: totals.isk,
          paidIsk: totals.paidIsk,
          unpaidIsk: totals.unpaidIsk,
        },
      };
    },

    async markPaid(guildId, periodText, actorUserId) {
      const period = parsePeriod(periodText);
      const paidAt = new Date(now());
      if (period.start.getTime() > paidAt.getTime()) {
        throw new UserError(`${period.label} has not started yet: mark a period paid once its kills are in.`);
      }
      const outcome = await db.transaction(async (tx) => {
        await lockPpkPayouts(tx, guildId, 'exclusive');
        const payout = await insertPpkPayout(tx, {
          guildId,
          period: period.label,
          startsAt: period.start,
          endsAt: period.end,
          paidAt,
          paidBy: actorUserId,
        });
        if (!payout) throw new UserError(`${period.label} is already marked paid.`);
        const killmailIds = await ppkKillIdsBookedBetween(tx, guildId, period.start, period.end);
        const [kills, events, settings] = await Promise.all([
          ppkKillsByIds(tx, guildId, killmailIds),
          ppkEventsOfKills(tx, guildId, killmailIds),
          loadSettings(tx, guildId),
        ]);
        let count = 0;
        let isk = 0;
        for (const kill of priceKills(kills, events, settings)) {
          for (const event of kill.events) {
            const booked = event.row.bookedAt.getTime();
            if (
              event.row.payoutId !== null ||
              booked < period.start.getTime() ||
              booked >= period.end.getTime()
            ) {
              continue;
            }
            const paidStatus = event.status === 'excluded' ? 'excluded' : 'paid';
            await freezePpkEvent(tx, event.row.id, {
              payoutId: payout.id,
              paidShares: event.shares,
              paidIsk: event.isk,
              paidStatus,
            });
            count += 1;
            if (paidStatus === 'paid') isk += event.isk;
          }
        }
        await audit(tx, {
          guildId,
          killmailId: null,
          actorUserId,
          action: 'mark_paid',
          detail: { period: period.label, events: count, isk },
        });
        return { period: period.label, events: count, isk, paidAt };
      });
      log.info({ guild: guildId, ...outcome }, 'PPK period marked paid');
      return outcome;
    },

    async exportRows(guildId, fromDay, toDay) {
      const range = dayRange(fromDay, toDay);
      const kills = await ppkKillsBetween(db, guildId, range.start, range.end);
      const killmailIds = kills.map((kill) => kill.killmailId);
      const [events, settings] = await Promise.all([
        ppkEventsOfKills(db, guildId, killmailIds),
        loadSettings(db, guildId),
      ]);
      const priced = priceKills(kills, events, settings);
      const names = await namesOf(events.map((row) => row.characterId));
      const typeOrder = (type: PpkEventType) => PPK_EVENT_TYPES.indexOf(type);
      return priced.flatMap((kill) =>
        [...kill.events]
          .sort((a, b) => typeOrder(a.type) - typeOrder(b.type) || a.row.characterId - b.row.characterId)
          .map((event): PpkExportRow => ({
            killmailId: kill.kill.killmailId,
            killmailTime: kill.kill.killmailTime,
            characterId: event.row.characterId,
            characterName: names.get(event.row.characterId),
            corporationId: event.row.corporationId,
            discordUserId: event.row.userId,
            event: event.type,
            shares: event.shares,
            isk: event.isk,
            status: event.status,
          })),
      );
    },
  };
}
