// The fake's gateway: HELLO -> IDENTIFY -> READY + one GUILD_CREATE per guild, heartbeats acked,
// RESUME accepted. Plain JSON text frames (discord.js without zlib-sync asks for no compression).
// Sharded like Discord: a session that identified as shard [id, count] is sent the events of the
// guilds with (guild_id >> 22) % count === id, and events of no guild go to shard 0.
import {
  type APIUser,
  type ApplicationFlags,
  GatewayCloseCodes,
  type GatewayDispatchEvents,
  type GatewayGuildCreateDispatchData,
  type GatewayGuildMembersChunkDispatchData,
  GatewayOpcodes,
  type GatewayReadyDispatchData,
  type GatewayReceivePayload,
  type GatewayRequestGuildMembersData,
  type GatewaySendPayload,
} from 'discord-api-types/v10';
import type { WebSocket, WebSocketServer } from 'ws';

export interface GatewayHost {
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: APIUser;
  gatewayUrl(): string;
  guildList(): GatewayGuildCreateDispatchData[];
  /** Called for every payload the bot sends, after the gateway has handled it. */
  onGatewayPayload(payload: GatewaySendPayload): void;
  onIdentified(): void;
  /** Privileged intents this bot may not use: IDENTIFY asking for one is closed with 4014. */
  refusedIntents(): number;
  /** The fewest shards Discord accepts for this bot: IDENTIFY with a smaller count is closed with 4011. */
  requiredShards(): number;
  /** The answer to REQUEST_GUILD_MEMBERS (op 8), or undefined for an unknown guild. */
  membersChunk(request: GatewayRequestGuildMembersData): GatewayGuildMembersChunkDispatchData | undefined;
}

interface Session {
  socket: WebSocket;
  identified: boolean;
  /** The intents of its IDENTIFY. */
  intents: number;
  /** [shard id, shard count] of its IDENTIFY; [0, 1] when it did not shard. */
  shard: [number, number];
}

/** The shard that receives a guild's events: `(guild_id >> 22) % count`, as Discord computes it. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** The guild an event belongs to, or undefined for events of no guild (those go to shard 0). */
function guildOfEvent(event: string, data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const fields = data as { guild_id?: unknown; id?: unknown };
  if (typeof fields.guild_id === 'string') return fields.guild_id;
  if (event.startsWith('GUILD_') && !event.includes('MEMBER') && typeof fields.id === 'string')
    return fields.id;
  return undefined;
}

const sessionIdOf = ([id, count]: [number, number]) => `fake-session-${id}-${count}`;

