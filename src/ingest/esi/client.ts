// ESI client for the public routes the bot needs: ids -> names (alerts), exact names -> ids
// (autocomplete, character links), characters -> corporation and alliance (pilot lists) and killmails by
// id and hash (pay-per-kill posts of kills the feed did not bring). Polite by construction: identifies itself, honours every limit ESI announces,
// and fails fast with EsiUnavailableError instead of making an alert wait.
import { Agent, type Dispatcher, request } from 'undici';
import { z } from 'zod';
import type { Logger } from '../../log.ts';
import { type Clock, systemClock } from '../../clock.ts';
import { readCappedText } from '../capped-body.ts';
import { EsiError, EsiUnavailableError } from './errors.ts';
import { EsiRateLimitGate, type ResponseHeaders } from './rate-limit.ts';
import type { EsiName } from '../../engine/index.ts';
import type { EsiAffiliation, EsiIdsByCategory } from './types.ts';

/** The API behaviour we were written against; ESI keeps it stable for clients that send it. */
export const ESI_COMPATIBILITY_DATE = '2025-12-16';
/** ESI's own ceilings per request. */
export const NAMES_PER_REQUEST = 1000;
export const IDS_PER_REQUEST = 500;
export const AFFILIATIONS_PER_REQUEST = 1000;
/** ESI ids are int32. */
const MAX_ESI_ID = 2_147_483_647;
/** 1000 names are ~100 kB: a far larger answer is broken or hostile, and is not read. */
export const MAX_ESI_RESPONSE_BYTES = 2 * 1024 * 1024;
/** Bounds memory if a broken feed sends a stream of bogus ids. */
const MAX_REMEMBERED_UNKNOWN_IDS = 50_000;

export interface EsiClientOptions {
  /** ESI_URL, e.g. https://esi.evetech.net (no trailing slash, no version prefix). */
  baseUrl: string;
  /** App name/version and a contact, e.g. "Killtracker/0.1.0 (you@example.com)". Sent verbatim. */
  userAgent: string;
  log: Logger;
  /** Whole-request timeout (connect + headers + body). Default 5 s. */
  timeoutMs?: number;
  /** When ESI has asked us to pause longer than this, fail at once instead of waiting. Default 2 s. */
  maxWaitMs?: number;
  /** How long an id ESI called invalid is not asked about again. Default 1 h. */
  unknownIdTtlMs?: number;
  clock?: Clock;
  /** undici dispatcher; by default the client owns a keep-alive Agent, closed by close(). */
  dispatcher?: Dispatcher;
}

export interface EsiClient {
  /** Names of the given ids, in batches of 1000. Ids ESI does not know are left out (and remembered). */
  names(ids: Iterable<number>): Promise<EsiName[]>;
  /** Exact-name lookup: `{ characters: [{id, name}], corporations: [...], ... }`; unknown names are absent. */
  ids(names: Iterable<string>): Promise<EsiIdsByCategory>;
  /**
   * Corporation, alliance and faction of characters, in batches of 1000. Ids that are not characters
   * are left out (and remembered).
   */
  affiliations(characterIds: Iterable<number>): Promise<EsiAffiliation[]>;
  /**
   * The killmail with this id and hash (`GET /killmails/{id}/{hash}/`) as ESI sends it, unchecked; undefined
   * when ESI knows no killmail by that id and hash (or the hash is not one: 40 hex digits).
   */
  killmail(killmailId: number, hash: string): Promise<unknown>;
  /** True while `id` is remembered as one ESI rejected. */
  isKnownUnknown(id: number): boolean;
  close(): Promise<void>;
}

const namesResponse = z.array(z.object({ id: z.number().int(), name: z.string(), category: z.string() }));
const affiliationsResponse = z.array(
  z.object({
    character_id: z.number().int(),
    corporation_id: z.number().int(),
    alliance_id: z.number().int().optional(),
    faction_id: z.number().int().optional(),
  }),
);
const idsResponse = z.record(z.string(), z.array(z.object({ id: z.number().int(), name: z.string() })));

type CallResult = { status: 200; body: unknown } | { status: 404; body: unknown };

