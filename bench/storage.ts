// Disk cost of keeping killmails: a day of the live feed (~17,500 documents: the real killmails of
// ../shared/killmails, repeated under new ids) stored as the pipeline stores them, then the killmails
// table's size with its TOAST data and indexes, per killmail, per day and per month at 15-20k a day. On
// PGlite always, and on PostgreSQL too when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server whose
// user may create a scratch database.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { type DatabaseHandle, openDatabase } from '../src/db/client.ts';
import { killmails } from '../src/db/schema.ts';
import type { R2z2Document } from '../src/engine/killmail/types.ts';
import type { BenchModule } from './bench-module.ts';
import { SHARED_KILLMAILS_DIR } from './shared.ts';

/** The real killmails (the synthetic aa-killtracker set is left out). */
const REAL_FILES = ['insight-2018.jsonl', 'zk-activity-labelled.jsonl'];
/** About one day of the live feed (15-20k killmails). */
const DAY_OF_KILLMAILS = 17_500;
const BATCH = 250;
const LIVE_RATES = [15_000, 20_000];

function realDocuments(): R2z2Document[] | undefined {
  try {
    return REAL_FILES.flatMap((file) =>
      readFileSync(resolve(SHARED_KILLMAILS_DIR, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as R2z2Document),
    );
  } catch {
    return undefined;
  }
}

async function tableBytes(database: DatabaseHandle): Promise<number> {
  const result: unknown = await database.db.execute(sql`select pg_total_relation_size('killmails') as bytes`);
  // postgres.js answers with the rows, PGlite with { rows }.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{
    bytes: string | number;
  }>;
  return Number(rows[0]?.bytes ?? 0);
}

async function measure(kind: string, database: DatabaseHandle, documents: R2z2Document[]) {
  await database.migrate();
  const before = await tableBytes(database);
  const receivedAt = new Date();
  let textBytes = 0;
  for (let start = 0; start < DAY_OF_KILLMAILS; start += BATCH) {
    const rows = [];
    for (let index = start; index < Math.min(start + BATCH, DAY_OF_KILLMAILS); index++) {
      const source = documents[index % documents.length]!;
      // Each copy under its own id, as a different kill would be.
      const document = { ...source, killmail_id: 900_000_000 + index };
      textBytes += Buffer.byteLength(JSON.stringify(document));
      rows.push({
        id: document.killmail_id,
        hash: document.hash,
        killTime: new Date(document.esi.killmail_time),
        solarSystemId: document.esi.solar_system_id,
        sequence: index,
        document,
        receivedAt,
      });
    }
    await database.db.insert(killmails).values(rows);
  }
  await database.db.execute(sql`vacuum analyze killmails`);
  const perKillmail = ((await tableBytes(database)) - before) / DAY_OF_KILLMAILS;
  const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
  return {
    bench: 'storage',
    database: kind,
    killmails: DAY_OF_KILLMAILS,
    distinct_documents: documents.length,
    json_bytes_per_killmail: Math.round(textBytes / DAY_OF_KILLMAILS),
    stored_bytes_per_killmail: Math.round(perKillmail),
    ...Object.fromEntries(
      LIVE_RATES.flatMap((rate) => [
        [`mb_per_day_at_${rate}`, mb(perKillmail * rate)],
        [`gb_per_month_at_${rate}`, Math.round((perKillmail * rate * 30) / 1e8) / 10],
      ]),
    ),
  };
}

async function onPglite(documents: R2z2Document[]) {
  const pglite = await PGlite.create();
  try {
    return await measure('pglite', await openDatabase({ pglite }), documents);
  } finally {
    await pglite.close();
  }
}

async function onPostgres(url: string, documents: R2z2Document[]) {
  const name = `kt_bench_storage_${process.pid}`;
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  try {
    const database = await openDatabase({ url: scratch.toString() });
    try {
      return await measure('postgres', database, documents);
    } finally {
      await database.close();
    }
  } finally {
    await admin.unsafe(`drop database if exists ${name}`);
    await admin.end();
  }
}

export const storageBench: BenchModule = {
  name: 'storage',
  async run() {
    const documents = realDocuments();
    if (!documents)
      return [{ bench: 'storage', skipped: `${SHARED_KILLMAILS_DIR} lacks ${REAL_FILES.join(', ')}` }];
    const results: object[] = [await onPglite(documents)];
    const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (url) results.push(await onPostgres(url, documents));
    return results;
  },
};
