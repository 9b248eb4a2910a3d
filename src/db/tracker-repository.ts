// Trackers in the database: every write bumps the shared revision so each process's matcher reloads it.
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { TrackerDefinition } from '../engine/index.ts';
import type { Database, Transaction as Tx } from './client.ts';
import { isUniqueViolation } from './errors.ts';
import { digestRuns, trackerPingCooldowns, trackers, trackersRevision } from './schema.ts';

export type TrackerRow = typeof trackers.$inferSelect;

/** Posting alerts: enabled by its admins and not stopped by a delivery failure. */
export function isTrackerActive(row: TrackerRow): boolean {
  return row.definition.enabled && row.disabledReason === null;
}

export class DuplicateTrackerNameError extends Error {
  constructor(readonly trackerName: string) {
    super(`A tracker named "${trackerName}" already exists in this server. Pick another name.`);
    this.name = 'DuplicateTrackerNameError';
  }
}

async function bumpRevision(tx: Tx): Promise<number> {
  const rows = await tx
    .insert(trackersRevision)
    .values({ id: 1, revision: 1 })
    .onConflictDoUpdate({
      target: trackersRevision.id,
      set: { revision: sql`${trackersRevision.revision} + 1` },
    })
    .returning({ revision: trackersRevision.revision });
  return rows[0]!.revision;
}

/**
 * Checks a write against the guild's trackers as they are inside its transaction (after the revision bump,
 * which serializes tracker writes), and throws to abort it: per-guild limits that concurrent writes cannot
 * slip past.
 */
export type GuildWriteGuard = (guildTrackers: TrackerRow[]) => void;

export interface TrackerChanges {
  revision: number;
  /** Trackers created or changed after the given revision. */
  changed: TrackerRow[];
  /** Ids of every tracker that exists now (anything else was deleted). */
  existingIds: number[];
}

