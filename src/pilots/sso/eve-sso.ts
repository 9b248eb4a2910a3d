// EVE SSO as proof of who flies a character: a one-time login URL bound to the member who asked, and
// the callback's checks (state, code exchange, token verification). No scopes are asked for and no
// token is kept: the verified character id is all the bot wants.
import { randomBytes } from 'node:crypto';
import { request } from 'undici';
import type { Env } from '../../config/env.ts';
import type { SsoStateRepository } from '../../db/sso-state-repository.ts';
import type { Logger } from '../../log.ts';
import {
  createEveTokenVerifier,
  type EveTokenVerifier,
  type ProvenCharacter,
  TokenRejectedError,
} from './token-verifier.ts';

export const SSO_CALLBACK_PATH = '/sso/callback';
/** How long a login URL works. */
export const SSO_STATE_TTL_MS = 10 * 60_000;
const EXCHANGE_TIMEOUT_MS = 10_000;

export interface EveSsoSettings {
  clientId: string;
  secret: string;
  /** PUBLIC_URL + SSO_CALLBACK_PATH: must equal the callback URL registered with CCP. */
  callbackUrl: string;
  authorizeUrl: string;
  tokenUrl: string;
  jwksUrl: string;
}

/** The SSO settings, when EVE_SSO_CLIENT_ID, EVE_SSO_SECRET and PUBLIC_URL are set (env checks all or none). */
export function eveSsoSettings(env: Env): EveSsoSettings | undefined {
  const { EVE_SSO_CLIENT_ID: clientId, EVE_SSO_SECRET: secret, PUBLIC_URL: publicUrl } = env;
  if (clientId === undefined || secret === undefined || publicUrl === undefined) return undefined;
  return {
    clientId,
    secret,
    callbackUrl: `${publicUrl}${SSO_CALLBACK_PATH}`,
    authorizeUrl: env.EVE_SSO_AUTHORIZE_URL,
    tokenUrl: env.EVE_SSO_TOKEN_URL,
    jwksUrl: env.EVE_SSO_JWKS_URL,
  };
}

/** What arrives on the callback URL. */
export interface SsoCallback {
  state?: string | undefined;
  code?: string | undefined;
  /** Set by EVE SSO when the login was cancelled or refused. */
  error?: string | undefined;
}

export interface SsoProof {
  guildId: string;
  userId: string;
  character: ProvenCharacter;
}

/** The login proves nothing: `message` (plain text) says why and what to do next. */
export class SsoRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SsoRefusedError';
  }
}

export interface EveSso {
  /** A one-time login URL for this member, valid for 10 minutes. */
  loginUrl(guildId: string, userId: string): Promise<{ url: string; expiresAt: Date }>;
  /** Who asked, and which character EVE SSO proved; throws SsoRefusedError otherwise. */
  prove(callback: SsoCallback): Promise<SsoProof>;
}

const AGAIN = 'Nothing was linked. Run /character link in Discord again to get a new login link.';

export function createEveSso(options: {
  settings: EveSsoSettings;
  states: SsoStateRepository;
  userAgent: string;
  log: Logger;
  verifier?: EveTokenVerifier;
  now?: () => number;
}): EveSso {
  const { settings, states, log } = options;
  const now = options.now ?? Date.now;
  const verify =
    options.verifier ??
    createEveTokenVerifier({
      jwksUrl: settings.jwksUrl,
      clientId: settings.clientId,
      userAgent: options.userAgent,
    });

  async function exchange(code: string): Promise<string> {
    let status: number;
    let body: unknown;
    try {
      const response = await request(settings.tokenUrl, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${settings.clientId}:${settings.secret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
          'user-agent': options.userAgent,
        },
        body: new URLSearchParams({ grant_type: 'authorization_code', code }).toString(),
        signal: AbortSignal.timeout(EXCHANGE_TIMEOUT_MS),
      });
      status = response.statusCode;
      body = await response.body.json().catch(() => undefined);
    } catch (error) {
      log.warn({ err: error }, 'EVE SSO token endpoint unreachable');
      throw new SsoRefusedError(`EVE SSO did not answer in time. ${AGAIN}`);
    }
    const answer = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (status === 200 && typeof answer.access_token === 'string') return answer.access_token;
    const error = typeof answer.error === 'string' ? answer.error.slice(0, 60) : `HTTP ${status}`;
    if (status === 401 || error === 'invalid_client') {
      log.error(
        { status, error },
        'EVE SSO refused our client credentials: check EVE_SSO_CLIENT_ID and EVE_SSO_SECRET',
      );
      throw new SsoRefusedError(
        "EVE SSO refused this bot's application credentials. Nothing was linked. Tell the bot's admin to check EVE_SSO_CLIENT_ID and EVE_SSO_SECRET.",
      );
    }
    log.warn({ status, error }, 'EVE SSO did not exchange the login code');
    throw new SsoRefusedError(`EVE SSO did not accept the login (${error}). ${AGAIN}`);
  }

  return {
    async loginUrl(guildId, userId) {
      const state = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now() + SSO_STATE_TTL_MS);
      await states.create({ state, guildId, userId, now: new Date(now()), expiresAt });
      const url = new URL(settings.authorizeUrl);
      url.search = new URLSearchParams({
        response_type: 'code',
        redirect_uri: settings.callbackUrl,
        client_id: settings.clientId,
        scope: '',
        state,
      }).toString();
      return { url: url.toString(), expiresAt };
    },

    async prove(callback) {
      if (!callback.state) {
        throw new SsoRefusedError(`This page needs the login link from Discord. ${AGAIN}`);
      }
      const consumed = await states.consume(callback.state, new Date(now()));
      if (consumed.kind === 'unknown') {
        throw new SsoRefusedError(`This login link is not one the bot gave out (unknown state). ${AGAIN}`);
      }
      if (consumed.kind === 'replayed') {
        throw new SsoRefusedError(`This login link was already used; each one works once. ${AGAIN}`);
      }
      const { guildId, userId, expiresAt } = consumed.row;
      if (expiresAt.getTime() <= now()) {
        throw new SsoRefusedError(`This login link expired (they work for 10 minutes). ${AGAIN}`);
      }
      if (callback.error !== undefined) {
        throw new SsoRefusedError(
          `The EVE login was cancelled or refused (${callback.error.slice(0, 60)}). ${AGAIN}`,
        );
      }
      if (!callback.code) throw new SsoRefusedError(`EVE SSO sent no login code. ${AGAIN}`);
      const accessToken = await exchange(callback.code);
      try {
        return { guildId, userId, character: await verify(accessToken) };
      } catch (error) {
        if (!(error instanceof TokenRejectedError)) throw error;
        log.warn({ guild: guildId, user: userId, reason: error.reason }, 'EVE SSO token rejected');
        throw new SsoRefusedError(`The login could not be verified: ${error.reason}. ${AGAIN}`);
      }
    },
  };
}
