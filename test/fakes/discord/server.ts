// The fake Discord: REST (node:http) and gateway (ws) on one 127.0.0.1 port, driving an
// unmodified discord.js Client or @discordjs/rest pointed at `fake.api`. It keeps the state a
// test asserts on (every REST call, messages per channel, interaction responses) and offers
// waits that fail with a useful message instead of hanging.
import { EventEmitter, once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  APIApplicationCommand,
  APIAttachment,
  APIInteraction,
  APIMessage,
  APIUser,
  GatewayDispatchEvents,
  GatewayGuildCreateDispatchData,
  GatewaySendPayload,
  InteractionResponseType,
} from 'discord-api-types/v10';
import { WebSocketServer } from 'ws';
import { type FakeGuildSpec, fakeGuild, fakeUser } from './entities.ts';
import type { DiscordFailure, ScriptedFailure } from './failures.ts';
import { FakeGateway } from './gateway.ts';
import { addMember, membersChunk, removeMember, setMemberRoles } from './members.ts';
import type { RecordedFile } from './messages.ts';
import { parseRequestBody } from './multipart.ts';
import { handleRestCall, type RestAnswer } from './rest.ts';
import { nextSnowflake } from './snowflake.ts';

export interface FakeDiscordOptions {
  /** The bot token the fake accepts (REST `Authorization: Bot ...` and gateway IDENTIFY). */
  token?: string;
  applicationId?: string;
  botUser?: Partial<APIUser>;
  /** Guilds the bot is in from the start (sent as GUILD_CREATE after READY). */
  guilds?: FakeGuildSpec[];
  /** Privileged intents not switched on for this bot (e.g. GUILD_MEMBERS_INTENT): IDENTIFY gets 4014. */
  refusedIntents?: number;
  /** The shard count GET /gateway/bot recommends (default 1); sessions may identify with any count. */
  shards?: number;
  /** The fewest shards the fake accepts (default 1): IDENTIFY with fewer is closed with 4011. */
  requiredShards?: number;
}

/** One REST call as the fake saw it. */
export interface RecordedRestCall {
  method: string;
  /** Decoded path after `/api/v10`, e.g. `/channels/123/messages/@original`. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  /** JSON body, or `payload_json` of a multipart upload; null when there was none. */
  body: unknown;
  files: RecordedFile[];
  /** Status the fake answered with (0 until it answers). */
  status: number;
  /** `performance.now()` when the request arrived (for latency measurements). */
  receivedAt: number;
}

/** A message the bot posted to a channel with its bot token. */
export interface PostedMessage {
  channelId: string;
  /** The message as stored (edits applied). */
  message: APIMessage;
  /** The body exactly as the bot sent it (with `allowed_mentions`). */
  body: Record<string, unknown>;
  files: RecordedFile[];
  deleted: boolean;
  /** Past Discord's few minutes of enforce_nonce: the same nonce posts a new message. */
  nonceExpired?: boolean;
}

/** The bot's answer to an interaction (POST /interactions/{id}/{token}/callback). */
export interface RecordedInteractionCallback {
  interactionId: string;
  token: string;
  type: InteractionResponseType;
  /** `data` of the callback: message, autocomplete choices or modal. */
  data: Record<string, unknown> | undefined;
  files: RecordedFile[];
}

export interface WaitOptions {
  timeoutMs?: number;
  /** Said in the timeout error, e.g. "a message in #alerts". */
  description?: string;
}

// An upper bound for a hung test only: waits end as soon as their condition holds.
const DEFAULT_WAIT_MS = 60_000;

export class FakeDiscord {
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: APIUser;
  /** The shard count GET /gateway/bot recommends. */
  readonly recommendedShards: number;

  /** Every REST call, in order of arrival. */
  readonly requests: RecordedRestCall[] = [];
  /** Every gateway payload the bot sent (IDENTIFY, heartbeats, presence, ...). */
  readonly gatewayPayloads: GatewaySendPayload[] = [];
  readonly callbacks: RecordedInteractionCallback[] = [];

