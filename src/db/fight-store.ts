// Fights of trackers with fight reports on: a kill joins an open fight or starts one, in the transaction
// that stores the kill, and the fight's report message is opened or touched in the live-message outbox in
// that same transaction, so a crash never loses a kill from a report. Quiet fights are closed here too.
import { and, asc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import { DEFAULT_FIGHT_RULE, type FightRule, type FightWindow, widenFight } from '../engine/fight/index.ts';
import type { R2z2Document } from '../engine/index.ts';
import type { Database, Transaction } from './client.ts';
import type { LiveMessageStore } from './live-message-store.ts';
import { fightKills, fights, killmails } from './schema.ts';

export type FightRow = typeof fights.$inferSelect;

/** The kind of fight report messages in the live-message outbox; their ref is the fight id. */
export const FIGHT_MESSAGE_KIND = 'fight';

export const fightMessageKey = (fightId: number) => ({ kind: FIGHT_MESSAGE_KIND, ref: String(fightId) });

/** A tracker with fight reports on that matched the kill, and where it posts. */
export interface FightTracker {
  trackerId: number;
  guildId: string;
  channelId: string;
}

export interface FightKill {
  killmailId: number;
  killTime: Date;
  solarSystemId: number;
}

/** Picks the open fight the kill joins (src/engine/fight findFight), or none to start a new fight. */
export type FightChooser = (open: readonly FightWindow[]) => FightWindow | undefined;

export interface RecordedFightKill {
  fightId: number;
  /** False when the kill started the fight (it gets a normal alert); true when it joined one. */
  joined: boolean;
}

export function createFightStore({
  db,
  liveMessages,
  rule = DEFAULT_FIGHT_RULE,
}: {
  db: Database;
  liveMessages: LiveMessageStore;
  rule?: FightRule;
}) {
  const quietMs = rule.quietMinutes * 60_000;

  return {
    rule,

    /**
     * Adds the kill to the tracker's fight, inside the caller's transaction. The second kill of a fight
     * opens its report message; later kills touch it (the worker edits it, coalesced).
     */
    async recordKill(
      tx: Transaction,
      tracker: FightTracker,
      kill: FightKill,
      choose: FightChooser,
      now: Date,
    ): Promise<RecordedFightKill> {
      const open = await tx
        .select()
        .from(fights)
        .where(
          and(
            eq(fights.trackerId, tracker.trackerId),
            isNull(fights.closedAt),
            gt(fights.lastJoinedAt, new Date(now.getTime() - quietMs)),
          ),
        )
        .orderBy(asc(fights.id))
        .for('update');
      const chosen = choose(open.map(windowOf));
      const row = chosen && open.find((candidate) => candidate.id === chosen.id);
      if (!row) {
        const [created] = await tx
          .insert(fights)
          .values({
            trackerId: tracker.trackerId,
            guildId: tracker.guildId,
            channelId: tracker.channelId,
            firstKillAt: kill.killTime,
            lastKillAt: kill.killTime,
            systemIds: [kill.solarSystemId],
            lastJoinedAt: now,
          })
          .returning({ id: fights.id });
        await addKill(tx, created!.id, kill);
        return { fightId: created!.id, joined: false };
      }
      const widened = widenFight(windowOf(row), {
        time: kill.killTime.getTime(),
        solarSystemId: kill.solarSystemId,
      });
      await tx
        .update(fights)
        .set({
          firstKillAt: new Date(widened.firstKillAt),
          lastKillAt: new Date(widened.lastKillAt),
          systemIds: [...widened.systemIds],
          lastJoinedAt: now,
          reportOpened: true,
        })
        .where(eq(fights.id, row.id));
      await addKill(tx, row.id, kill);
      if (row.reportOpened) await liveMessages.touch(tx, fightMessageKey(row.id));
      else
        await liveMessages.open(tx, {
          ...fightMessageKey(row.id),
          guildId: row.guildId,
          channelId: row.channelId,
        });
      return { fightId: row.id, joined: true };
    },

    /** Closes the fights nothing joined for the quiet time; their reports get one last edit. */
    async closeQuiet(now: Date): Promise<number[]> {
      return db.transaction(async (tx) => {
        const closed = await tx
          .update(fights)
          .set({ closedAt: now })
          .where(and(isNull(fights.closedAt), lte(fights.lastJoinedAt, new Date(now.getTime() - quietMs))))
          .returning({ id: fights.id, reportOpened: fights.reportOpened });
        for (const fight of closed) {
          if (fight.reportOpened) await liveMessages.close(tx, fightMessageKey(fight.id));
        }
        return closed.map((fight) => fight.id);
      });
    },

    async get(fightId: number): Promise<FightRow | undefined> {
      const rows = await db.select().from(fights).where(eq(fights.id, fightId));
      return rows[0];
    },

    /** The stored documents of the fight's kills (kills purged from `killmails` are left out). */
    async killmailsOf(fightId: number): Promise<R2z2Document[]> {
      const rows = await db
        .select({ document: killmails.document })
        .from(fightKills)
        .innerJoin(killmails, eq(killmails.id, fightKills.killmailId))
        .where(eq(fightKills.fightId, fightId))
        .orderBy(asc(fightKills.killTime), asc(fightKills.killmailId));
      return rows.map((row) => row.document);
    },

    /** The fights of a tracker, newest first. */
    async listByTracker(trackerId: number): Promise<FightRow[]> {
      return db
        .select()
        .from(fights)
        .where(eq(fights.trackerId, trackerId))
        .orderBy(sql`${fights.id} desc`);
    },

    async killIds(fightId: number): Promise<number[]> {
      const rows = await db
        .select({ id: fightKills.killmailId })
        .from(fightKills)
        .where(eq(fightKills.fightId, fightId))
        .orderBy(asc(fightKills.killTime), asc(fightKills.killmailId));
      return rows.map((row) => row.id);
    },
  };
}

function windowOf(row: FightRow): FightWindow {
  return {
    id: row.id,
    firstKillAt: row.firstKillAt.getTime(),
    lastKillAt: row.lastKillAt.getTime(),
    systemIds: row.systemIds,
  };
}

async function addKill(tx: Transaction, fightId: number, kill: FightKill): Promise<void> {
  await tx
    .insert(fightKills)
    .values({
      fightId,
      killmailId: kill.killmailId,
      killTime: kill.killTime,
      solarSystemId: kill.solarSystemId,
    })
    .onConflictDoNothing();
}

/** Deletes fights closed before `cutoff` with their kill lists (the retention purge); returns how many fights. */
export async function purgeClosedFights(db: Database, cutoff: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const removed = await tx.delete(fights).where(lte(fights.closedAt, cutoff)).returning({ id: fights.id });
    const ids = removed.map((row) => row.id);
    if (ids.length > 0) await tx.delete(fightKills).where(inArray(fightKills.fightId, ids));
    return ids.length;
  });
}

export type FightStore = ReturnType<typeof createFightStore>;
