// Received killmails, the R2Z2 cursor and new deliveries: written together in one transaction so a
// crash replays at most the killmail in flight, and the unique keys make that replay harmless.
import { and, desc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { R2z2Document, TrackerMatch } from '../engine/index.ts';
import type { Database } from './client.ts';
import { OUTBOX_NOTIFY_CHANNEL } from './delivery-store.ts';
import type { FightChooser, FightStore, FightTracker } from './fight-store.ts';
import { deliveries, ingestCursor, killmails } from './schema.ts';
import { recordTrackerMatches } from './tracker-repository.ts';

export interface NewDelivery {
  guildId: string;
  channelId: string;
  matches: TrackerMatch[];
}

export interface CommitKillmailInput {
  sequence: number;
  document: R2z2Document;
  killTime: Date;
  solarSystemId: number;
  deliveries: NewDelivery[];
  /** Database ids of the trackers that matched (for "last match" in /tracker list). */
  matchedTrackerIds: number[];
  receivedAt?: Date;
  /** Trackers with fight reports on that matched: the kill joins or starts a fight of each. */
  fights?: FightCommit;
}

export interface FightCommit {
  trackers: Array<FightTracker & { trackerKey: string }>;
  choose: FightChooser;
  /** The wall clock: when the kill joined (the quiet time counts from it). */
  now: Date;
}

export interface CommitResult {
  /** False when the killmail was already stored (a replay or a duplicate in the feed). */
  stored: boolean;
  deliveriesCreated: number;
  /**
   * With fight-report trackers among the matches: the fights the kill joined (the report is touched; no
   * alert for those trackers) or started.
   */
  fights?: Array<{ trackerKey: string; fightId: number; joined: boolean }>;
}

/** Deliveries without the matches of trackers whose fight the kill joined (their report shows it). */
function withoutJoined(list: readonly NewDelivery[], joined: ReadonlySet<string>): NewDelivery[] {
  if (joined.size === 0) return [...list];
  return list
    .map((delivery) => ({
      ...delivery,
      matches: delivery.matches.filter((match) => !joined.has(match.trackerKey)),
    }))
    .filter((delivery) => delivery.matches.length > 0);
}

export function createKillmailStore({ db, fights }: { db: Database; fights?: FightStore }) {
  return {
    async loadCursor(): Promise<number | null> {
      const rows = await db.select().from(ingestCursor).where(eq(ingestCursor.id, 1));
      return rows[0]?.sequence ?? null;
    },

    /** Moves the cursor forward (never backward): for skipped, invalid or gap sequences. */
    async advanceCursor(sequence: number): Promise<void> {
      await advanceCursorWith(db, sequence);
    },

    async commitKillmail(input: CommitKillmailInput): Promise<CommitResult> {
      return db.transaction(async (tx) => {
        const inserted = await tx
          .insert(killmails)
          .values({
            id: input.document.killmail_id,
            hash: input.document.hash,
            killTime: input.killTime,
            solarSystemId: input.solarSystemId,
            sequence: input.sequence,
            document: input.document,
            ...(input.receivedAt ? { receivedAt: input.receivedAt } : {}),
          })
          .onConflictDoNothing()
          .returning({ id: killmails.id });
        let deliveriesCreated = 0;
        const fightResults: NonNullable<CommitResult['fights']> = [];
        if (inserted.length > 0 && fights && input.fights) {
          const kill = {
            killmailId: input.document.killmail_id,
            killTime: input.killTime,
            solarSystemId: input.solarSystemId,
          };
          for (const tracker of input.fights.trackers) {
            const recorded = await fights.recordKill(
              tx,
              tracker,
              kill,
              input.fights.choose,
              input.fights.now,
            );
            fightResults.push({ trackerKey: tracker.trackerKey, ...recorded });
          }
        }
        const toDeliver = withoutJoined(
          input.deliveries,
          new Set(fightResults.filter((fight) => fight.joined).map((fight) => fight.trackerKey)),
        );
        if (inserted.length > 0 && input.matchedTrackerIds.length > 0) {
          await recordTrackerMatches(tx, input.matchedTrackerIds, input.receivedAt ?? new Date());
        }
        if (inserted.length > 0 && toDeliver.length > 0) {
          const created = await tx
            .insert(deliveries)
            .values(
              toDeliver.map((delivery) => ({
                guildId: delivery.guildId,
                channelId: delivery.channelId,
                killmailId: input.document.killmail_id,
                matches: delivery.matches,
              })),
            )
            .onConflictDoNothing()
            .returning({ id: deliveries.id });
          deliveriesCreated = created.length;
          // Delivered on commit: delivery workers in other processes wake up instead of polling.
          if (deliveriesCreated > 0) await tx.execute(sql`select pg_notify(${OUTBOX_NOTIFY_CHANNEL}, '')`);
        }
        await advanceCursorWith(tx, input.sequence);
        return {
          stored: inserted.length > 0,
          deliveriesCreated,
          ...(input.fights ? { fights: fightResults } : {}),
        };
      });
    },

    /** A republished document (zKillboard re-sent the file): keep the newer copy, post nothing new. */
    async replaceDocument(document: R2z2Document): Promise<void> {
      await db
        .update(killmails)
        .set({ document, hash: document.hash })
        .where(eq(killmails.id, document.killmail_id));
    },

    async get(killmailId: number): Promise<R2z2Document | undefined> {
      const rows = await db
        .select({ document: killmails.document })
        .from(killmails)
        .where(eq(killmails.id, killmailId));
      return rows[0]?.document;
    },

    /** The newest stored killmail by kill time (the sample of a test post when nothing matches). */
    async newest(): Promise<R2z2Document | undefined> {
      const rows = await db
        .select({ document: killmails.document })
        .from(killmails)
        .orderBy(desc(killmails.killTime))
        .limit(1);
      return rows[0]?.document;
    },

    /**
     * Deletes killmails older than the retention window with their finished deliveries. A delivery tried
     * but still not posted by then has failed for good (it kept failing for days): it goes too, counted
     * apart, instead of keeping its killmail forever. One never tried yet (no worker ran) stays.
     */
    async purgeReceivedBefore(
      cutoff: Date,
    ): Promise<{ killmails: number; deliveries: number; undelivered: number }> {
      return db.transaction(async (tx) => {
        const removedDeliveries = await tx
          .delete(deliveries)
          .where(
            and(
              lt(deliveries.createdAt, cutoff),
              or(inArray(deliveries.status, ['sent', 'failed', 'stale']), gt(deliveries.attempts, 0)),
            ),
          )
          .returning({ id: deliveries.id, status: deliveries.status });
        const removedKillmails = await tx
          .delete(killmails)
          .where(
            and(
              lt(killmails.receivedAt, cutoff),
              sql`not exists (select 1 from ${deliveries} where ${deliveries.killmailId} = ${killmails.id})`,
            ),
          )
          .returning({ id: killmails.id });
        const undelivered = removedDeliveries.filter(
          (row) => row.status === 'pending' || row.status === 'sending',
        ).length;
        return { killmails: removedKillmails.length, deliveries: removedDeliveries.length, undelivered };
      });
    },
  };
}

type Executor = Pick<Database, 'insert'>;

/** Moves the cursor to `sequence` (never backward) through `executor`, e.g. inside a transaction. */
export async function advanceCursorWith(executor: Executor, sequence: number): Promise<void> {
  await executor
    .insert(ingestCursor)
    .values({ id: 1, sequence })
    .onConflictDoUpdate({
      target: ingestCursor.id,
      set: { sequence: sql`greatest(${ingestCursor.sequence}, excluded.sequence)`, updatedAt: new Date() },
    });
}

export type KillmailStore = ReturnType<typeof createKillmailStore>;
