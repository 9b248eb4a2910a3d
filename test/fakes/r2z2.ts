// A local zKillboard R2Z2 feed for tests: serves documents as sequences on 127.0.0.1 and misbehaves
// on cue (late files, gaps, expired files, 429/403/5xx, hangs, malformed bodies, republished files).
// Every request is recorded. Also a fake clock, so the feed's 6-60 s etiquette costs no real time.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../src/clock.ts';

export interface FakeR2z2Request {
  path: string;
  /** The sequence asked for, or undefined for sequence.json and unknown paths. */
  sequence: number | undefined;
  userAgent: string | undefined;
  /** `now()` of the options when the request arrived (a fake clock's time in poller tests). */
  at: number;
  /** What the fake answered (0 while it hangs). */
  status: number;
}

/** Which requests a scripted fault applies to. */
export type FakeR2z2Target = 'any' | 'documents' | 'sequence';

export interface FakeR2z2FaultOptions {
  only?: FakeR2z2Target;
  /** Sent as Retry-After on the scripted answer. */
  retryAfterSeconds?: number;
  /** Body of the scripted answer (e.g. a broken sequence.json with status 200). */
  body?: string;
}

export interface FakeR2z2Options {
  /** Served as sequences firstSequence, firstSequence + 1, ...; objects get `sequence_id` set. */
  documents?: unknown[];
  /** Default 90_000_000, near today's real sequences. */
  firstSequence?: number;
  /** sequence.json says newest - headLag (the real one lags by ~50). Default 0. */
  headLag?: number;
  /** Time stamp for recorded requests; pass the fake clock's `now` in poller tests. */
  now?: () => number;
}

export interface FakeR2z2 {
  /** Base URL, like R2Z2_URL. */
  readonly url: string;
  readonly requests: FakeR2z2Request[];
  readonly firstSequence: number;
  /** The newest published sequence, or undefined while the feed is empty. */
  newest(): number | undefined;
  /** Publishes documents after the newest; returns their sequences. */
  publish(...documents: unknown[]): number[];
  /** Publishes a body as is (malformed documents); returns its sequence. */
  publishRaw(body: string): number;
  /** Replaces a published file's content, as zKillboard does before announcing `sequence_updated`. */
  replace(sequence: number, document: unknown): void;
  /** These sequences answer 404 for good: gaps in the feed. */
  drop(...sequences: number[]): void;
  /** Every sequence below `oldest` answers 404: files older than the feed keeps. */
  expireBelow(oldest: number): void;
  /** Pins sequence.json to this value; null follows the newest file again (minus headLag). */
  setHead(sequence: number | null): void;
  /** The next `count` matching requests answer `status` instead. */
  failNext(status: number, count?: number, options?: FakeR2z2FaultOptions): void;
  /** The next `count` matching requests never get an answer (until close): clients time out. */
  hangNext(count?: number, options?: { only?: FakeR2z2Target }): void;
  /** Sequences of the document requests, in arrival order. */
  documentRequests(): number[];
  close(): Promise<void>;
}

interface Fault {
  status: number | 'hang';
  remaining: number;
  only: FakeR2z2Target;
  retryAfterSeconds: number | undefined;
  body: string | undefined;
}

const DOCUMENT_PATH = /^\/ephemeral\/(\d+)\.json$/;
const SEQUENCE_PATH = '/ephemeral/sequence.json';

