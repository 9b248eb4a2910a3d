import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { userAgent } from '../../src/config/user-agent.ts';
import { sdeStatus } from '../../src/db/sde-store.ts';
import { SdeError } from '../../src/ingest/sde/sde-error.ts';
import { ensureSdeImported, type SdeUpdateOptions, updateSde } from '../../src/ingest/sde/update-sde.ts';
import { silentLogger } from '../../src/log.ts';
import { describeEachDatabase } from '../helpers/database.ts';
import { type FakeSdeServer, startFakeSdeServer } from './fake-sde-server.ts';
import {
  MINI_SDE_STATUS,
  miniSdeBuild,
  miniSdeFiles,
  scratchDir,
  without,
  zipBuffer,
} from './sde-test-files.ts';
import { MINI_SDE } from '../helpers/repo-paths.ts';

const USER_AGENT = 'Killtracker tests (contact: tests@example.com)';
const ZIP_PATH = '/tranquility/eve-online-static-data-3201939-jsonl.zip';

describeEachDatabase('updating the SDE', (getDb) => {
  let server: FakeSdeServer;
  let miniZip: Buffer;
  let dataDir: ReturnType<typeof scratchDir>;
  const terminalOutput: string[] = [];

  beforeAll(async () => {
    server = await startFakeSdeServer();
    miniZip = await zipBuffer(miniSdeFiles());
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.answers.clear();
    server.requests.length = 0;
    terminalOutput.length = 0;
    dataDir = scratchDir('kt-sde-data-');
  });
  afterEach(() => dataDir.remove());

  const options = (extra: Partial<SdeUpdateOptions> = {}): SdeUpdateOptions => ({
    db: getDb().db,
    env: { SDE_URL: server.url, ZKB_USER_AGENT: USER_AGENT, DATA_DIR: dataDir.path },
    log: silentLogger,
    terminal: { isTTY: false, write: (text: string) => terminalOutput.push(text) },
    ...extra,
  });

  /** Imports the mini build as "the previous data" that a failed update must leave alone. */
  const importMini = async () => {
    server.publish(3201939, miniZip);
    await updateSde(options());
    server.requests.length = 0;
  };

  const failure = async (update: Promise<unknown>): Promise<SdeError> => {
    const error = await update.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(SdeError);
    return error as SdeError;
  };

  it('GIVEN a local folder WHEN updating with it THEN imports it without any request', async () => {
    const result = await updateSde(options({ file: MINI_SDE }));
    expect(result).toEqual({
      imported: true,
      source: MINI_SDE,
      releaseDate: '2026-02-11T11:26:42Z',
      status: MINI_SDE_STATUS,
    });
    expect(server.requests).toEqual([]);
  });

  it('GIVEN a newer build online WHEN updating THEN downloads it with our User-Agent, imports it and deletes the download', async () => {
    server.publish(3201939, miniZip);
    const result = await updateSde(options());
    expect(result).toMatchObject({
      imported: true,
      source: `${server.url}/eve-online-static-data-3201939-jsonl.zip`,
    });
    expect(await sdeStatus(getDb().db)).toEqual(MINI_SDE_STATUS);
    expect(server.requests).toEqual([
      { path: '/tranquility/latest.jsonl', userAgent: userAgent(USER_AGENT) },
      { path: ZIP_PATH, userAgent: userAgent(USER_AGENT) },
    ]);
    expect(readdirSync(dataDir.path)).toEqual([]);
  });

  it('GIVEN the latest build is already imported WHEN updating THEN skips the download', async () => {
    await importMini();
    const result = await updateSde(options());
    expect(result).toEqual({
      imported: false,
      reason: 'SDE build 3201939 is already imported',
      build: 3201939,
    });
    expect(server.requests.map((request) => request.path)).toEqual(['/tranquility/latest.jsonl']);
  });

  it('GIVEN the latest build is already imported WHEN updating with force THEN downloads and imports it again', async () => {
    await importMini();
    const result = await updateSde(options({ force: true }));
    expect(result.imported).toBe(true);
    expect(server.requests.map((request) => request.path)).toContain(ZIP_PATH);
    expect(await sdeStatus(getDb().db)).toEqual(MINI_SDE_STATUS);
  });

  it('GIVEN an imported build WHEN a newer one is published THEN it replaces the old one', async () => {
    await importMini();
    server.publish(3201940, await zipBuffer(miniSdeBuild(3201940, 5)));
    await updateSde(options());
    expect(await sdeStatus(getDb().db)).toEqual({ ...MINI_SDE_STATUS, build: 3201940, systems: 5 });
  });

  it('GIVEN the zip answers HTTP 500 THEN says so with the URL and keeps the imported data', async () => {
    await importMini();
    server.publish(3201940, miniZip);
    server.answers.set('/tranquility/eve-online-static-data-3201940-jsonl.zip', {
      kind: 'body',
      status: 500,
      body: 'internal error',
    });
    const error = await failure(updateSde(options()));
    expect(error.message).toContain(
      `${server.url}/eve-online-static-data-3201940-jsonl.zip answered HTTP 500`,
    );
    expect(await sdeStatus(getDb().db)).toEqual(MINI_SDE_STATUS);
    expect(readdirSync(dataDir.path)).toEqual([]);
  });

  it('GIVEN latest.jsonl answers HTTP 503 THEN says so and suggests --file', async () => {
    server.answers.set('/tranquility/latest.jsonl', { kind: 'body', status: 503, body: 'busy' });
    const error = await failure(updateSde(options()));
    expect(error.message).toContain('latest.jsonl answered HTTP 503');
    expect(error.message).toContain('--file');
  });

  it('GIVEN latest.jsonl without a build number THEN says the latest build is unknown', async () => {
    server.answers.set('/tranquility/latest.jsonl', { kind: 'body', body: '{"_key": "sde"}\n' });
    const error = await failure(updateSde(options()));
    expect(error.message).toContain('did not give the latest SDE build (missing "buildNumber"');
  });

  it('GIVEN the connection drops before Content-Length bytes THEN reports a cut download and keeps the imported data', async () => {
    await importMini();
    const newer = await zipBuffer(miniSdeBuild(3201940));
    server.publish(3201940, newer);
    server.answers.set('/tranquility/eve-online-static-data-3201940-jsonl.zip', {
      kind: 'cut',
      body: newer,
      sendBytes: 1000,
    });
    const error = await failure(updateSde(options()));
    expect(error.message).toMatch(/stopped after \d+ of \d+ bytes/);
    expect(error.message).toContain('Run "killtracker sde update" again');
    expect(await sdeStatus(getDb().db)).toEqual(MINI_SDE_STATUS);
    expect(readdirSync(dataDir.path)).toEqual([]);
  });

  it('GIVEN the server sends a corrupt zip THEN says the zip is unreadable and keeps the imported data', async () => {
    await importMini();
    server.publish(3201940, Buffer.from('PK\u0003\u0004 but nothing else that a zip needs'.repeat(30)));
    const error = await failure(updateSde(options()));
    expect(error.message).toContain('is not a readable zip');
    expect(await sdeStatus(getDb().db)).toEqual(MINI_SDE_STATUS);
  });

  it('GIVEN the zip lacks mapStargates.jsonl THEN names the missing file and keeps the imported data', async () => {
    await importMini();
    server.publish(3201940, await zipBuffer(without(miniSdeBuild(3201940), 'mapStargates.jsonl')));
    const error = await failure(updateSde(options()));
    expect(error.message).toContain('has no mapStargates.jsonl');
    expect(await sdeStatus(getDb().db)).toEqual(MINI_SDE_STATUS);
  });

  it('GIVEN nothing listens at SDE_URL THEN says it could not reach it', async () => {
    const error = await failure(
      updateSde({ ...options(), env: { ...options().env, SDE_URL: 'http://127.0.0.1:1/tranquility' } }),
    );
    expect(error.message).toContain('Could not reach http://127.0.0.1:1/tranquility/latest.jsonl');
  });

  it('GIVEN a server that never answers THEN the request times out with a clear error', async () => {
    server.answers.set('/tranquility/latest.jsonl', { kind: 'silent' });
    const error = await failure(updateSde(options({ timeoutMs: 300 })));
    expect(error.message).toContain('Could not reach');
    expect(error.message).toMatch(/timeout/i);
  });

  it('GIVEN a URL (that redirects) as the file THEN downloads and imports that zip', async () => {
    server.answers.set('/mirror/latest-jsonl.zip', { kind: 'redirect', location: '/mirror/sde.zip' });
    server.answers.set('/mirror/sde.zip', { kind: 'body', body: miniZip });
    const mirror = server.url.replace('/tranquility', '/mirror/latest-jsonl.zip');
    const result = await updateSde(options({ file: mirror }));
    expect(result).toMatchObject({ imported: true, source: mirror, status: MINI_SDE_STATUS });
  });

  it('GIVEN a terminal WHEN downloading THEN draws a progress bar on it and ends the line', async () => {
    server.publish(3201939, miniZip);
    await updateSde(
      options({ terminal: { isTTY: true, write: (text: string) => terminalOutput.push(text) } }),
    );
    expect(terminalOutput.at(0)).toMatch(/^\rDownloading the SDE \[[#-]{30}\] +\d+% /);
    expect(terminalOutput.at(-2)).toMatch(/\[#{30}\] 100% /);
    expect(terminalOutput.at(-1)).toBe('\n');
  });

  it('GIVEN no terminal WHEN the SDE is downloaded, read and stored THEN a few log lines show each step', async () => {
    const messages: string[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => messages.push(JSON.parse(line).msg) });
    server.publish(3201939, miniZip);
    await updateSde(options({ log }));
    expect(messages).toContainEqual(expect.stringMatching(/^Downloading the SDE: done \(\d+\.\d MB\)$/));
    const reading = messages.filter((message) => message.startsWith('Reading the SDE: '));
    expect(reading.at(-2)).toMatch(/^Reading the SDE: 100% \(\d+\.\d of \d+\.\d MB, \w+\.jsonl\)$/);
    expect(reading.at(-1)).toMatch(/^Reading the SDE: done \(\d+\.\d MB of SDE files\)$/);
    // 3 regions, 4 constellations, 8 systems, 8 gate links, 2 categories, 3 groups, 3 types.
    expect(messages).toContain('Storing the SDE: 100% (31 of 31 rows)');
    expect(messages).toContain('Storing the SDE: done');
    expect(messages.length).toBeLessThan(40);
  });

  it('GIVEN empty tables WHEN ensuring the SDE at start-up THEN imports the latest build', async () => {
    server.publish(3201939, miniZip);
    const result = await ensureSdeImported(options());
    expect(result.imported).toBe(true);
    expect(await sdeStatus(getDb().db)).toEqual(MINI_SDE_STATUS);
  });

  it('GIVEN an imported SDE WHEN ensuring the SDE at start-up THEN makes no request at all', async () => {
    await importMini();
    const result = await ensureSdeImported(options());
    expect(result).toEqual({ imported: false, reason: 'The SDE is already imported' });
    expect(server.requests).toEqual([]);
  });

  it('GIVEN a DATA_DIR that does not exist yet THEN creates it for the download', async () => {
    server.publish(3201939, miniZip);
    const nested = join(dataDir.path, 'new', 'data');
    await updateSde({ ...options(), env: { ...options().env, DATA_DIR: nested } });
    expect(existsSync(nested)).toBe(true);
    expect(readdirSync(nested)).toEqual([]);
  });
});