  readonly guilds = new Map<string, GatewayGuildCreateDispatchData>();
  readonly globalCommands: APIApplicationCommand[] = [];
  readonly guildCommands = new Map<string, APIApplicationCommand[]>();
  /** Posted messages by channel id, in order. */
  readonly channelMessages = new Map<string, PostedMessage[]>();
  /** Interactions dispatched, by token, so callbacks and @original edits can refer to them. */
  readonly interactions = new Map<string, APIInteraction>();
  /** The @original response message of each interaction token. */
  readonly originals = new Map<string, APIMessage>();
  /** Follow-up messages (POST /webhooks/{app}/{token}) by token. */
  readonly followUps = new Map<string, APIMessage[]>();
  /** Files served at /attachments/... (user uploads for option type 11, and bot uploads). */
  readonly attachments = new Map<string, { attachment: APIAttachment; data: Buffer }>();

  readonly failures: ScriptedFailure[] = [];

  private readonly events = new EventEmitter();
  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private readonly gateway: FakeGateway;
  private port = 0;

  private constructor(options: FakeDiscordOptions) {
    this.events.setMaxListeners(0);
    this.token = options.token ?? 'FAKE.BOT.TOKEN';
    this.recommendedShards = options.shards ?? 1;
    this.applicationId = options.applicationId ?? nextSnowflake();
    this.botUser = fakeUser({
      id: this.applicationId,
      username: 'killtracker',
      bot: true,
      ...options.botUser,
    });
    for (const spec of options.guilds ?? []) {
      const guild = fakeGuild(this.botUser, spec);
      this.guilds.set(guild.id, guild);
    }
    this.server = createServer((req, res) => {
      this.onHttp(req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `fake Discord failed: ${String(error)}`, code: 0 }));
      });
    });
    this.wss = new WebSocketServer({ server: this.server });
    this.gateway = new FakeGateway(this.wss, {
      token: this.token,
      applicationId: this.applicationId,
      botUser: this.botUser,
      gatewayUrl: () => this.gatewayUrl,
      guildList: () => [...this.guilds.values()],
      onGatewayPayload: (payload) => {
        this.gatewayPayloads.push(payload);
        this.changed();
      },
      onIdentified: () => this.changed(),
      refusedIntents: () => options.refusedIntents ?? 0,
      requiredShards: () => options.requiredShards ?? 1,
      membersChunk: (request) => {
        const guild = this.guilds.get(request.guild_id);
        return guild && membersChunk(guild, request);
      },
    });
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    fake.server.listen(0, '127.0.0.1');
    await once(fake.server, 'listening');
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** `rest: { api: fake.api }` for discord.js and @discordjs/rest (they append /v10). */
  get api(): string {
    return `${this.origin}/api`;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    this.gateway.close();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- guilds, channels, files -------------------------------------------------------------

  /** Adds a guild; a connected bot receives its GUILD_CREATE at once. */
  addGuild(spec: FakeGuildSpec = {}): GatewayGuildCreateDispatchData {
    const guild = fakeGuild(this.botUser, spec);
    this.guilds.set(guild.id, guild);
    this.gateway.dispatch('GUILD_CREATE', guild);
    return guild;
  }

  guild(id: string): GatewayGuildCreateDispatchData | undefined {
    return this.guilds.get(id);
  }

  /** A channel id by name in a guild (the first guild when none is given), for readable tests. */
  channelId(name: string, guildId?: string): string {
    const guild = guildId ? this.guilds.get(guildId) : this.guilds.values().next().value;
    const channel = guild?.channels.find((candidate) => 'name' in candidate && candidate.name === name);
    if (!channel)
      throw new Error(`fake Discord: no channel named "${name}" in guild ${guild?.id ?? '(none)'}`);
    return channel.id;
  }

  /** A role id by name in a guild (the first guild when none is given). */
  roleId(name: string, guildId?: string): string {
    const guild = guildId ? this.guilds.get(guildId) : this.guilds.values().next().value;
    const role = guild?.roles.find((candidate) => candidate.name === name);
    if (!role) throw new Error(`fake Discord: no role named "${name}" in guild ${guild?.id ?? '(none)'}`);
    return role.id;
  }

  /** Serves a file, as Discord's CDN would for an upload, and returns its attachment object. */
  hostAttachment(
    filename: string,
    content: string | Buffer,
    contentType = 'application/json',
  ): APIAttachment {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const id = nextSnowflake();
    const url = `${this.origin}/attachments/${id}/${encodeURIComponent(filename)}`;
    const attachment: APIAttachment = {
      id,
      filename,
      size: data.length,
      url,
      proxy_url: url,
      content_type: contentType,
    };
    this.attachments.set(id, { attachment, data });
    return attachment;
  }

  // ---- what the bot did --------------------------------------------------------------------

  /** Messages the bot posted (and did not delete) in a channel, oldest first. */
  messagesIn(channelId: string): PostedMessage[] {
    return (this.channelMessages.get(channelId) ?? []).filter((posted) => !posted.deleted);
  }

  /** Every registered command: global ones, or one guild's. */
  commands(guildId?: string): APIApplicationCommand[] {
    return guildId ? (this.guildCommands.get(guildId) ?? []) : this.globalCommands;
  }

  callbackFor(interactionId: string): RecordedInteractionCallback | undefined {
    return this.callbacks.find((callback) => callback.interactionId === interactionId);
  }

  /**
   * Discord enforces a nonce for a few minutes only: after this, posting with the nonce of an earlier
   * message creates a second message (as a retry long after the first POST would).
   */
  expireNonces(): void {
    for (const list of this.channelMessages.values()) for (const posted of list) posted.nonceExpired = true;
  }

  // ---- scripted failures -------------------------------------------------------------------

  /** The next `times` requests to this channel (any route under /channels/{id}) fail. */
  failChannel(channelId: string, failure: DiscordFailure, times = 1): void {
    this.failRequests({ path: new RegExp(`^/channels/${channelId}(/|$)`), failure, times });
  }

  /** Every request to this channel fails until `clearFailures()`. */
  breakChannel(channelId: string, failure: DiscordFailure): void {
    this.failChannel(channelId, failure, Number.POSITIVE_INFINITY);
  }

  failRequests(rule: { method?: string; path: RegExp; failure: DiscordFailure; times?: number }): void {
    this.failures.push({
      method: rule.method?.toUpperCase(),
      path: rule.path,
      failure: rule.failure,
      remaining: rule.times ?? 1,
    });
  }

  clearFailures(): void {
    this.failures.length = 0;
  }

  // ---- gateway -----------------------------------------------------------------------------

  /** Sends a dispatch event (e.g. INTERACTION_CREATE) to the sessions of its guild's shard. */
  dispatch(event: GatewayDispatchEvents | `${GatewayDispatchEvents}`, data: unknown): void {
    this.gateway.dispatch(event, data);
  }

  // ---- members (see members.ts) ---------------------------------------------------------------

  /** Sends a dispatch event only over sessions that asked for the intent (member events need one). */
  dispatchWithIntent(event: string, data: unknown, intent: number): void {
    this.gateway.dispatchWithIntent(event, data, intent);
  }

  /** A user joins the guild (GUILD_MEMBER_ADD). */
  addMember(guildId: string, user: APIUser, roles: string[] = []): void {
    addMember(this, guildId, user, roles);
  }

  /** A member's roles change (GUILD_MEMBER_UPDATE). */
  setMemberRoles(guildId: string, userId: string, roles: string[]): void {
    setMemberRoles(this, guildId, userId, roles);
  }

  /** A member leaves the guild (GUILD_MEMBER_REMOVE). */
  removeMember(guildId: string, userId: string): void {
    removeMember(this, guildId, userId);
  }

  /** Dispatches an interaction and waits for the bot's callback to it. */
  async dispatchInteraction(
    interaction: APIInteraction,
    options: WaitOptions = {},
  ): Promise<RecordedInteractionCallback> {
    this.interactions.set(interaction.token, interaction);
    this.dispatch('INTERACTION_CREATE', interaction);
    return this.waitFor(() => this.callbackFor(interaction.id), {
      description: `the bot's response to interaction ${interaction.id} (type ${interaction.type})`,
      ...options,
    });
  }

  /** Closes the bot's gateway connections; discord.js reconnects and resumes on its own. */
  disconnectGateway(code?: number): void {
    this.gateway.disconnectAll(code);
  }

  get connectedSessions(): number {
    return this.gateway.identifiedSessions;
  }

  /** [shard id, shard count] of every identified gateway session. */
  get connectedShards(): Array<[number, number]> {
    return this.gateway.identifiedShards;
  }

  // ---- waiting -----------------------------------------------------------------------------

  /** Resolves with the first truthy value of `check`, re-checked on every change; rejects on timeout. */
  waitFor<T>(check: () => T | undefined | null | false, waitOptions: WaitOptions | number = {}): Promise<T> {
    const options = typeof waitOptions === 'number' ? { timeoutMs: waitOptions } : waitOptions;
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    return new Promise<T>((resolve, reject) => {
      const attempt = (): boolean => {
        const value = check();
        if (value === undefined || value === null || value === false) return false;
        cleanup();
        resolve(value);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(this.timeoutMessage(options.description ?? 'a condition', timeoutMs)));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('changed', attempt);
      };
      this.events.on('changed', attempt);
      attempt();
    });
  }

  waitForRequest(
    match: (call: RecordedRestCall) => boolean,
    options: WaitOptions = {},
  ): Promise<RecordedRestCall> {
    return this.waitFor(() => this.requests.find((call) => call.status !== 0 && match(call)), {
      description: 'a matching REST call',
      ...options,
    });
  }

  /** Waits until a channel holds at least `count` messages and returns them all. */
  waitForMessages(channelId: string, count: number, options: WaitOptions = {}): Promise<PostedMessage[]> {
    return this.waitFor(
      () => {
        const messages = this.messagesIn(channelId);
        return messages.length >= count ? messages : undefined;
      },
      { description: `${count} message(s) in channel ${channelId}`, ...options },
    );
  }

  /** Waits for the @original response of an interaction to satisfy `match` (e.g. after an edit). */
  waitForOriginal(
    token: string,
    match: (message: APIMessage) => boolean = () => true,
    options: WaitOptions = {},
  ): Promise<APIMessage> {
    return this.waitFor(
      () => {
        const original = this.originals.get(token);
        return original && match(original) ? original : undefined;
      },
      { description: `the original response of interaction token ${token.slice(0, 12)}...`, ...options },
    );
  }

  /** Tells waiters that state changed; REST routes call it after updating state. */
  changed(): void {
    this.events.emit('changed');
  }

  private timeoutMessage(description: string, timeoutMs: number): string {
    const recent = this.requests
      .slice(-8)
      .map((call) => `${call.method} ${call.path} -> ${call.status}`)
      .join('; ');
    return `fake Discord: timed out after ${timeoutMs} ms waiting for ${description}. Last REST calls: ${recent || '(none)'}`;
  }

  // ---- HTTP --------------------------------------------------------------------------------

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const attachment = url.pathname.match(/^\/attachments\/(\d+)\//);
    if (attachment) {
      const hosted = this.attachments.get(attachment[1] ?? '');
      if (!hosted) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': hosted.attachment.content_type ?? 'application/octet-stream' });
      return void res.end(hosted.data);
    }
    if (!url.pathname.startsWith('/api/v10/')) {
      return this.send(res, {
        status: 404,
        body: { message: '404: Not Found (fake serves /api/v10 only)', code: 0 },
      });
    }
    const receivedAt = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const { body, files } = await parseRequestBody(req.headers['content-type'], Buffer.concat(chunks));
    const call: RecordedRestCall = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname.slice('/api/v10'.length)),
      query: Object.fromEntries(url.searchParams),
      headers: { ...req.headers },
      body,
      files,
      status: 0,
      receivedAt,
    };
    this.requests.push(call);
    const answer = await handleRestCall(this, call);
    call.status = answer.status;
    this.send(res, answer);
    this.changed();
  }

  private send(res: ServerResponse, answer: RestAnswer): void {
    if (answer.body === undefined) {
      res.writeHead(answer.status, answer.headers ?? {});
      res.end();
      return;
    }
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(answer.body));
  }
}