export function createEsiClient(options: EsiClientOptions): EsiClient {
  const { baseUrl, userAgent, log } = options;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const maxWaitMs = options.maxWaitMs ?? 2_000;
  const unknownIdTtlMs = options.unknownIdTtlMs ?? 3_600_000;
  const clock = options.clock ?? systemClock;
  const ownsDispatcher = options.dispatcher === undefined;
  const dispatcher =
    options.dispatcher ?? new Agent({ connect: { timeout: timeoutMs }, keepAliveTimeout: 10_000 });
  const gate = new EsiRateLimitGate(clock, log);
  /** id -> time (ms) until which it is not asked about again. */
  const unknownIds = new Map<number, number>();

  const headers = {
    'user-agent': userAgent,
    'x-compatibility-date': ESI_COMPATIBILITY_DATE,
    accept: 'application/json',
    'content-type': 'application/json',
  };

  async function call(method: 'GET' | 'POST', path: string, payload?: unknown): Promise<CallResult> {
    const waitMs = gate.waitMs();
    if (waitMs > maxWaitMs) {
      const pause = gate.currentPause;
      throw new EsiUnavailableError(
        `ESI asked us to wait ${Math.ceil(waitMs / 1000)} s (${pause?.reason ?? 'rate-limited'}); not calling it now`,
        { reason: 'rate-limited', retryAfterMs: waitMs },
      );
    }
    if (waitMs > 0) await clock.sleep(waitMs);

    const url = `${baseUrl}${path}`;
    const signal = AbortSignal.timeout(timeoutMs);
    let status: number;
    let responseHeaders: ResponseHeaders;
    let text: string | undefined;
    try {
      const response = await request(url, {
        method,
        headers,
        ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
        dispatcher,
        signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      status = response.statusCode;
      responseHeaders = response.headers;
      text = await readCappedText(response, MAX_ESI_RESPONSE_BYTES);
    } catch (error) {
      const timedOut = signal.aborted || isUndiciTimeout(error);
      throw new EsiUnavailableError(
        timedOut ? `ESI did not answer ${path} within ${timeoutMs} ms` : `ESI unreachable at ${baseUrl}`,
        { reason: timedOut ? 'timeout' : 'network', cause: error },
      );
    }

    gate.observe(status, responseHeaders);
    log.debug({ path, status }, 'ESI answered');
    if (text === undefined) {
      throw new EsiUnavailableError(`ESI answered ${path} with more than ${MAX_ESI_RESPONSE_BYTES} bytes`, {
        reason: 'bad-response',
        status,
      });
    }
    if (status === 429 || status === 420) {
      throw new EsiUnavailableError(`ESI rate limited ${path} (HTTP ${status})`, {
        reason: 'rate-limited',
        status,
        retryAfterMs: gate.waitMs(),
      });
    }
    if (status >= 500) {
      throw new EsiUnavailableError(`ESI failed ${path} with HTTP ${status}`, {
        reason: 'server-error',
        status,
      });
    }
    const body = parseJson(text);
    if (status === 404) return { status, body };
    if (status < 200 || status >= 300) {
      throw new EsiError(`ESI rejected ${path} with HTTP ${status}: ${text.slice(0, 200)}`, status);
    }
    if (body === undefined) {
      throw new EsiUnavailableError(`ESI answered ${path} with something that is not JSON`, {
        reason: 'bad-response',
        status,
      });
    }
    return { status: 200, body };
  }

  const post = (path: string, payload: unknown) => call('POST', path, payload);

  function rememberUnknown(id: number): void {
    unknownIds.delete(id);
    unknownIds.set(id, clock.now() + unknownIdTtlMs);
    if (unknownIds.size > MAX_REMEMBERED_UNKNOWN_IDS) {
      const oldest = unknownIds.keys().next().value;
      if (oldest !== undefined) unknownIds.delete(oldest);
    }
  }

  function isKnownUnknown(id: number): boolean {
    const until = unknownIds.get(id);
    if (until === undefined) return false;
    if (until > clock.now()) return true;
    unknownIds.delete(id);
    return false;
  }

  /**
   * One batch of ids; on a 404 that blames invalid ids ESI names none of them, so the batch is halved
   * until the bad ids are isolated (and remembered).
   */
  async function postIds<T>(
    path: string,
    ids: number[],
    schema: z.ZodType<T[]>,
    blamesIds: (body: unknown) => boolean,
  ): Promise<T[]> {
    const result = await post(path, ids);
    if (result.status === 200) {
      const parsed = schema.safeParse(result.body);
      if (!parsed.success) {
        throw new EsiUnavailableError(`ESI answered ${path} in an unexpected shape`, {
          reason: 'bad-response',
          status: 200,
        });
      }
      return parsed.data;
    }
    if (!blamesIds(result.body)) {
      throw new EsiError(
        `ESI answered 404 for ${baseUrl}${path} without naming invalid ids: check ESI_URL`,
        404,
      );
    }
    if (ids.length === 1) {
      const [id] = ids as [number];
      rememberUnknown(id);
      log.debug({ id, path }, 'ESI does not know this id; not asking again for a while');
      return [];
    }
    const middle = Math.ceil(ids.length / 2);
    const first = await postIds(path, ids.slice(0, middle), schema, blamesIds);
    const second = await postIds(path, ids.slice(middle), schema, blamesIds);
    return [...first, ...second];
  }

  /** Valid ids not remembered as unknown, each once. */
  function idsToAsk(input: Iterable<number>): number[] {
    const wanted: number[] = [];
    for (const id of new Set(input)) {
      if (!Number.isInteger(id) || id <= 0 || id > MAX_ESI_ID) continue;
      if (!isKnownUnknown(id)) wanted.push(id);
    }
    return wanted;
  }

  async function inBatches<T>(
    ids: number[],
    size: number,
    ask: (batch: number[]) => Promise<T[]>,
  ): Promise<T[]> {
    const found: T[] = [];
    for (let start = 0; start < ids.length; start += size)
      found.push(...(await ask(ids.slice(start, start + size))));
    return found;
  }

  return {
    names: (input) =>
      inBatches(idsToAsk(input), NAMES_PER_REQUEST, (batch) =>
        postIds('/universe/names/', batch, namesResponse, blamesInvalidIds),
      ),

    // Any 404 with an error: ESI's answer when an id is not a character.
    affiliations: (input) =>
      inBatches(idsToAsk(input), AFFILIATIONS_PER_REQUEST, (batch) =>
        postIds('/characters/affiliation/', batch, affiliationsResponse, hasErrorText),
      ),

    async ids(input) {
      const wanted = [...new Set([...input].map((name) => name.trim()).filter((name) => name !== ''))];
      const merged: EsiIdsByCategory = {};
      for (let start = 0; start < wanted.length; start += IDS_PER_REQUEST) {
        const result = await post('/universe/ids/', wanted.slice(start, start + IDS_PER_REQUEST));
        if (result.status === 404) continue;
        const parsed = idsResponse.safeParse(result.body);
        if (!parsed.success) {
          throw new EsiUnavailableError('ESI answered /universe/ids/ in an unexpected shape', {
            reason: 'bad-response',
            status: 200,
          });
        }
        for (const [category, entries] of Object.entries(parsed.data)) {
          const list = merged[category] ?? [];
          list.push(...entries);
          merged[category] = list;
        }
      }
      return merged;
    },

    async killmail(killmailId, hash) {
      if (!Number.isInteger(killmailId) || killmailId <= 0 || killmailId > MAX_ESI_ID) return undefined;
      if (!/^[0-9a-f]{40}$/i.test(hash)) return undefined;
      try {
        const result = await call('GET', `/killmails/${killmailId}/${hash.toLowerCase()}/`);
        return result.status === 404 ? undefined : result.body;
      } catch (error) {
        // ESI answers 422 when the hash is not the killmail's.
        if (error instanceof EsiError && !(error instanceof EsiUnavailableError) && error.status === 422)
          return undefined;
        throw error;
      }
    },

    isKnownUnknown,

    async close() {
      if (ownsDispatcher) await dispatcher.close();
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function errorText(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  return typeof error === 'string' ? error : undefined;
}

const hasErrorText = (body: unknown): boolean => errorText(body) !== undefined;

/** ESI's 404 for a names batch with a bad id says "Ensure all IDs are valid before resolving." */
const blamesInvalidIds = (body: unknown): boolean => /valid/i.test(errorText(body) ?? '');

function isUndiciTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT'
  );
}
