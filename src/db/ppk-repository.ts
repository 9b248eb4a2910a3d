// Rows of the pay-per-kill program: kills, events, settings, audit entries and payouts. Functions take the
// database or a transaction, so that the operations compose a change and its checks in one transaction.
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Database, Transaction } from './client.ts';
import { characters, ppkAudit, ppkEvents, ppkKills, ppkPayouts, ppkSettings } from './schema.ts';

export type PpkExecutor = Database | Transaction;
export type PpkKillRow = typeof ppkKills.$inferSelect;
export type NewPpkKill = typeof ppkKills.$inferInsert;
export type PpkEventRow = typeof ppkEvents.$inferSelect;
export type NewPpkEvent = typeof ppkEvents.$inferInsert;
export type PpkSettingsRow = typeof ppkSettings.$inferSelect;
export type PpkAuditRow = typeof ppkAudit.$inferSelect;
export type PpkPayoutRow = typeof ppkPayouts.$inferSelect;

const killKey = (guildId: string, killmailId: number) =>
  and(eq(ppkKills.guildId, guildId), eq(ppkKills.killmailId, killmailId));

/** The kill, locked for the rest of the transaction when `lock` (changes to one kill then run one at a time). */
export async function findPpkKill(
  ex: PpkExecutor,
  guildId: string,
  killmailId: number,
  lock = false,
): Promise<PpkKillRow | undefined> {
  const query = ex.select().from(ppkKills).where(killKey(guildId, killmailId));
  const rows = lock ? await query.for('update') : await query;
  return rows[0];
}

/** Inserts the kill unless it is there; true when this call inserted it. */
export async function insertPpkKill(ex: PpkExecutor, kill: NewPpkKill): Promise<boolean> {
  const rows = await ex
    .insert(ppkKills)
    .values(kill)
    .onConflictDoNothing()
    .returning({ killmailId: ppkKills.killmailId });
  return rows.length > 0;
}

export async function updatePpkKill(
  ex: PpkExecutor,
  guildId: string,
  killmailId: number,
  set: Partial<Omit<NewPpkKill, 'guildId' | 'killmailId'>>,
): Promise<void> {
  await ex.update(ppkKills).set(set).where(killKey(guildId, killmailId));
}

/** Kills of the guild whose killmail time is in [start, end), oldest first. */
export async function ppkKillsBetween(
  ex: PpkExecutor,
  guildId: string,
  start: Date,
  end: Date,
): Promise<PpkKillRow[]> {
  return ex
    .select()
    .from(ppkKills)
    .where(
      and(eq(ppkKills.guildId, guildId), gte(ppkKills.killmailTime, start), lt(ppkKills.killmailTime, end)),
    )
    .orderBy(asc(ppkKills.killmailTime), asc(ppkKills.killmailId));
}

export async function ppkKillsByIds(
  ex: PpkExecutor,
  guildId: string,
  killmailIds: readonly number[],
): Promise<PpkKillRow[]> {
  if (killmailIds.length === 0) return [];
  return ex
    .select()
    .from(ppkKills)
    .where(and(eq(ppkKills.guildId, guildId), inArray(ppkKills.killmailId, [...killmailIds])));
}

/** Every event of the given kills of the guild. */
export async function ppkEventsOfKills(
  ex: PpkExecutor,
  guildId: string,
  killmailIds: readonly number[],
): Promise<PpkEventRow[]> {
  if (killmailIds.length === 0) return [];
  return ex
    .select()
    .from(ppkEvents)
    .where(and(eq(ppkEvents.guildId, guildId), inArray(ppkEvents.killmailId, [...killmailIds])))
    .orderBy(asc(ppkEvents.killmailId), asc(ppkEvents.id));
}

/** Ids of the kills with an event booked in [start, end); `unpaidOnly` leaves out paid events. */
export async function ppkKillIdsBookedBetween(
  ex: PpkExecutor,
  guildId: string,
  start: Date,
  end: Date,
): Promise<number[]> {
  const rows = await ex
    .selectDistinct({ killmailId: ppkEvents.killmailId })
    .from(ppkEvents)
    .where(and(eq(ppkEvents.guildId, guildId), gte(ppkEvents.bookedAt, start), lt(ppkEvents.bookedAt, end)));
  return rows.map((row) => row.killmailId);
}

export async function findPpkEvent(
  ex: PpkExecutor,
  key: { guildId: string; killmailId: number; characterId: number; type: string },
): Promise<PpkEventRow | undefined> {
  const rows = await ex
    .select()
    .from(ppkEvents)
    .where(
      and(
        eq(ppkEvents.guildId, key.guildId),
        eq(ppkEvents.killmailId, key.killmailId),
        eq(ppkEvents.characterId, key.characterId),
        eq(ppkEvents.type, key.type),
      ),
    );
  return rows[0];
}

