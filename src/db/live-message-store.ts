// The outbox of messages kept edited in place. A change is recorded in the same transaction as the data it
// shows (a claim, a kill joining a fight), so a crash between the change and the edit loses nothing: the
// worker finds the row still ahead of what Discord shows and edits it after the restart.
import { and, asc, eq, inArray, lt, lte, isNull, or, sql } from 'drizzle-orm';
import type { Database, Transaction } from './client.ts';
import { liveMessages } from './schema.ts';

export type LiveMessageRow = typeof liveMessages.$inferSelect;

/** The database itself, or the transaction the change is part of. */
export type Executor = Database | Transaction;

/** NOTIFY channel raised when a live message changes: workers in other processes wake at once. */
export const LIVE_MESSAGES_NOTIFY_CHANNEL = 'killtracker_live_messages';

/** At most one edit of a message per this interval; changes in between are shown by the next edit. */
export const LIVE_EDIT_INTERVAL_MS = 5_000;

export interface LiveMessageKey {
  /** What the message shows, e.g. 'ppk' or 'fight': picks the renderer. */
  kind: string;
  /** Which one of that kind, e.g. "<guildId>:<killmailId>". */
  ref: string;
}

export interface LiveMessageTarget extends LiveMessageKey {
  guildId: string;
  channelId: string;
  /** The message to keep edited; without it the worker posts the message first. */
  messageId?: string;
}

const interval = (ms: number) => sql`${`${Math.max(0, Math.round(ms))} milliseconds`}::interval`;

export function createLiveMessageStore({
  db,
  editIntervalMs = LIVE_EDIT_INTERVAL_MS,
}: {
  db: Database;
  editIntervalMs?: number;
}) {
  /** The next edit may go out now, or once the interval since the last edit has passed. */
  const nextDue = sql`greatest(now(), coalesce(${liveMessages.lastEditedAt} + ${interval(editIntervalMs)}, now()))`;

  async function ring(executor: Executor): Promise<void> {
    await executor.execute(sql`select pg_notify(${LIVE_MESSAGES_NOTIFY_CHANNEL}, '')`);
  }

  /** Marks the open messages of a kind and ref as changed (and closing); returns how many. */
  async function bump(executor: Executor, key: LiveMessageKey, closing: boolean): Promise<number> {
    const rows = await executor
      .update(liveMessages)
      .set({
        version: sql`${liveMessages.version} + 1`,
        dueAt: nextDue,
        ...(closing ? { closing: true } : {}),
      })
      .where(
        and(eq(liveMessages.kind, key.kind), eq(liveMessages.ref, key.ref), eq(liveMessages.status, 'open')),
      )
      .returning({ id: liveMessages.id });
    if (rows.length > 0) await ring(executor);
    return rows.length;
  }

  return {
    /**
     * Starts keeping a message edited. Opening the same kind and ref again in the same channel (a repost)
     * replaces the message it edits and reopens it.
     */
    async open(executor: Executor, target: LiveMessageTarget): Promise<void> {
      await executor
        .insert(liveMessages)
        .values({
          kind: target.kind,
          ref: target.ref,
          guildId: target.guildId,
          channelId: target.channelId,
          messageId: target.messageId ?? null,
          // A message posted by the caller already shows the current state.
          renderedVersion: target.messageId === undefined ? 0 : 1,
          lastEditedAt: target.messageId === undefined ? null : sql`now()`,
        })
        .onConflictDoUpdate({
          target: [liveMessages.kind, liveMessages.ref, liveMessages.channelId],
          set: {
            messageId: target.messageId ?? null,
            status: 'open',
            closing: false,
            version: sql`${liveMessages.version} + 1`,
            renderedVersion:
              target.messageId === undefined
                ? sql`${liveMessages.renderedVersion}`
                : sql`${liveMessages.version} + 1`,
            lastEditedAt: target.messageId === undefined ? sql`${liveMessages.lastEditedAt}` : sql`now()`,
            dueAt: sql`now()`,
            attempts: 0,
            lastError: null,
          },
        });
      if (target.messageId === undefined) await ring(executor);
    },

    /** What the messages of this kind and ref show has changed: they are re-rendered and edited soon. */
    touch(executor: Executor, key: LiveMessageKey): Promise<number> {
      return bump(executor, key, false);
    },

    /** One last edit shows the final state, then the messages are left as they are. */
    async close(executor: Executor, key: LiveMessageKey): Promise<void> {
      await bump(executor, key, true);
    },

    /**
     * Leases up to `limit` messages whose content is behind their state and whose edit is due. A lease
     * that expired (its worker died) makes the message claimable again.
     */
    async claim(limit: number, leaseMs: number): Promise<LiveMessageRow[]> {
      const due = db
        .select({ id: liveMessages.id })
        .from(liveMessages)
        .where(
          and(
            eq(liveMessages.status, 'open'),
            lte(liveMessages.dueAt, sql`now()`),
            sql`${liveMessages.version} > ${liveMessages.renderedVersion}`,
            or(isNull(liveMessages.leaseUntil), lt(liveMessages.leaseUntil, sql`now()`)),
          ),
        )
        .orderBy(asc(liveMessages.dueAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      return db
        .update(liveMessages)
        .set({ leaseUntil: sql`now() + ${interval(leaseMs)}`, attempts: sql`${liveMessages.attempts} + 1` })
        .where(inArray(liveMessages.id, due))
        .returning();
    },

    /** The message was posted (first time): later edits go to it. */
    async recordPosted(id: number, messageId: string): Promise<void> {
      await db.update(liveMessages).set({ messageId }).where(eq(liveMessages.id, id));
    },

    /**
     * Discord shows `version` now. Changes made meanwhile have a higher version and stay due (after the
     * interval); a closing message whose final state is shown is closed.
     */
    async markRendered(id: number, version: number): Promise<void> {
      await db
        .update(liveMessages)
        .set({
          renderedVersion: version,
          lastEditedAt: sql`now()`,
          leaseUntil: null,
          attempts: 0,
          lastError: null,
          dueAt: sql`now() + ${interval(editIntervalMs)}`,
          status: sql`case when ${liveMessages.closing} and ${liveMessages.version} = ${version} then 'closed' else ${liveMessages.status} end`,
        })
        .where(eq(liveMessages.id, id));
    },

    async retryLater(id: number, delayMs: number, error: string): Promise<void> {
      await db
        .update(liveMessages)
        .set({ leaseUntil: null, lastError: error, dueAt: sql`now() + ${interval(delayMs)}` })
        .where(eq(liveMessages.id, id));
    },

    /** Nothing more can be shown (the message or channel is gone, or there is nothing to show). */
    async finish(id: number, status: 'closed' | 'failed', reason?: string): Promise<void> {
      await db
        .update(liveMessages)
        .set({ status, leaseUntil: null, lastError: reason ?? null })
        .where(eq(liveMessages.id, id));
    },

    async list(key?: Partial<LiveMessageKey>): Promise<LiveMessageRow[]> {
      return db
        .select()
        .from(liveMessages)
        .where(
          and(
            key?.kind === undefined ? undefined : eq(liveMessages.kind, key.kind),
            key?.ref === undefined ? undefined : eq(liveMessages.ref, key.ref),
          ),
        )
        .orderBy(asc(liveMessages.id));
    },
  };
}

export type LiveMessageStore = ReturnType<typeof createLiveMessageStore>;
