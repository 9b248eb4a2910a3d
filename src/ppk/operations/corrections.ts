// Admin corrections to a kill, each with an audit entry: events added or removed for any character, the
// value the pool is computed from, exclusion from the program; and the audit log they leave.
import {
  deleteUnpaidPpkEvent,
  findPpkEvent,
  insertPpkEvents,
  linkedOwners,
  ppkAuditEntries,
  updatePpkKill,
} from '../../db/ppk-repository.ts';
import { UserError } from '../../user-error.ts';
import { MAX_ISK } from '../settings.ts';
import {
  PPK_EVENT_LABELS,
  type PpkAuditAction,
  type PpkAuditEntry,
  type PpkEventType,
  type PpkKillView,
} from '../types.ts';
import { PAID_PERIOD, type PpkContext } from './context.ts';

const DEFAULT_AUDIT_LIMIT = 50;

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

export interface PpkCorrectionOperations {
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
}

export function createCorrectionOperations(context: PpkContext): PpkCorrectionOperations {
  const { db, now, bookingTime, corporationOf, killChanged, requireKill, viewOf } = context;
  return {
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
        await context.audit(tx, {
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
        await context.audit(tx, {
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
        await context.audit(tx, {
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
        await context.audit(tx, {
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
        await context.audit(tx, {
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
  };
}
