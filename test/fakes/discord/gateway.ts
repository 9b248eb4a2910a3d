// The fake's gateway: HELLO -> IDENTIFY -> READY + one GUILD_CREATE per guild, heartbeats acked,
// RESUME accepted. Plain JSON text frames (discord.js without zlib-sync asks for no compression).
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
  /** The answer to REQUEST_GUILD_MEMBERS (op 8), or undefined for an unknown guild. */
  membersChunk(request: GatewayRequestGuildMembersData): GatewayGuildMembersChunkDispatchData | undefined;
}

interface Session {
  socket: WebSocket;
  identified: boolean;
  /** The intents of its IDENTIFY. */
  intents: number;
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

  /** Sends a dispatch event to every identified session. */
  dispatch(event: GatewayDispatchEvents | `${GatewayDispatchEvents}`, data: unknown): void {
    for (const session of this.sessions) if (session.identified) this.sendDispatch(session, event, data);
  }

  /** Sends a dispatch event to the identified sessions that asked for `intent`. */
  dispatchWithIntent(event: string, data: unknown, intent: number): void {
    for (const session of this.sessions) {
      if (session.identified && (session.intents & intent) !== 0) this.sendDispatch(session, event, data);
    }
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
    const session: Session = { socket, identified: false, intents: 0 };
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
        session.identified = true;
        session.intents = payload.d.intents;
        const guilds = this.host.guildList();
        const ready: GatewayReadyDispatchData = {
          v: 10,
          user: this.host.botUser,
          guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
          session_id: 'fake-session',
          resume_gateway_url: this.host.gatewayUrl(),
          ...(payload.d.shard ? { shard: payload.d.shard } : {}),
          application: { id: this.host.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
        };
        this.sendDispatch(session, 'READY', ready);
        for (const guild of guilds) this.sendDispatch(session, 'GUILD_CREATE', guild);
        this.host.onIdentified();
        return;
      }
      case GatewayOpcodes.Resume:
        if (payload.d.token !== this.host.token) {
          session.socket.close(GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
          return;
        }
        session.identified = true;
        this.sendDispatch(session, 'RESUMED', null);
        return;
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