export async function startFakeR2z2(options: FakeR2z2Options = {}): Promise<FakeR2z2> {
  const firstSequence = options.firstSequence ?? 90_000_000;
  const headLag = options.headLag ?? 0;
  const now = options.now ?? Date.now;
  const bodies: string[] = [];
  const dropped = new Set<number>();
  let oldest = firstSequence;
  let pinnedHead: number | null = null;
  const faults: Fault[] = [];
  const requests: FakeR2z2Request[] = [];
  const hanging = new Set<ServerResponse>();

  const newest = () => (bodies.length === 0 ? undefined : firstSequence + bodies.length - 1);
  const serialize = (sequence: number, document: unknown) =>
    JSON.stringify(
      typeof document === 'object' && document !== null && !Array.isArray(document)
        ? { ...document, sequence_id: sequence }
        : document,
    );

  function takeFault(target: Exclude<FakeR2z2Target, 'any'>): Fault | undefined {
    const fault = faults.find((candidate) => candidate.only === 'any' || candidate.only === target);
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) faults.splice(faults.indexOf(fault), 1);
    return fault;
  }

  function answer(request: IncomingMessage, response: ServerResponse): void {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const match = DOCUMENT_PATH.exec(path);
    const sequence = match?.[1] === undefined ? undefined : Number(match[1]);
    const userAgent = request.headers['user-agent'];
    const record: FakeR2z2Request = { path, sequence, userAgent, at: now(), status: 0 };
    requests.push(record);
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      record.status = status;
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(body);
    };

    const target = path === SEQUENCE_PATH ? 'sequence' : sequence !== undefined ? 'documents' : undefined;
    const fault = target ? takeFault(target) : undefined;
    if (fault?.status === 'hang') {
      hanging.add(response);
      response.on('close', () => hanging.delete(response));
      return;
    }
    if (fault) {
      const headers: Record<string, string> =
        fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
      send(fault.status, fault.body ?? JSON.stringify({ error: `scripted ${fault.status}` }), headers);
      return;
    }
    if (path === SEQUENCE_PATH) {
      const latest = newest();
      const head =
        pinnedHead ?? (latest === undefined ? undefined : Math.max(firstSequence, latest - headLag));
      if (head === undefined) send(404, '{"error":"no files yet"}');
      else send(200, JSON.stringify({ sequence: head }));
      return;
    }
    const body = sequence === undefined ? undefined : bodies[sequence - firstSequence];
    if (sequence === undefined || body === undefined || sequence < oldest || dropped.has(sequence)) {
      send(404, '{"error":"not found"}');
      return;
    }
    send(200, body);
  }

  const server = createServer(answer);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  const fake: FakeR2z2 = {
    url: `http://127.0.0.1:${port}`,
    requests,
    firstSequence,
    newest,
    publish(...documents) {
      return documents.map((document) => {
        const sequence = firstSequence + bodies.length;
        bodies.push(serialize(sequence, document));
        return sequence;
      });
    },
    publishRaw(body) {
      bodies.push(body);
      return firstSequence + bodies.length - 1;
    },
    replace(sequence, document) {
      const index = sequence - firstSequence;
      if (index < 0 || index >= bodies.length) throw new Error(`sequence ${sequence} is not published`);
      bodies[index] = serialize(sequence, document);
    },
    drop(...sequences) {
      for (const sequence of sequences) dropped.add(sequence);
    },
    expireBelow(sequence) {
      oldest = sequence;
    },
    setHead(sequence) {
      pinnedHead = sequence;
    },
    failNext(status, count = 1, fault = {}) {
      faults.push({
        status,
        remaining: count,
        only: fault.only ?? 'any',
        retryAfterSeconds: fault.retryAfterSeconds,
        body: fault.body,
      });
    },
    hangNext(count = 1, fault = {}) {
      faults.push({
        status: 'hang',
        remaining: count,
        only: fault.only ?? 'any',
        retryAfterSeconds: undefined,
        body: undefined,
      });
    },
    documentRequests() {
      return requests.flatMap((request) => (request.sequence === undefined ? [] : [request.sequence]));
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
  fake.publish(...(options.documents ?? []));
  return fake;
}

/** A small but well-formed R2Z2 document (one attacker, a Rifter lost in Jita), for tests without ../shared. */
export function syntheticR2z2Document(killmailId: number): Record<string, unknown> {
  const killmailTime = new Date(Date.UTC(2026, 10, 1, 12, 0, 0) + (killmailId % 86_400) * 1000).toISOString();
  return {
    killmail_id: killmailId,
    hash: killmailId.toString(16).padStart(40, '0'),
    esi: {
      killmail_id: killmailId,
      killmail_time: killmailTime.replace('.000Z', 'Z'),
      solar_system_id: 30000142,
      victim: { character_id: 2112000001, corporation_id: 98000001, damage_taken: 1200, ship_type_id: 587 },
      attackers: [
        {
          character_id: 2112000002,
          corporation_id: 98000002,
          damage_done: 1200,
          final_blow: true,
          security_status: 1.5,
          ship_type_id: 587,
          weapon_type_id: 3001,
        },
      ],
    },
    zkb: {
      locationID: 60003760,
      hash: killmailId.toString(16).padStart(40, '0'),
      fittedValue: 1_000_000,
      droppedValue: 250_000,
      destroyedValue: 750_000,
      totalValue: 1_000_000,
      points: 1,
      npc: false,
      solo: true,
      awox: false,
      labels: ['pvp', 'solo', 'loc:highsec'],
      href: `https://esi.evetech.net/v1/killmails/${killmailId}/${killmailId.toString(16).padStart(40, '0')}/`,
    },
    uploaded_at: Math.floor(Date.parse(killmailTime) / 1000),
  };
}

/** `count` synthetic documents with consecutive killmail ids from `firstKillmailId`. */
export function syntheticR2z2Documents(
  count: number,
  firstKillmailId = 131_000_000,
): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, index) => syntheticR2z2Document(firstKillmailId + index));
}

export interface FakeClock extends Clock {
  /** Every sleep asked for, in order (ms). */
  readonly sleeps: number[];
  /** Sleeps waiting for an abort (see `holdSleepsFrom`). */
  pendingSleeps(): number;
}

/**
 * A clock whose time moves only when someone sleeps: `sleep(ms)` adds ms at once and resolves on the
 * next turn of the event loop. Sleeps of `holdSleepsFrom` ms or more never end on their own: only
 * an abort ends them (for "stops promptly in the middle of a wait" tests).
 */
export function createFakeClock(options: { start?: number; holdSleepsFrom?: number } = {}): FakeClock {
  let time = options.start ?? Date.UTC(2026, 10, 1);
  let pending = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => time,
    pendingSleeps: () => pending,
    sleep(ms, signal) {
      sleeps.push(ms);
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const held = options.holdSleepsFrom !== undefined && ms >= options.holdSleepsFrom;
        const onAbort = () => {
          if (held) pending -= 1;
          clearImmediate(timer);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        if (held) pending += 1;
        const timer = held
          ? undefined
          : setImmediate(() => {
              signal?.removeEventListener('abort', onAbort);
              time += ms;
              resolve();
            });
      });
    },
  };
}
