// Use cases: import an SDE from a file, folder or URL, or fetch CCP's latest build when it is newer.
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Env } from '../../config/env.ts';
import { userAgent } from '../../config/user-agent.ts';
import type { Database } from '../../db/client.ts';
import {
  importedSdeBuild,
  isSdeEmpty,
  replaceSdeData,
  type SdeStatus,
  sdeStatus,
} from '../../db/sde-store.ts';
import type { SdeData } from '../../engine/universe/index.ts';
import type { Logger } from '../../log.ts';
import { BYTES, createProgress, type Measure, type ProgressTerminal, ROWS } from './progress.ts';
import { readSde, readSdeZip } from './read-sde.ts';
import { downloadSdeZip, fetchLatestSdeBuild, type SdeHttpOptions, sdeZipUrl } from './sde-download.ts';

export interface SdeUpdateOptions {
  db: Database;
  env: Pick<Env, 'SDE_URL' | 'ZKB_USER_AGENT' | 'DATA_DIR'>;
  log: Logger;
  /** A local zip or folder, or an http(s) URL of a zip; when absent the latest build is looked up. */
  file?: string | undefined;
  /** Download even when the latest build is the one already imported. */
  force?: boolean | undefined;
  /** Where the progress bar is drawn when it is a terminal; defaults to process.stderr. */
  terminal?: ProgressTerminal | undefined;
  /** HTTP timeout per request (headers, and between body chunks). */
  timeoutMs?: number | undefined;
}

export type SdeUpdateResult =
  | { imported: true; source: string; releaseDate: string | null; status: SdeStatus }
  | { imported: false; reason: string; build: number };

/** Imports `file` if given; otherwise downloads CCP's latest build unless it is already imported. */
export async function updateSde(options: SdeUpdateOptions): Promise<SdeUpdateResult> {
  const { db, env, log, file } = options;
  const http: SdeHttpOptions = { userAgent: userAgent(env.ZKB_USER_AGENT), timeoutMs: options.timeoutMs };
  if (file !== undefined && !/^https?:\/\//i.test(file)) {
    const source = resolve(file);
    log.info({ source }, 'Reading the SDE');
    return store(options, await readSde(source, progressOf(options, 'Reading the SDE')), source);
  }
  if (file !== undefined) return store(options, await downloadAndRead(options, file, http), file);

  const latest = await fetchLatestSdeBuild(env.SDE_URL, http);
  const current = await importedSdeBuild(db);
  if (!options.force && current === latest.buildNumber) {
    log.info({ build: current }, 'The SDE is up to date');
    return { imported: false, reason: `SDE build ${current} is already imported`, build: current };
  }
  log.info({ build: latest.buildNumber, previousBuild: current }, 'Downloading a new SDE build');
  const url = sdeZipUrl(env.SDE_URL, latest.buildNumber);
  const sde = await downloadAndRead(options, url, http);
  if (sde.buildNumber !== latest.buildNumber) {
    log.warn(
      { announced: latest.buildNumber, inZip: sde.buildNumber },
      'The downloaded SDE names another build than latest.jsonl; recording the build inside the zip',
    );
  }
  return store(options, sde, url);
}

/** Start-up: imports the latest SDE only when the tables are empty, so a normal start makes no request. */
export async function ensureSdeImported(
  options: Omit<SdeUpdateOptions, 'file' | 'force'>,
): Promise<SdeUpdateResult | { imported: false; reason: string }> {
  if (!(await isSdeEmpty(options.db))) return { imported: false, reason: 'The SDE is already imported' };
  options.log.info('No EVE static data yet: downloading the SDE (a one-time step of a minute or so)');
  return updateSde({ ...options, force: true });
}

/** The zip goes to a temporary file under DATA_DIR (it can be large) and is deleted afterwards. */
async function downloadAndRead(
  options: SdeUpdateOptions,
  url: string,
  http: SdeHttpOptions,
): Promise<SdeData> {
  const dataDir = resolve(options.env.DATA_DIR);
  await mkdir(dataDir, { recursive: true });
  const temporary = join(dataDir, `sde-download-${randomUUID()}.zip.part`);
  try {
    const progress = progressOf(options, 'Downloading the SDE');
    const bytes = await downloadSdeZip(url, temporary, { ...http, progress });
    options.log.info({ url, bytes }, 'SDE downloaded');
    return await readSdeZip(temporary, progressOf(options, 'Reading the SDE'));
  } finally {
    await rm(temporary, { force: true });
  }
}

function progressOf(options: SdeUpdateOptions, label: string, measure: Measure = BYTES) {
  return createProgress({ label, log: options.log, terminal: options.terminal ?? process.stderr, measure });
}

async function store(options: SdeUpdateOptions, sde: SdeData, source: string): Promise<SdeUpdateResult> {
  const started = Date.now();
  const progress = progressOf(options, 'Storing the SDE', ROWS);
  await replaceSdeData(options.db, sde, source, new Date(), (done, total) => progress.update(done, total));
  progress.finish('done');
  const status = await sdeStatus(options.db);
  options.log.info({ ...status, source, ms: Date.now() - started }, 'SDE imported');
  return { imported: true, source, releaseDate: sde.releaseDate, status };
}
