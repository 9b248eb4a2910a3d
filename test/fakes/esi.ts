// A local ESI for tests: /universe/names/, /universe/ids/, /characters/affiliation/ and
// /killmails/{id}/{hash}/ on 127.0.0.1 from configurable name, affiliation and killmail tables, with scriptable outages, rate limits, error limits and slow answers. Every request
// is recorded (path, headers, body) so tests can check what the client sent.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../src/clock.ts';
import type { EsiName } from '../../src/engine/index.ts';
import type { EsiClient } from '../../src/ingest/esi/client.ts';
import type { EsiAffiliation } from '../../src/ingest/esi/types.ts';

export const INVALID_IDS_ERROR = 'Ensure all IDs are valid before resolving.';

export interface RecordedEsiRequest {
  method: string;
  /** Path without the optional `/latest` prefix, e.g. `/universe/names/`. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  /** What the fake answered (0 when it never answered). */
  status: number;
}

/** One scripted answer, consumed by the next request (see `failNext`). */
export type EsiFailure =
  | { kind: 'status'; status: number; body?: unknown }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'error-limited'; resetSeconds: number }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'hang' };

/** Legacy error-limit window as ESI reports it on every response. */
export interface EsiErrorLimit {
  remain: number;
  resetSeconds: number;
}

/** The X-Ratelimit-* headers of ESI's token buckets. */
export interface EsiRateLimitHeaders {
  group: string;
  limit: string;
  remaining: number;
  used: number;
}

export interface FakeEsiOptions {
  names?: Iterable<EsiName>;
  /** Characters' corporations and alliances; any other id makes /characters/affiliation/ answer 404. */
  affiliations?: Iterable<EsiAffiliation>;
  /** Starting error budget; every non-2xx answer spends one, 0 means 420 for everything. */
  errorLimit?: EsiErrorLimit;
}

const IDS_KEYS: Record<string, string> = {
  agent: 'agents',
  alliance: 'alliances',
  character: 'characters',
  constellation: 'constellations',
  corporation: 'corporations',
  faction: 'factions',
  inventory_type: 'inventory_types',
  region: 'regions',
  solar_system: 'systems',
  station: 'stations',
};

export class FakeEsi {
  readonly requests: RecordedEsiRequest[] = [];
  private readonly names = new Map<number, EsiName>();
  private readonly affiliations = new Map<number, EsiAffiliation>();
  /** ESI killmails by `<id>/<hash>`. */
  private readonly killmails = new Map<string, unknown>();
  private readonly script: EsiFailure[] = [];
  private readonly server: Server;
  private readonly hanging = new Set<ServerResponse>();
  private port = 0;
  private down: 'unavailable' | 'refused' | undefined;
  private errorLimit: EsiErrorLimit;
  private rateLimitHeaders: EsiRateLimitHeaders | undefined;

