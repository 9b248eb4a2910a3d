// What the program owes: a period's money by pilot or corporation, a member's own share, and every
// priced event of a range of days for the export.
import {
  ppkEventsOfKills,
  ppkKillIdsBookedBetween,
  ppkKillsBetween,
  ppkKillsByIds,
  ppkPayoutsOf,
} from '../../db/ppk-repository.ts';
import { type PricedEvent, priceKills } from '../ledger.ts';
import { dayRange, parsePeriod } from '../periods.ts';
import {
  PPK_EVENT_TYPES,
  type PpkEventType,
  type PpkExportRow,
  type PpkMe,
  type PpkSummary,
  type PpkSummaryRow,
} from '../types.ts';
import type { PpkContext } from './context.ts';

export interface PpkSummaryOperations {
  /** Money of a period (`2026-11` or `2026-W48`) by pilot or by corporation. UserError on a bad period. */
  summary(guildId: string, period: string, by: 'pilot' | 'corporation'): Promise<PpkSummary>;
  /** The member's own characters in a period. */
  me(guildId: string, userId: string, period: string): Promise<PpkMe>;
  /** Every event of kills whose killmail time is within the inclusive UTC days `fromDay`..`toDay` (YYYY-MM-DD). */
  exportRows(guildId: string, fromDay: string, toDay: string): Promise<PpkExportRow[]>;
}

export function createSummaryOperations(context: PpkContext): PpkSummaryOperations {
  const { db, loadSettings, namesOf } = context;

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
