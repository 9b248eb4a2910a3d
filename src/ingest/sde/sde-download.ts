// HTTP side of the SDE: which build is the latest, and streaming its zip to a file (undici, with timeouts).
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Agent, type Dispatcher, interceptors, request } from 'undici';
import { byteSummary, type Progress } from './progress.ts';
import { errorMessage, SdeError } from './sde-error.ts';
import { FieldProblem, type JsonObject, parseBuild, type SdeBuild } from './sde-records.ts';

export interface SdeHttpOptions {
  /** Sent on every request (ZKB_USER_AGENT): CCP and zKillboard want to know who is asking. */
  userAgent: string;
  /** Longest wait for the response headers, and between two chunks of the body. */
  timeoutMs?: number | undefined;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const LATEST_BUILD_MAX_BYTES = 64 * 1024;

export function latestBuildUrl(sdeUrl: string): string {
  return `${sdeUrl}/latest.jsonl`;
}

export function sdeZipUrl(sdeUrl: string, buildNumber: number): string {
  return `${sdeUrl}/eve-online-static-data-${buildNumber}-jsonl.zip`;
}

/** Reads `${SDE_URL}/latest.jsonl`: `{"_key":"sde","buildNumber":N,"releaseDate":"..."}`. */
export async function fetchLatestSdeBuild(sdeUrl: string, options: SdeHttpOptions): Promise<SdeBuild> {
  const url = latestBuildUrl(sdeUrl);
  const text = await withResponse(url, options, async (body) => {
    let received = '';
    for await (const chunk of body) {
      received += String(chunk);
      if (received.length > LATEST_BUILD_MAX_BYTES) break;
    }
    return received;
  });
  const line = text.split('\n').find((candidate) => candidate.trim() !== '');
  try {
    if (line === undefined) throw new FieldProblem('the answer is empty');
    const record: unknown = JSON.parse(line);
    if (typeof record !== 'object' || record === null) throw new FieldProblem('expected a JSON object');
    return parseBuild(record as JsonObject);
  } catch (error) {
    throw new SdeError(
      `${url} did not give the latest SDE build (${errorMessage(error)}). Check SDE_URL, or import a ` +
        'local zip with "killtracker sde update --file PATH".',
      { cause: error },
    );
  }
}

/**
 * Streams `url` into `destination`, reporting progress; returns the byte count.
 * A body shorter than its Content-Length is an error, never a silently short file.
 */
export async function downloadSdeZip(
  url: string,
  destination: string,
  options: SdeHttpOptions & { progress?: Progress },
): Promise<number> {
  return withResponse(url, options, async (body, headers) => {
    const total = contentLength(headers);
    let received = 0;
    try {
      await pipeline(
        body,
        async function* count(source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            received += chunk.length;
            options.progress?.update(received, total);
            yield chunk;
          }
        },
        createWriteStream(destination),
      );
    } catch (error) {
      if (total !== null && received < total) throw truncated(url, received, total, error);
      throw error;
    }
    if (total !== null && received !== total) throw truncated(url, received, total, undefined);
    options.progress?.finish(byteSummary(received));
    return received;
  });
}

function truncated(url: string, received: number, total: number, cause: unknown): SdeError {
  const reason = cause === undefined ? '' : ` (${errorMessage(cause)})`;
  return new SdeError(
    `The download of ${url} stopped after ${received} of ${total} bytes${reason}: the connection was cut. ` +
      'Run "killtracker sde update" again.',
    { cause },
  );
}

function contentLength(headers: Dispatcher.ResponseData['headers']): number | null {
  const raw = headers['content-length'];
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return raw !== undefined && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

/** One GET with redirects followed and timeouts set; non-2xx and network failures become SdeError. */
async function withResponse<T>(
  url: string,
  options: SdeHttpOptions,
  read: (body: Dispatcher.ResponseData['body'], headers: Dispatcher.ResponseData['headers']) => Promise<T>,
): Promise<T> {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const agent = new Agent({ headersTimeout: timeout, bodyTimeout: timeout, connectTimeout: timeout });
  try {
    let response: Dispatcher.ResponseData;
    try {
      response = await request(url, {
        method: 'GET',
        headers: { 'user-agent': options.userAgent },
        dispatcher: agent.compose(interceptors.redirect({ maxRedirections: 5 })),
      });
    } catch (error) {
      throw new SdeError(
        `Could not reach ${url} (${errorMessage(error)}). Check the network and SDE_URL, or import a ` +
          'local zip with "killtracker sde update --file PATH".',
        { cause: error },
      );
    }
    if (response.statusCode < 200 || response.statusCode > 299) {
      await response.body.dump().catch(() => undefined);
      throw new SdeError(
        `${url} answered HTTP ${response.statusCode}. Check SDE_URL, or try again later ` +
          '(or import a local zip with "killtracker sde update --file PATH").',
      );
    }
    try {
      return await read(response.body, response.headers);
    } catch (error) {
      if (error instanceof SdeError) throw error;
      throw new SdeError(
        `Reading ${url} failed (${errorMessage(error)}). Run "killtracker sde update" again.`,
        {
          cause: error,
        },
      );
    } finally {
      if (!response.body.destroyed) response.body.destroy();
    }
  } finally {
    await agent.close().catch(() => undefined);
  }
}