  private constructor(options: FakeEsiOptions) {
    this.addNames(options.names ?? []);
    this.addAffiliations(options.affiliations ?? []);
    this.errorLimit = { ...(options.errorLimit ?? { remain: 100, resetSeconds: 60 }) };
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: `fake ESI failed: ${String(error)}` }));
      });
    });
  }

  static async start(options: FakeEsiOptions = {}): Promise<FakeEsi> {
    const fake = new FakeEsi(options);
    fake.server.listen(0, '127.0.0.1');
    await once(fake.server, 'listening');
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** The ESI_URL to give the client. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  addNames(entries: Iterable<EsiName>): void {
    for (const entry of entries) this.names.set(entry.id, { ...entry });
  }

  addAffiliations(entries: Iterable<EsiAffiliation>): void {
    for (const entry of entries) this.affiliations.set(entry.character_id, { ...entry });
  }

  /** Serves each killmail at /killmails/{killmail_id}/{hash}/, as ESI does. */
  addKillmails(entries: Iterable<{ hash: string; esi: { killmail_id: number } }>): void {
    for (const entry of entries)
      this.killmails.set(`${entry.esi.killmail_id}/${entry.hash.toLowerCase()}`, structuredClone(entry.esi));
  }

  /** The next `times` requests get this answer, after any already scripted. */
  failNext(failure: EsiFailure, times = 1): void {
    for (let i = 0; i < times; i++) this.script.push(failure);
  }

  /** 'unavailable' answers 503 to everything; 'refused' closes the port; false brings it back. */
  async setDown(mode: 'unavailable' | 'refused' | false): Promise<void> {
    const wasRefused = this.down === 'refused';
    this.down = mode === false ? undefined : mode;
    if (mode === 'refused' && !wasRefused) {
      this.server.close();
      this.server.closeAllConnections();
    } else if (mode !== 'refused' && wasRefused) {
      this.server.listen(this.port, '127.0.0.1');
      await once(this.server, 'listening');
    }
  }

  setErrorLimit(limit: EsiErrorLimit): void {
    this.errorLimit = { ...limit };
  }

  /** Sends X-Ratelimit-* headers on every answer from now on (undefined stops them). */
  setRateLimitHeaders(headers: EsiRateLimitHeaders | undefined): void {
    this.rateLimitHeaders = headers;
  }

  /** Recorded requests to one route (`/universe/names/` or `/universe/ids/`). */
  requestsTo(path: string): RecordedEsiRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    if (this.down === 'refused') return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', 'http://fake').pathname.replace(/^\/latest(?=\/)/, '');
    const record: RecordedEsiRequest = {
      method: req.method ?? 'GET',
      path,
      headers: { ...req.headers },
      body: parseJson(text) ?? text,
      status: 0,
    };
    this.requests.push(record);

    const reply = (status: number, body: unknown, extra: Record<string, string> = {}) => {
      if (status < 200 || status >= 300) this.errorLimit.remain = Math.max(0, this.errorLimit.remain - 1);
      record.status = status;
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        ...this.limitHeaders(),
        ...extra,
      });
      res.end(JSON.stringify(body));
    };

    if (this.down === 'unavailable')
      return reply(503, { error: 'The datasource tranquility is temporarily unavailable' });
    if (this.errorLimit.remain <= 0)
      return reply(420, { error: 'This software has exceeded the error limit for ESI.' });

    const failure = this.script.shift();
    if (failure) {
      switch (failure.kind) {
        case 'status':
          return reply(failure.status, failure.body ?? { error: `scripted HTTP ${failure.status}` });
        case 'rate-limited':
          return reply(
            429,
            { error: 'Too many requests' },
            { 'retry-after': String(failure.retryAfterSeconds) },
          );
        case 'error-limited':
          this.errorLimit = { remain: 0, resetSeconds: failure.resetSeconds };
          return reply(420, { error: 'This software has exceeded the error limit for ESI.' });
        case 'hang':
          this.hanging.add(res);
          res.on('close', () => this.hanging.delete(res));
          return;
        case 'slow':
          await new Promise((resolve) => setTimeout(resolve, failure.delayMs));
          if (res.destroyed) return;
          break;
      }
    }

    const killmail = /^\/killmails\/(\d+)\/([^/]+)\/$/.exec(path);
    if (killmail && req.method === 'GET') {
      const found = this.killmails.get(`${killmail[1]}/${killmail[2]}`);
      if (found) return reply(200, found);
      return reply(422, { error: 'Invalid killmail_id and/or killmail_hash' });
    }
    if (req.method !== 'POST') return reply(405, { error: 'Method not allowed' });
    if (path === '/universe/names/') return reply(...this.answerNames(record.body));
    if (path === '/universe/ids/') return reply(...this.answerIds(record.body));
    if (path === '/characters/affiliation/') return reply(...this.answerAffiliations(record.body));
    return reply(404, { error: 'Not found' });
  }

  private answerNames(body: unknown): [number, unknown] {
    if (!Array.isArray(body) || body.length === 0 || body.length > 1000) {
      return [400, { error: 'ids must be an array of 1 to 1000 integers' }];
    }
    const found: EsiName[] = [];
    for (const id of body) {
      const entry = typeof id === 'number' ? this.names.get(id) : undefined;
      if (!entry) return [404, { error: INVALID_IDS_ERROR }];
      found.push(entry);
    }
    return [200, found];
  }

  private answerAffiliations(body: unknown): [number, unknown] {
    if (!Array.isArray(body) || body.length === 0 || body.length > 1000) {
      return [400, { error: 'characters must be an array of 1 to 1000 integers' }];
    }
    const found: EsiAffiliation[] = [];
    for (const id of body) {
      const entry = typeof id === 'number' ? this.affiliations.get(id) : undefined;
      if (!entry) return [404, { error: 'Character not found' }];
      found.push(entry);
    }
    return [200, found];
  }

  private answerIds(body: unknown): [number, unknown] {
    if (!Array.isArray(body) || body.length === 0 || body.length > 500) {
      return [400, { error: 'names must be an array of 1 to 500 strings' }];
    }
    const wanted = new Set(
      body.filter((name): name is string => typeof name === 'string').map((n) => n.toLowerCase()),
    );
    const answer: Record<string, Array<{ id: number; name: string }>> = {};
    for (const entry of this.names.values()) {
      if (!wanted.has(entry.name.toLowerCase())) continue;
      const key = IDS_KEYS[entry.category] ?? `${entry.category}s`;
      const list = answer[key] ?? [];
      list.push({ id: entry.id, name: entry.name });
      answer[key] = list;
    }
    return [200, answer];
  }

  private limitHeaders(): Record<string, string> {
    const headers: Record<string, string> = {
      'x-esi-error-limit-remain': String(this.errorLimit.remain),
      'x-esi-error-limit-reset': String(this.errorLimit.resetSeconds),
    };
    if (this.rateLimitHeaders) {
      headers['x-ratelimit-group'] = this.rateLimitHeaders.group;
      headers['x-ratelimit-limit'] = this.rateLimitHeaders.limit;
      headers['x-ratelimit-remaining'] = String(this.rateLimitHeaders.remaining);
      headers['x-ratelimit-used'] = String(this.rateLimitHeaders.used);
    }
    return headers;
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A clock for ESI tests: sleeping advances time at once and is recorded, so waits are checked without waiting. */
export interface TestEsiClock extends Clock {
  readonly sleeps: number[];
  advance(ms: number): void;
}

export function createTestEsiClock(start = Date.parse('2026-11-01T12:00:00Z')): TestEsiClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    async sleep(ms) {
      sleeps.push(ms);
      now += ms;
    },
    advance(ms) {
      now += ms;
    },
  };
}

/** An ESI that is down: every names request fails, nothing else is known. For tests where ESI is not the point. */
export const offlineEsi: EsiClient = {
  names: async () => {
    throw new Error('ESI is down');
  },
  ids: async () => ({}),
  affiliations: async () => [],
  killmail: async () => undefined,
  isKnownUnknown: () => false,
  close: async () => {},
};
