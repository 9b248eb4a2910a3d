// Scripted Discord failures: what the fake answers instead of the real thing, with the status,
// headers and JSON codes Discord uses, so the bot's error handling sees the genuine article.
import { RESTJSONErrorCodes } from 'discord-api-types/v10';

export type DiscordFailure =
  /** 429 with retry_after (seconds, fractions allowed) and the X-RateLimit-* headers. */
  | { kind: 'rate-limited'; retryAfterSeconds: number; global?: boolean }
  | { kind: 'server-error'; status?: 500 | 502 | 503 | 504 }
  /** 403 code 50013: the bot lacks a permission in that channel. */
  | { kind: 'missing-permissions' }
  /** 403 code 50001: the bot cannot see the channel at all. */
  | { kind: 'missing-access' }
  /** 404 code 10003: the channel was deleted. */
  | { kind: 'unknown-channel' }
  /** Answer normally, but only after a delay. */
  | { kind: 'slow'; delayMs: number };

export interface FailureAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** The HTTP answer for a failure; undefined for 'slow', which still answers normally. */
export function failureAnswer(failure: DiscordFailure, bucket: string): FailureAnswer | undefined {
  switch (failure.kind) {
    case 'rate-limited': {
      const seconds = failure.retryAfterSeconds;
      const headers: Record<string, string> = {
        'retry-after': String(seconds),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Date.now() / 1000 + seconds),
        'x-ratelimit-reset-after': String(seconds),
        'x-ratelimit-bucket': bucket,
        'x-ratelimit-scope': failure.global ? 'global' : 'user',
      };
      if (failure.global) headers['x-ratelimit-global'] = 'true';
      return {
        status: 429,
        headers,
        body: {
          message: 'You are being rate limited.',
          retry_after: seconds,
          global: failure.global ?? false,
        },
      };
    }
    case 'server-error':
      return {
        status: failure.status ?? 500,
        headers: {},
        body: { message: '500: Internal Server Error', code: 0 },
      };
    case 'missing-permissions':
      return {
        status: 403,
        headers: {},
        body: { message: 'Missing Permissions', code: RESTJSONErrorCodes.MissingPermissions },
      };
    case 'missing-access':
      return {
        status: 403,
        headers: {},
        body: { message: 'Missing Access', code: RESTJSONErrorCodes.MissingAccess },
      };
    case 'unknown-channel':
      return {
        status: 404,
        headers: {},
        body: { message: 'Unknown Channel', code: RESTJSONErrorCodes.UnknownChannel },
      };
    case 'slow':
      return undefined;
  }
}

/** A failure scripted for requests matching a method and path, for `times` requests or until cleared. */
export interface ScriptedFailure {
  method: string | undefined;
  path: RegExp;
  failure: DiscordFailure;
  /** Requests left to fail; Infinity until cleared. */
  remaining: number;
}