/** Inserts events, skipping those already there; resolves with how many were inserted. */
export async function insertPpkEvents(ex: PpkExecutor, events: NewPpkEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const rows = await ex
    .insert(ppkEvents)
    .values(events)
    .onConflictDoNothing()
    .returning({ id: ppkEvents.id });
  return rows.length;
}

/** Deletes an unpaid event; false when there was none (or it is paid). */
export async function deleteUnpaidPpkEvent(ex: PpkExecutor, id: number): Promise<boolean> {
  const rows = await ex
    .delete(ppkEvents)
    .where(and(eq(ppkEvents.id, id), isNull(ppkEvents.payoutId)))
    .returning({ id: ppkEvents.id });
  return rows.length > 0;
}

export async function freezePpkEvent(
  ex: PpkExecutor,
  id: number,
  frozen: { payoutId: number; paidShares: number; paidIsk: number; paidStatus: 'paid' | 'excluded' },
): Promise<void> {
  await ex.update(ppkEvents).set(frozen).where(eq(ppkEvents.id, id));
}

/** Linked characters of the guild among `characterIds`: character id -> Discord user id. */
export async function linkedOwners(
  ex: PpkExecutor,
  guildId: string,
  characterIds: readonly number[],
): Promise<Map<number, string>> {
  if (characterIds.length === 0) return new Map();
  const rows = await ex
    .select({ characterId: characters.characterId, userId: characters.userId })
    .from(characters)
    .where(and(eq(characters.guildId, guildId), inArray(characters.characterId, [...characterIds])));
  return new Map(rows.map((row) => [row.characterId, row.userId]));
}

export async function memberCharacterIds(
  ex: PpkExecutor,
  guildId: string,
  userId: string,
): Promise<number[]> {
  const rows = await ex
    .select({ characterId: characters.characterId })
    .from(characters)
    .where(and(eq(characters.guildId, guildId), eq(characters.userId, userId)))
    .orderBy(asc(characters.linkedAt), asc(characters.characterId));
  return rows.map((row) => row.characterId);
}

export async function findPpkSettings(ex: PpkExecutor, guildId: string): Promise<PpkSettingsRow | undefined> {
  const rows = await ex.select().from(ppkSettings).where(eq(ppkSettings.guildId, guildId));
  return rows[0];
}

export async function savePpkSettings(
  ex: PpkExecutor,
  row: Omit<PpkSettingsRow, 'updatedAt'>,
): Promise<void> {
  const { guildId: _guildId, ...set } = row;
  await ex
    .insert(ppkSettings)
    .values(row)
    .onConflictDoUpdate({ target: ppkSettings.guildId, set: { ...set, updatedAt: new Date() } });
}

export async function insertPpkAudit(ex: PpkExecutor, entry: typeof ppkAudit.$inferInsert): Promise<void> {
  await ex.insert(ppkAudit).values(entry);
}

export async function ppkAuditEntries(
  ex: PpkExecutor,
  guildId: string,
  killmailId: number | undefined,
  limit: number,
): Promise<PpkAuditRow[]> {
  return ex
    .select()
    .from(ppkAudit)
    .where(
      killmailId === undefined
        ? eq(ppkAudit.guildId, guildId)
        : and(eq(ppkAudit.guildId, guildId), eq(ppkAudit.killmailId, killmailId)),
    )
    .orderBy(desc(ppkAudit.id))
    .limit(limit);
}

export async function ppkPayoutsOf(ex: PpkExecutor, guildId: string): Promise<PpkPayoutRow[]> {
  return ex
    .select()
    .from(ppkPayouts)
    .where(eq(ppkPayouts.guildId, guildId))
    .orderBy(asc(ppkPayouts.startsAt));
}

/** Records a payout; undefined when the period was already marked paid. */
export async function insertPpkPayout(
  ex: PpkExecutor,
  payout: typeof ppkPayouts.$inferInsert,
): Promise<PpkPayoutRow | undefined> {
  const rows = await ex.insert(ppkPayouts).values(payout).onConflictDoNothing().returning();
  return rows[0];
}

/**
 * Serializes marking a period paid (exclusive) with the changes that read the payouts to book an event
 * (shared): a transaction-scoped lock per guild.
 */
export async function lockPpkPayouts(
  tx: Transaction,
  guildId: string,
  mode: 'shared' | 'exclusive',
): Promise<void> {
  await (mode === 'shared'
    ? tx.execute(sql`select pg_advisory_xact_lock_shared(727274100, hashtext(${guildId}))`)
    : tx.execute(sql`select pg_advisory_xact_lock(727274100, hashtext(${guildId}))`));
}
