import { Registry } from 'prom-client';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createCharacterRepository } from '../../src/db/character-repository.ts';
import { createGuildMemberRepository } from '../../src/db/guild-member-repository.ts';
import { createNameRepository } from '../../src/db/name-repository.ts';
import { createSsoStateRepository } from '../../src/db/sso-state-repository.ts';
import { type HttpServer, startHttpServer } from '../../src/http/server.ts';
import { ssoCallbackRoute } from '../../src/http/sso-callback.ts';
import { createEsiClient, type EsiClient } from '../../src/ingest/esi/client.ts';
import { createNameResolver } from '../../src/ingest/esi/name-resolver.ts';
import { silentLogger } from '../../src/log.ts';
import { createMemberRefresher } from '../../src/pilots/member-refresh.ts';
import { createPilotOperations, type PilotActor, type PilotOperations } from '../../src/pilots/operations.ts';
import { createEveSso, SSO_CALLBACK_PATH } from '../../src/pilots/sso/eve-sso.ts';
import { FakeEsi } from '../fakes/esi.ts';
import { FakeEveSso, type TokenTampering } from '../fakes/eve-sso.ts';
import { describeEachDatabase } from '../helpers/database.ts';

const GUILD = '123456789012345678';
const FC_ROLE = '323456789012345678';
const ALICE = '400000000000000001';
const BOB = '400000000000000002';
const CLIENT_ID = '0123456789abcdef0123456789abcdef';
const SECRET = 'fake-sso-secret';
const MAIN = { id: 2112000101, name: 'Alice Main' };

const alice: PilotActor = { userId: ALICE, isAdmin: false };
const bob: PilotActor = { userId: BOB, isAdmin: false };

interface CallbackPage {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  /** The callback URL EVE SSO sent the browser to (with code and state). */
  callbackUrl: string;
}