export function createTrackerRepository({ db }: { db: Database }) {
  async function write<T>(
    name: string | undefined,
    body: (tx: Tx, revision: number) => Promise<T>,
  ): Promise<T> {
    try {
      return await db.transaction(async (tx) => body(tx, await bumpRevision(tx)));
    } catch (error) {
      if (name !== undefined && isUniqueViolation(error)) throw new DuplicateTrackerNameError(name);
      throw error;
    }
  }

  async function guard(tx: Tx, guildId: string, check: GuildWriteGuard | undefined): Promise<void> {
    if (!check) return;
    check(await tx.select().from(trackers).where(eq(trackers.guildId, guildId)).orderBy(asc(trackers.id)));
  }

  /** The guild's trackers with any of these names (any case), in one query. */
  async function findByNames(guildId: string, names: string[]): Promise<TrackerRow[]> {
    if (names.length === 0) return [];
    const lowered = [...new Set(names.map((name) => name.toLowerCase()))];
    return db
      .select()
      .from(trackers)
      .where(and(eq(trackers.guildId, guildId), inArray(sql`lower(${trackers.name})`, lowered)))
      .orderBy(asc(trackers.id));
  }

  return {
    async create(
      input: {
        guildId: string;
        channelId: string;
        definition: TrackerDefinition;
      },
      check?: GuildWriteGuard,
    ): Promise<TrackerRow> {
      return write(input.definition.name, async (tx, revision) => {
        await guard(tx, input.guildId, check);
        const rows = await tx
          .insert(trackers)
          .values({ ...input, name: input.definition.name, revision })
          .returning();
        return rows[0]!;
      });
    },

    /**
     * Creates several trackers of one guild and channel all at once: if one name is taken, none is
     * created (DuplicateTrackerNameError names the first taken one).
     */
    async createMany(
      input: {
        guildId: string;
        channelId: string;
        definitions: TrackerDefinition[];
      },
      check?: GuildWriteGuard,
    ): Promise<TrackerRow[]> {
      if (input.definitions.length === 0) return [];
      const { guildId, channelId, definitions } = input;
      try {
        return await db.transaction(async (tx) => {
          const revision = await bumpRevision(tx);
          await guard(tx, guildId, check);
          return tx
            .insert(trackers)
            .values(
              definitions.map((definition) => ({
                guildId,
                channelId,
                definition,
                name: definition.name,
                revision,
              })),
            )
            .returning();
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const taken = await findByNames(
          guildId,
          definitions.map((definition) => definition.name),
        );
        throw new DuplicateTrackerNameError(taken[0]?.name ?? definitions[0]!.name);
      }
    },

    /** Changes a tracker of this guild; undefined when it does not exist there. */
    async update(
      id: number,
      guildId: string,
      patch: { definition?: TrackerDefinition; channelId?: string; disabledReason?: string | null },
      check?: GuildWriteGuard,
    ): Promise<TrackerRow | undefined> {
      return write(patch.definition?.name, async (tx, revision) => {
        await guard(tx, guildId, check);
        const rows = await tx
          .update(trackers)
          .set({
            ...patch,
            ...(patch.definition ? { name: patch.definition.name } : {}),
            revision,
            updatedAt: new Date(),
          })
          .where(and(eq(trackers.id, id), eq(trackers.guildId, guildId)))
          .returning();
        return rows[0];
      });
    },

    /**
     * Deletes the tracker with its digest runs and ping cooldown, in one transaction: nothing else reads
     * those rows once the tracker is gone.
     */
    async remove(id: number, guildId: string): Promise<boolean> {
      return write(undefined, async (tx) => {
        const rows = await tx
          .delete(trackers)
          .where(and(eq(trackers.id, id), eq(trackers.guildId, guildId)))
          .returning({ id: trackers.id });
        if (rows.length === 0) return false;
        await tx.delete(digestRuns).where(eq(digestRuns.trackerId, id));
        await tx.delete(trackerPingCooldowns).where(eq(trackerPingCooldowns.trackerId, id));
        return true;
      });
    },

    async get(id: number, guildId: string): Promise<TrackerRow | undefined> {
      const rows = await db
        .select()
        .from(trackers)
        .where(and(eq(trackers.id, id), eq(trackers.guildId, guildId)));
      return rows[0];
    },

    async findByName(guildId: string, name: string): Promise<TrackerRow | undefined> {
      const rows = await db
        .select()
        .from(trackers)
        .where(and(eq(trackers.guildId, guildId), sql`lower(${trackers.name}) = lower(${name})`));
      return rows[0];
    },

    findByNames,

    async list(guildId?: string): Promise<TrackerRow[]> {
      return db
        .select()
        .from(trackers)
        .where(guildId === undefined ? undefined : eq(trackers.guildId, guildId))
        .orderBy(asc(trackers.guildId), asc(trackers.id));
    },

    async revision(): Promise<number> {
      const rows = await db.select().from(trackersRevision).where(eq(trackersRevision.id, 1));
      return rows[0]?.revision ?? 0;
    },

    async changesSince(revision: number): Promise<TrackerChanges> {
      return db.transaction(async (tx) => {
        const current = await tx.select().from(trackersRevision).where(eq(trackersRevision.id, 1));
        const changed = await tx
          .select()
          .from(trackers)
          .where(gt(trackers.revision, revision))
          .orderBy(asc(trackers.id));
        const existing = await tx.select({ id: trackers.id }).from(trackers);
        return {
          revision: current[0]?.revision ?? 0,
          changed,
          existingIds: existing.map((row) => row.id),
        };
      });
    },

    /** Delivery gave up on a channel: switch off its trackers with a reason the admins will see. */
    async disableChannel(channelId: string, reason: string): Promise<number> {
      return write(undefined, async (tx, revision) => {
        const rows = await tx
          .update(trackers)
          .set({ disabledReason: reason, revision, updatedAt: new Date() })
          .where(and(eq(trackers.channelId, channelId), isNull(trackers.disabledReason)))
          .returning({ id: trackers.id });
        return rows.length;
      });
    },

    /** Notes when trackers last matched (not a definition change: no revision bump). */
    recordMatches: (ids: number[], at: Date) => recordTrackerMatches(db, ids, at),
  };
}

export type TrackerRepository = ReturnType<typeof createTrackerRepository>;

/** "Last match" of trackers, also inside the transaction that stores the killmail they matched. */
export async function recordTrackerMatches(
  executor: Pick<Database, 'update'>,
  ids: number[],
  at: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await executor.update(trackers).set({ lastMatchAt: at }).where(inArray(trackers.id, ids));
}
