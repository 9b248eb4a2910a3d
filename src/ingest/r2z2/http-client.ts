// One GET against R2Z2 with a User-Agent and a hard timeout, the answer sorted into what the
// poller does next. Only the caller's own abort is thrown; every other failure is a value.
import { type Dispatcher, request } from 'undici';
import { readCappedText } from '../capped-body.ts';

/** R2Z2 documents are a few kB (a Keepstar kill with 3,753 attackers is ~1 MB): 5 MB is plenty. */
export const MAX_FEED_FILE_BYTES = 5 * 1024 * 1024;

/** A served file too large to read: handed on as an invalid document so the feed moves past it. */
export interface OversizedBody {
  oversizedLimitBytes: number;
}

export type FeedBody = string | OversizedBody;

export type FeedResponse =
  | { kind: 'ok'; body: FeedBody }
  | { kind: 'not-found' }
  /** 429 or 403: zKillboard says we ask too often (403 can last an hour). */
  | { kind: 'rate-limited'; status: number; retryAfterMs: number | undefined }
  /** `cause` is the HTTP status ("503"), "timeout" or "network". */
  | { kind: 'failed'; cause: string; detail: string };

export interface R2z2HttpClient {
  get(path: string, signal: AbortSignal): Promise<FeedResponse>;
}

export interface R2z2HttpClientOptions {
  baseUrl: string;
  userAgent: string;
  /** Whole request, headers and body; R2Z2 files are small, so this can be short. */
  timeoutMs: number;
  /** Default MAX_FEED_FILE_BYTES. */
  maxBodyBytes?: number;
  dispatcher?: Dispatcher;
}

export function createR2z2HttpClient(options: R2z2HttpClientOptions): R2z2HttpClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const headers = { 'user-agent': options.userAgent, accept: 'application/json' };
  const maxBodyBytes = options.maxBodyBytes ?? MAX_FEED_FILE_BYTES;
  return {
    async get(path, signal) {
      const timeout = AbortSignal.timeout(options.timeoutMs);
      try {
        const response = await request(`${baseUrl}${path}`, {
          method: 'GET',
          headers,
          signal: AbortSignal.any([signal, timeout]),
          headersTimeout: options.timeoutMs,
          bodyTimeout: options.timeoutMs,
          ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
        });
        if (response.statusCode === 200) {
          const body = await readCappedText(response, maxBodyBytes);
          return { kind: 'ok', body: body ?? { oversizedLimitBytes: maxBodyBytes } };
        }
        // Drain the body so the keep-alive connection can be reused.
        await response.body.dump().catch(() => undefined);
        return classifyStatus(response.statusCode, response.headers);
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        if (timeout.aborted || isUndiciTimeout(error)) {
          return {
            kind: 'failed',
            cause: 'timeout',
            detail: `no complete answer within ${options.timeoutMs} ms`,
          };
        }
        return { kind: 'failed', cause: 'network', detail: describeError(error) };
      }
    },
  };
}

function classifyStatus(status: number, headers: Dispatcher.ResponseData['headers']): FeedResponse {
  if (status === 404) return { kind: 'not-found' };
  if (status === 429 || status === 403) {
    return { kind: 'rate-limited', status, retryAfterMs: retryAfterMs(headers['retry-after']) };
  }
  return { kind: 'failed', cause: String(status), detail: `HTTP ${status}` };
}

/** Retry-After as seconds or as an HTTP date. */
function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function isUndiciTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT';
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${typeof code === 'string' ? `${code} ` : ''}${error.message}${cause}`;
}