describeEachDatabase('EVE SSO proof, end to end through the HTTP server and a fake EVE SSO', (getDb) => {
  let sso: FakeEveSso;
  let esi: FakeEsi;
  let esiClient: EsiClient;
  let http: HttpServer;
  let pilots: PilotOperations;
  /** Moves the bot's clock (state expiry) without waiting. */
  let clockSkewMs = 0;
  const characters = () => createCharacterRepository({ db: getDb().db });

  beforeAll(async () => {
    sso = await FakeEveSso.start({ clientId: CLIENT_ID, secret: SECRET });
    esi = await FakeEsi.start();
    esiClient = createEsiClient({ baseUrl: esi.url, userAgent: 'killtracker-tests', log: silentLogger });
    http = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      registry: new Registry(),
      checks: [],
      routes: [
        ssoCallbackRoute({ complete: (callback) => pilots.completeSsoLink(callback), log: silentLogger }),
      ],
    });
    const { db } = getDb();
    const names = createNameRepository({ db });
    pilots = createPilotOperations({
      db,
      esi: esiClient,
      names,
      nameResolver: createNameResolver({ esi: esiClient, cache: names, log: silentLogger }),
      log: silentLogger,
      memberRefresher: createMemberRefresher({
        members: createGuildMemberRepository({ db }),
        source: { roles: async () => [FC_ROLE] },
        log: silentLogger,
      }),
      sso: createEveSso({
        settings: {
          clientId: CLIENT_ID,
          secret: SECRET,
          callbackUrl: `http://127.0.0.1:${http.port}${SSO_CALLBACK_PATH}`,
          authorizeUrl: sso.authorizeUrl,
          tokenUrl: sso.tokenUrl,
          jwksUrl: sso.jwksUrl,
        },
        states: createSsoStateRepository({ db }),
        userAgent: 'killtracker-tests',
        log: silentLogger,
        now: () => Date.now() + clockSkewMs,
      }),
    });
  });
  afterEach(() => {
    clockSkewMs = 0;
  });
  afterAll(async () => {
    await http?.close();
    await esiClient?.close();
    await esi?.stop();
    await sso?.stop();
  });

  async function page(url: string): Promise<Omit<CallbackPage, 'callbackUrl'>> {
    const response = await request(url);
    return { status: response.statusCode, body: await response.body.text(), headers: response.headers };
  }

  /** The member asks to link, logs in at the fake SSO as `character`, and is sent back to the bot. */
  async function logIn(
    actor: PilotActor,
    character: { id: number; name: string } = MAIN,
    options: { tamper?: TokenTampering; beforeCallback?: () => void } = {},
  ): Promise<CallbackPage> {
    const outcome = await pilots.link({ guildId: GUILD, actor, character: 'whatever they typed' });
    if (outcome.kind !== 'sso') throw new Error(`expected a login URL, got ${outcome.kind}`);
    sso.loginAs(character);
    if (options.tamper) sso.tamperNextToken(options.tamper);
    const authorize = await request(outcome.url);
    await authorize.body.dump();
    expect(authorize.statusCode).toBe(302);
    const callbackUrl = String(authorize.headers.location);
    options.beforeCallback?.();
    return { ...(await page(callbackUrl)), callbackUrl };
  }

  it('GIVEN SSO is configured WHEN a member links THEN a one-time login URL asks EVE SSO for identity only, and the callback links the proven character, verified', async () => {
    const outcome = await pilots.link({ guildId: GUILD, actor: alice, character: 'Alice Main' });
    expect(outcome.kind).toBe('sso');
    if (outcome.kind !== 'sso') return;
    const url = new URL(outcome.url);
    expect(`${url.origin}${url.pathname}`).toBe(sso.authorizeUrl);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      redirect_uri: `http://127.0.0.1:${http.port}/sso/callback`,
      client_id: CLIENT_ID,
      scope: '',
      state: expect.stringMatching(/^[\w-]{43}$/),
    });
    expect(outcome.expiresAt.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    expect(await characters().forGuild(GUILD)).toEqual([]);

    const callback = await logIn(alice, { id: MAIN.id, name: 'Alice <Main> & Co' });
    expect(callback.status).toBe(200);
    expect(callback.body).toContain('Character linked');
    expect(callback.body).toContain('Alice &lt;Main&gt; &amp; Co is now linked');
    expect(callback.body).not.toContain('<Main>');
    expect(callback.headers['referrer-policy']).toBe('no-referrer');
    expect(callback.headers['cache-control']).toBe('no-store');
    expect(await characters().forGuild(GUILD)).toEqual([
      expect.objectContaining({ characterId: MAIN.id, userId: ALICE, verified: true, linkedBy: null }),
    ]);
    // The member's roles were looked up, so the link counts at once.
    expect(await createGuildMemberRepository({ db: getDb().db }).rolesOf(GUILD, ALICE)).toEqual([FC_ROLE]);
    // The code was exchanged with the app's credentials, and no scope was asked for.
    const [exchange] = sso.requestsTo('/v2/oauth/token');
    expect(exchange?.form).toEqual({ grant_type: 'authorization_code', code: expect.any(String) });
    expect(exchange?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64')}`,
    );
  });

  it('GIVEN a used login link WHEN it is replayed THEN refused as already used', async () => {
    const first = await logIn(alice);
    expect(first.status).toBe(200);
    await characters().remove(GUILD, MAIN.id, ALICE);
    const replay = await page(first.callbackUrl);
    expect(replay.status).toBe(400);
    expect(replay.body).toContain('Nothing was linked');
    expect(replay.body).toContain('already used');
    expect(await characters().forGuild(GUILD)).toEqual([]);
  });

  it('GIVEN a state the bot never gave out THEN refused and nothing linked', async () => {
    const forged = await page(`http://127.0.0.1:${http.port}/sso/callback?code=abc&state=forged-state`);
    expect(forged.status).toBe(400);
    expect(forged.body).toContain('unknown state');
    const missing = await page(`http://127.0.0.1:${http.port}/sso/callback?code=abc`);
    expect(missing.status).toBe(400);
    expect(missing.body).toContain('Run /character link in Discord again');
    expect(await characters().forGuild(GUILD)).toEqual([]);
  });

  it('GIVEN the login took longer than 10 minutes THEN refused as expired and nothing linked', async () => {
    const callback = await logIn(alice, MAIN, { beforeCallback: () => (clockSkewMs = 11 * 60_000) });
    expect(callback.status).toBe(400);
    expect(callback.body).toContain('expired');
    expect(await characters().forGuild(GUILD)).toEqual([]);
  });

  it('GIVEN the member cancels at EVE SSO THEN the page says so and nothing is linked', async () => {
    const outcome = await pilots.link({ guildId: GUILD, actor: alice });
    if (outcome.kind !== 'sso') throw new Error('expected a login URL');
    const state = new URL(outcome.url).searchParams.get('state');
    const cancelled = await page(
      `http://127.0.0.1:${http.port}/sso/callback?error=access_denied&state=${state}`,
    );
    expect(cancelled.status).toBe(400);
    expect(cancelled.body).toContain('cancelled');
    expect(await characters().forGuild(GUILD)).toEqual([]);
  });

  const badTokens: Array<[string, TokenTampering, string]> = [
    ['signed by another key', { signWithOtherKey: true }, 'signature does not match'],
    [
      'issued for another client id',
      { audience: ['another-client-id', 'EVE Online'] },
      'another application',
    ],
    ['without the "EVE Online" audience', { audience: [CLIENT_ID] }, 'not meant for EVE Online'],
    ['from another issuer', { issuer: 'https://login.example.com' }, 'not issued by EVE SSO'],
    ['already expired', { expiresIn: -60 }, 'expired'],
    ['naming no character', { subject: 'CORPORATION:EVE:98000001' }, 'does not name an EVE character'],
  ];
  for (const [what, tamper, reason] of badTokens) {
    it(`GIVEN a token ${what} THEN refused with a clear message and nothing linked`, async () => {
      const callback = await logIn(alice, MAIN, { tamper });
      expect(callback.status).toBe(400);
      expect(callback.body).toContain('Nothing was linked');
      expect(callback.body).toContain(reason);
      expect(await characters().forGuild(GUILD)).toEqual([]);
    });
  }

  it("GIVEN another member's unproven claim WHEN the owner proves the character THEN the proof takes it over; a proven link is never taken", async () => {
    await characters().claim({
      guildId: GUILD,
      characterId: MAIN.id,
      userId: BOB,
      verified: false,
      linkedBy: null,
    });
    const takeover = await logIn(alice);
    expect(takeover.status).toBe(200);
    expect(takeover.body).toContain('your proof replaced that claim');
    expect(await characters().get(GUILD, MAIN.id)).toMatchObject({ userId: ALICE, verified: true });

    const refused = await logIn(bob);
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('already linked, with EVE SSO proof, to another member');
    expect(await characters().get(GUILD, MAIN.id)).toMatchObject({ userId: ALICE, verified: true });
  });
});
