// Stored killmails read back page by page: previews and test posts walk hours of history (tens of
// thousands of killmails) newest kill first, digests read a period by kill time oldest first, without
// holding them all in memory at once.
import { and, asc, desc, eq, gt, gte, lt, or, type SQL } from 'drizzle-orm';
import type { R2z2Document } from '../engine/index.ts';
import type { Database } from './client.ts';
import { killmails } from './schema.ts';

export function createKillmailHistory({ db }: { db: Database }) {
  /** Keyset pages over (kill time, id) in one direction, among the killmails `filter` selects. */
  async function* pages(
    filter: SQL | undefined,
    direction: 'newest-first' | 'oldest-first',
    pageSize: number,
  ): AsyncGenerator<R2z2Document[]> {
    const [beyond, order] = direction === 'newest-first' ? [lt, desc] : [gt, asc];
    let after: { killTime: Date; id: number } | undefined;
    for (;;) {
      const rows = await db
        .select({ id: killmails.id, killTime: killmails.killTime, document: killmails.document })
        .from(killmails)
        .where(
          and(
            filter,
            after === undefined
              ? undefined
              : or(
                  beyond(killmails.killTime, after.killTime),
                  and(eq(killmails.killTime, after.killTime), beyond(killmails.id, after.id)),
                ),
          ),
        )
        .orderBy(order(killmails.killTime), order(killmails.id))
        .limit(pageSize);
      if (rows.length === 0) return;
      yield rows.map((row) => row.document);
      if (rows.length < pageSize) return;
      const last = rows[rows.length - 1]!;
      after = { killTime: last.killTime, id: last.id };
    }
  }

  return {
    /** Killmails received since `since`, newest kill first, `pageSize` at a time. */
    receivedSince(since: Date, pageSize = 500): AsyncGenerator<R2z2Document[]> {
      return pages(gte(killmails.receivedAt, since), 'newest-first', pageSize);
    },

    /** Killmails whose kill time is in [start, end), oldest first, `pageSize` at a time (digests). */
    killedBetween(start: Date, end: Date, pageSize = 500): AsyncGenerator<R2z2Document[]> {
      return pages(
        and(gte(killmails.killTime, start), lt(killmails.killTime, end)),
        'oldest-first',
        pageSize,
      );
    },
  };
}

export type KillmailHistory = ReturnType<typeof createKillmailHistory>;
