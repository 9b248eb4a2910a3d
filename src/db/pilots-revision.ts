// Counts changes to who flies which character and with which roles, per guild, so that every process's
// link cache reloads only the guilds that changed (the same idea as trackers_revision).
import { asc, gt, sql } from 'drizzle-orm';
import type { Database, Transaction } from './client.ts';
import { guildPilotsRevision, pilotsRevision } from './schema.ts';

/** Marks the guilds as changed, inside the transaction that changed them. */
export async function bumpPilotsRevision(tx: Transaction, guildIds: Iterable<string>): Promise<void> {
  const unique = [...new Set(guildIds)];
  if (unique.length === 0) return;
  // The counter row's lock orders concurrent writers, so a reader never skips a committed revision.
  const rows = await tx
    .insert(pilotsRevision)
    .values({ id: 1, revision: 1 })
    .onConflictDoUpdate({ target: pilotsRevision.id, set: { revision: sql`${pilotsRevision.revision} + 1` } })
    .returning({ revision: pilotsRevision.revision });
  const revision = rows[0]!.revision;
  await tx
    .insert(guildPilotsRevision)
    .values(unique.map((guildId) => ({ guildId, revision })))
    .onConflictDoUpdate({ target: guildPilotsRevision.guildId, set: { revision } });
}

export interface PilotChanges {
  /** Pass it to the next call. */
  revision: number;
  /** Guilds whose characters, members or settings changed after the given revision. */
  guildIds: string[];
  /** The count went backwards (a restored or emptied database): guildIds lists every guild, reload all. */
  reset: boolean;
}

export async function pilotChangesSince(db: Database, revision: number): Promise<PilotChanges> {
  return db.transaction(async (tx) => {
    // The counter first: a change committed after this read has a higher revision and is seen next time.
    const current = await tx.select().from(pilotsRevision);
    const now = current[0]?.revision ?? 0;
    if (now === revision) return { revision, guildIds: [], reset: false };
    const reset = now < revision;
    const changed = await tx
      .select({ guildId: guildPilotsRevision.guildId })
      .from(guildPilotsRevision)
      .where(gt(guildPilotsRevision.revision, reset ? -1 : revision))
      .orderBy(asc(guildPilotsRevision.guildId));
    return { revision: now, guildIds: changed.map((row) => row.guildId), reset };
  });
}
