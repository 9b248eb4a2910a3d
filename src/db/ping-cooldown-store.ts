// Ping cooldowns: whether a delivery may ping for a tracker, decided and recorded in one statement at
// delivery time, so any number of workers (and restarts) agree on which alert pinged.
import { eq, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { trackerPingCooldowns } from './schema.ts';

export type PingDecision = { ping: true } | { ping: false; until: Date };

export function createPingCooldownStore({ db }: { db: Database }) {
  return {
    /**
     * Takes the tracker's ping for this delivery when the cooldown has passed (at `at`, exactly its end
     * included) or when this same delivery already took it (a retry); otherwise says until when it holds.
     */
    async claim(input: {
      trackerId: number;
      deliveryId: number;
      cooldownMinutes: number;
      at: Date;
    }): Promise<PingDecision> {
      const { trackerId, deliveryId, cooldownMinutes, at } = input;
      const cooldownMs = cooldownMinutes * 60_000;
      const earliest = new Date(at.getTime() - cooldownMs);
      // ON CONFLICT ... WHERE locks the row and re-checks the condition: two workers cannot both pass.
      const taken = await db
        .insert(trackerPingCooldowns)
        .values({ trackerId, lastPingAt: at, deliveryId })
        .onConflictDoUpdate({
          target: trackerPingCooldowns.trackerId,
          set: { lastPingAt: at, deliveryId },
          setWhere: sql`${trackerPingCooldowns.lastPingAt} <= ${earliest.toISOString()}::timestamptz and ${trackerPingCooldowns.deliveryId} <> ${deliveryId}`,
        })
        .returning({ trackerId: trackerPingCooldowns.trackerId });
      if (taken.length > 0) return { ping: true };
      const [current] = await db
        .select()
        .from(trackerPingCooldowns)
        .where(eq(trackerPingCooldowns.trackerId, trackerId));
      if (!current || current.deliveryId === deliveryId) return { ping: true };
      return { ping: false, until: new Date(current.lastPingAt.getTime() + cooldownMs) };
    },
  };
}

export type PingCooldownStore = ReturnType<typeof createPingCooldownStore>;
