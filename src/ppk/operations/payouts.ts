// Marking a period paid: what each of its events paid is frozen, and later claims book into the next
// unpaid period.
import {
  freezePpkEvent,
  insertPpkPayout,
  lockPpkPayouts,
  ppkEventsOfKills,
  ppkKillIdsBookedBetween,
  ppkKillsByIds,
} from '../../db/ppk-repository.ts';
import { UserError } from '../../user-error.ts';
import { priceKills } from '../ledger.ts';
import { parsePeriod } from '../periods.ts';
import type { PpkPayoutOutcome } from '../types.ts';
import type { PpkContext } from './context.ts';

export interface PpkPayoutOperations {
  /** Admin: marks a period paid; its events are frozen and later claims go to the next unpaid period. */
  markPaid(guildId: string, period: string, actorUserId: string): Promise<PpkPayoutOutcome>;
}

export function createPayoutOperations(context: PpkContext): PpkPayoutOperations {
  const { db, log, now, loadSettings } = context;
  return {
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
        await context.audit(tx, {
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
  };
}
