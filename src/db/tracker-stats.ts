// How busy each tracker is, for /tracker list: matches counted from the deliveries outbox, where every
// alert keeps the matches (with the tracker's key, its database id) frozen at match time.
import { and, eq, gte, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { deliveries } from './schema.ts';

export function createTrackerStats({ db }: { db: Database }) {
  return {
    /** Tracker id -> killmails it matched since `since`, for one guild (trackers without matches are absent). */
    async matchesSince(guildId: string, since: Date): Promise<Map<number, number>> {
      const trackerKey = sql<string>`match ->> 'trackerKey'`;
      const rows = await db
        .select({ trackerKey, count: sql<number>`count(*)::int` })
        .from(sql`${deliveries} cross join lateral jsonb_array_elements(${deliveries.matches}) as match`)
        .where(and(eq(deliveries.guildId, guildId), gte(deliveries.createdAt, since)))
        .groupBy(trackerKey);
      const counts = new Map<number, number>();
      for (const row of rows) {
        // Keys are database ids written by the pipeline; anything else is not a tracker of this guild.
        if (/^\d{1,10}$/.test(row.trackerKey)) counts.set(Number(row.trackerKey), Number(row.count));
      }
      return counts;
    },
  };
}

export type TrackerStats = ReturnType<typeof createTrackerStats>;
