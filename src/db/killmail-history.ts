// Stored killmails read back page by page, newest kill first: previews and test posts walk hours of
// history (tens of thousands of killmails) without holding them all in memory at once; digests read a
// period by kill time.
import { and, asc, desc, eq, gt, gte, lt, or } from 'drizzle-orm';
import type { R2z2Document } from '../engine/index.ts';
import type { Database } from './client.ts';
import { killmails } from './schema.ts';

export function createKillmailHistory({ db }: { db: Database }) {
  return {
    /** Killmails received since `since`, newest kill first, `pageSize` at a time. */
    async *receivedSince(since: Date, pageSize = 500): AsyncGenerator<R2z2Document[]> {
      let after: { killTime: Date; id: number } | undefined;
      for (;;) {
        const rows = await db
          .select({ id: killmails.id, killTime: killmails.killTime, document: killmails.document })
          .from(killmails)
          .where(
            and(
              gte(killmails.receivedAt, since),
              after === undefined
                ? undefined
                : or(
                    lt(killmails.killTime, after.killTime),
                    and(eq(killmails.killTime, after.killTime), lt(killmails.id, after.id)),
                  ),
            ),
          )
          .orderBy(desc(killmails.killTime), desc(killmails.id))
          .limit(pageSize);
        if (rows.length === 0) return;
        yield rows.map((row) => row.document);
        if (rows.length < pageSize) return;
        const last = rows[rows.length - 1]!;
        after = { killTime: last.killTime, id: last.id };
      }
    },

    /** Killmails whose kill time is in [start, end), oldest first, `pageSize` at a time (digests). */
    async *killedBetween(start: Date, end: Date, pageSize = 500): AsyncGenerator<R2z2Document[]> {
      let after: { killTime: Date; id: number } | undefined;
      for (;;) {
        const rows = await db
          .select({ id: killmails.id, killTime: killmails.killTime, document: killmails.document })
          .from(killmails)
          .where(
            and(
              gte(killmails.killTime, start),
              lt(killmails.killTime, end),
              after === undefined
                ? undefined
                : or(
                    gt(killmails.killTime, after.killTime),
                    and(eq(killmails.killTime, after.killTime), gt(killmails.id, after.id)),
                  ),
            ),
          )
          .orderBy(asc(killmails.killTime), asc(killmails.id))
          .limit(pageSize);
        if (rows.length === 0) return;
        yield rows.map((row) => row.document);
        if (rows.length < pageSize) return;
        const last = rows[rows.length - 1]!;
        after = { killTime: last.killTime, id: last.id };
      }
    },
  };
}

export type KillmailHistory = ReturnType<typeof createKillmailHistory>;