function shardOfSessionId(sessionId: string): [number, number] | undefined {
  const match = /^fake-session-(\d+)-(\d+)$/.exec(sessionId);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

export class FakeGateway {
  private readonly sessions = new Set<Session>();
  private sequence = 0;

  constructor(
    server: WebSocketServer,
    private readonly host: GatewayHost,
  ) {
    server.on('connection', (socket: WebSocket) => this.accept(socket));
  }

  get identifiedSessions(): number {
    return [...this.sessions].filter((session) => session.identified).length;
  }

  /** [shard id, shard count] of every identified session. */
  get identifiedShards(): Array<[number, number]> {
    return [...this.sessions].filter((session) => session.identified).map((session) => session.shard);
  }

  /** Sends a dispatch event to the identified sessions of the shard its guild belongs to. */
  dispatch(event: GatewayDispatchEvents | `${GatewayDispatchEvents}`, data: unknown): void {
    for (const session of this.sessions) {
      if (session.identified && this.serves(session, guildOfEvent(event, data))) {
        this.sendDispatch(session, event, data);
      }
    }
  }

  /** Sends a dispatch event to the identified sessions of its guild's shard that asked for `intent`. */
  dispatchWithIntent(event: string, data: unknown, intent: number): void {
    for (const session of this.sessions) {
      if (
        session.identified &&
        (session.intents & intent) !== 0 &&
        this.serves(session, guildOfEvent(event, data))
      ) {
        this.sendDispatch(session, event, data);
      }
    }
  }

  private serves(session: Session, guildId: string | undefined): boolean {
    const [id, count] = session.shard;
    return guildId === undefined ? id === 0 : shardOfGuild(guildId, count) === id;
  }

  /** Drops every connection as a network blip would; discord.js resumes on its own. */
  disconnectAll(code = 4000): void {
    for (const session of this.sessions) session.socket.close(code, 'fake gateway reset');
  }

  close(): void {
    for (const session of this.sessions) session.socket.terminate();
    this.sessions.clear();
  }

  private accept(socket: WebSocket): void {
    const session: Session = { socket, identified: false, intents: 0, shard: [0, 1] };
    this.sessions.add(session);
    socket.on('close', () => this.sessions.delete(session));
    socket.on('error', () => this.sessions.delete(session));
    this.send(session, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: 41_250 } });
    socket.on('message', (raw) => {
      let payload: GatewaySendPayload;
      try {
        payload = JSON.parse(raw.toString()) as GatewaySendPayload;
      } catch {
        socket.close(GatewayCloseCodes.DecodeError, 'Error while decoding payload');
        return;
      }
      this.receive(session, payload);
      this.host.onGatewayPayload(payload);
    });
  }

  private receive(session: Session, payload: GatewaySendPayload): void {
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.send(session, { op: GatewayOpcodes.HeartbeatAck });
        return;
      case GatewayOpcodes.Identify: {
        if (payload.d.token !== this.host.token) {
          session.socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
          return;
        }
        if ((payload.d.intents & this.host.refusedIntents()) !== 0) {
          session.socket.close(GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s).');
          return;
        }
        const [shardId, shardCount] = payload.d.shard ?? [0, 1];
        if (!Number.isInteger(shardCount) || shardCount < 1 || shardId < 0 || shardId >= shardCount) {
          session.socket.close(GatewayCloseCodes.InvalidShard, 'Invalid shard.');
          return;
        }
        if (shardCount < this.host.requiredShards()) {
          session.socket.close(GatewayCloseCodes.ShardingRequired, 'Sharding required.');
          return;
        }
        session.identified = true;
        session.intents = payload.d.intents;
        session.shard = [shardId, shardCount];
        const guilds = this.host.guildList().filter((guild) => this.serves(session, guild.id));
        const ready: GatewayReadyDispatchData = {
          v: 10,
          user: this.host.botUser,
          guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
          session_id: sessionIdOf(session.shard),
          resume_gateway_url: this.host.gatewayUrl(),
          ...(payload.d.shard ? { shard: payload.d.shard } : {}),
          application: { id: this.host.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
        };
        this.sendDispatch(session, 'READY', ready);
        for (const guild of guilds) this.sendDispatch(session, 'GUILD_CREATE', guild);
        this.host.onIdentified();
        return;
      }
      case GatewayOpcodes.Resume: {
        if (payload.d.token !== this.host.token) {
          session.socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
          return;
        }
        // The session id names the shard the resumed session identified as.
        const shard = shardOfSessionId(payload.d.session_id);
        if (!shard) {
          this.send(session, { op: GatewayOpcodes.InvalidSession, d: false });
          return;
        }
        session.identified = true;
        session.shard = shard;
        this.sendDispatch(session, 'RESUMED', null);
        return;
      }
      case GatewayOpcodes.RequestGuildMembers: {
        const chunk = this.host.membersChunk(payload.d);
        if (chunk) this.sendDispatch(session, 'GUILD_MEMBERS_CHUNK', chunk);
        return;
      }
      default:
        // Presence and voice payloads are recorded by the host and otherwise ignored.
        return;
    }
  }

  private sendDispatch(session: Session, event: string, data: unknown): void {
    this.sequence += 1;
    session.socket.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, t: event, s: this.sequence, d: data }));
  }

  private send(
    session: Session,
    payload: Omit<GatewayReceivePayload, 's' | 't' | 'd'> & { d?: unknown },
  ): void {
    session.socket.send(JSON.stringify({ s: null, t: null, d: null, ...payload }));
  }
}
