// A local EVE SSO for tests: the authorize page (which logs in at once as the character chosen with
// `loginAs` and redirects back), the token endpoint (code exchange with Basic auth, answering a real
// RS256 JWT signed by jose with a test key) and the JWKS. `tamperNextToken` makes the next token wrong
// in one way, to check each refusal. Every request is recorded.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

export const FAKE_SSO_KEY_ID = 'JWT-Signature-Key';
const ISSUER = 'https://login.eveonline.com';

export interface FakeSsoCharacter {
  id: number;
  name: string;
}

/** One way the next token is wrong. */
export interface TokenTampering {
  /** Signed with a key that is not in the JWKS (same kid). */
  signWithOtherKey?: boolean;
  audience?: string[];
  issuer?: string;
  /** Seconds from now; negative for an already expired token. */
  expiresIn?: number;
  subject?: string;
}

export interface RecordedSsoRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** Form fields of a POST. */
  form: Record<string, string>;
  status: number;
}

interface Keys {
  privateKey: CryptoKey;
  publicJwk: JWK;
  otherPrivateKey: CryptoKey;
}

export class FakeEveSso {
  readonly requests: RecordedSsoRequest[] = [];
  private readonly codes = new Map<string, { character: FakeSsoCharacter; used: boolean }>();
  private next: FakeSsoCharacter | undefined;
  private tampering: TokenTampering | undefined;
  private port = 0;
  private readonly server: Server;

  private constructor(
    readonly clientId: string,
    readonly secret: string,
    private readonly keys: Keys,
  ) {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: `fake SSO failed: ${String(error)}` }));
      });
    });
  }

  static async start(options: { clientId: string; secret: string }): Promise<FakeEveSso> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const other = await generateKeyPair('RS256');
    const publicJwk = { ...(await exportJWK(publicKey)), kid: FAKE_SSO_KEY_ID, alg: 'RS256', use: 'sig' };
    const fake = new FakeEveSso(options.clientId, options.secret, {
      privateKey,
      publicJwk,
      otherPrivateKey: other.privateKey,
    });
    fake.server.listen(0, '127.0.0.1');
    await once(fake.server, 'listening');
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  get authorizeUrl(): string {
    return `${this.origin}/v2/oauth/authorize`;
  }
  get tokenUrl(): string {
    return `${this.origin}/v2/oauth/token`;
  }
  get jwksUrl(): string {
    return `${this.origin}/oauth/jwks`;
  }

  /** The next visit of the authorize page logs in as this character. */
  loginAs(character: FakeSsoCharacter): void {
    this.next = character;
  }

  tamperNextToken(tampering: TokenTampering): void {
    this.tampering = tampering;
  }

  requestsTo(path: string): RecordedSsoRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const record: RecordedSsoRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { ...req.headers },
      form: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))),
      status: 0,
    };
    this.requests.push(record);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };

    if (req.method === 'GET' && url.pathname === '/v2/oauth/authorize') {
      const query = record.query;
      if (query.client_id !== this.clientId || query.response_type !== 'code' || !query.redirect_uri) {
        return reply(400, { error: 'invalid_request' });
      }
      if (!this.next) return reply(400, { error: 'nobody logs in: call loginAs() first' });
      const code = randomUUID();
      this.codes.set(code, { character: this.next, used: false });
      this.next = undefined;
      const back = new URL(query.redirect_uri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', query.state ?? '');
      return reply(302, undefined, { location: back.toString() });
    }
    if (req.method === 'GET' && url.pathname === '/oauth/jwks') {
      return reply(200, { keys: [this.keys.publicJwk] });
    }
    if (req.method === 'POST' && url.pathname === '/v2/oauth/token') {
      const expected = `Basic ${Buffer.from(`${this.clientId}:${this.secret}`).toString('base64')}`;
      if (req.headers.authorization !== expected) return reply(401, { error: 'invalid_client' });
      if (record.form.grant_type !== 'authorization_code')
        return reply(400, { error: 'unsupported_grant_type' });
      const grant = this.codes.get(record.form.code ?? '');
      if (!grant || grant.used) return reply(400, { error: 'invalid_grant' });
      grant.used = true;
      return reply(200, {
        access_token: await this.token(grant.character),
        expires_in: 1199,
        token_type: 'Bearer',
        refresh_token: 'fake-refresh-token',
      });
    }
    return reply(404, { error: 'not found' });
  }

  /** An access token shaped like CCP's (v2 SSO, no scopes). */
  private async token(character: FakeSsoCharacter): Promise<string> {
    const tampering = this.tampering ?? {};
    this.tampering = undefined;
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      jti: randomUUID(),
      kid: FAKE_SSO_KEY_ID,
      azp: this.clientId,
      tenant: 'tranquility',
      tier: 'live',
      region: 'world',
      name: character.name,
      owner: 'owner-hash',
    })
      .setProtectedHeader({ alg: 'RS256', kid: FAKE_SSO_KEY_ID, typ: 'JWT' })
      .setSubject(tampering.subject ?? `CHARACTER:EVE:${character.id}`)
      .setAudience(tampering.audience ?? [this.clientId, 'EVE Online'])
      .setIssuer(tampering.issuer ?? ISSUER)
      .setIssuedAt(now)
      .setExpirationTime(now + (tampering.expiresIn ?? 1200))
      .sign(tampering.signWithOtherKey ? this.keys.otherPrivateKey : this.keys.privateKey);
  }
}
