// R2Z2 documents set aside after their store failed the same way several times: recorded together with
// the cursor moving past them, listed for operators, removed once a retry stores them.
import { asc, eq, lt, sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { advanceCursorWith } from './killmail-store.ts';
import { deadLetters } from './schema.ts';

export type DeadLetterRow = typeof deadLetters.$inferSelect;

export interface NewDeadLetter {
  sequence: number;
  killmailId: number | null;
  republished: boolean;
  /** The document as received (any JSON value). */
  document: unknown;
  error: string;
  attempts: number;
  firstFailedAt: Date;
}

export function createDeadLetterStore({ db }: { db: Database }) {
  return {
    /** Sets the document aside and, unless it was a republished file, moves the cursor past it. */
    async record(letter: NewDeadLetter): Promise<void> {
      await db.transaction(async (tx) => {
        const now = new Date();
        await tx
          .insert(deadLetters)
          .values({
            sequence: letter.sequence,
            killmailId: letter.killmailId,
            republished: letter.republished,
            document: JSON.stringify(letter.document),
            error: letter.error,
            attempts: letter.attempts,
            firstFailedAt: letter.firstFailedAt,
            lastFailedAt: now,
          })
          .onConflictDoUpdate({
            target: [deadLetters.sequence, deadLetters.republished],
            set: {
              document: sql`excluded.document`,
              error: sql`excluded.error`,
              attempts: sql`${deadLetters.attempts} + excluded.attempts`,
              lastFailedAt: now,
            },
          });
        if (!letter.republished) await advanceCursorWith(tx, letter.sequence);
      });
    },

    async list(): Promise<DeadLetterRow[]> {
      return db.select().from(deadLetters).orderBy(asc(deadLetters.id));
    },

    async get(id: number): Promise<DeadLetterRow | undefined> {
      const rows = await db.select().from(deadLetters).where(eq(deadLetters.id, id));
      return rows[0];
    },

    async remove(id: number): Promise<void> {
      await db.delete(deadLetters).where(eq(deadLetters.id, id));
    },

    /** A retry failed again: count it and keep its error. */
    async recordRetryFailure(id: number, error: string): Promise<void> {
      await db
        .update(deadLetters)
        .set({ error, attempts: sql`${deadLetters.attempts} + 1`, lastFailedAt: new Date() })
        .where(eq(deadLetters.id, id));
    },

    /** Dead letters nobody retried within the retention window go with the killmails of that age. */
    async purgeFailedBefore(cutoff: Date): Promise<number> {
      const rows = await db
        .delete(deadLetters)
        .where(lt(deadLetters.lastFailedAt, cutoff))
        .returning({ id: deadLetters.id });
      return rows.length;
    },
  };
}

export type DeadLetterStore = ReturnType<typeof createDeadLetterStore>;
