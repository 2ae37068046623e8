// The gateway half of the fake: HELLO, IDENTIFY/READY, heartbeats, RESUME with replay, one session per shard.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIUser } from 'discord.js';
import { WebSocket, type RawData, type WebSocketServer } from 'ws';
import { EventLog } from './eventLog.ts';

export interface GatewayOptions {
  token: string;
  shards: number;
  heartbeatIntervalMs: number;
  applicationId: string;
  botUser: APIUser;
  /** Where READY tells clients to resume. */
  resumeUrl: string;
}

export type GatewayEvent =
  | { kind: 'connect'; path: string }
  | { kind: 'identify'; shardId: number; shard: [number, number]; intents: number; sessionId: string; payload: unknown }
  | { kind: 'identify-rejected'; closeCode: number; reason: string }
  | { kind: 'ready'; shardId: number; sessionId: string }
  | { kind: 'resume'; shardId: number; sessionId: string; seq: number | null; replayed: number }
  | { kind: 'resume-rejected'; sessionId: unknown }
  | { kind: 'heartbeat'; shardId: number | undefined; seq: unknown }
  | { kind: 'close'; shardId: number | undefined; code: number; by: 'client' | 'server' };

export type IdentifyEvent = Extract<GatewayEvent, { kind: 'identify' }>;
export type ResumeEvent = Extract<GatewayEvent, { kind: 'resume' }>;

interface Dispatch {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

interface Session {
  shardId: number;
  sessionId: string;
  seq: number;
  sent: Dispatch[];
  /** The socket that identified or resumed this session and is still open. */
  socket: WebSocket | null;
}

export class FakeGateway {
  readonly events = new EventLog<GatewayEvent>();
  readonly #sessions = new Map<number, Session>();
  readonly #shardOf = new Map<WebSocket, number>();
  readonly #closedByServer = new WeakSet<WebSocket>();
  // Dispatches made while a shard had no live socket, delivered once it identifies or resumes.
  readonly #pending = new Map<number, { t: string; d: unknown }[]>();
  readonly #toLose = new Map<number, number>();
  #ackHeartbeats = true;

  constructor(private readonly options: GatewayOptions) {}

  attach(server: WebSocketServer): void {
    server.on('connection', (socket: WebSocket, request: IncomingMessage) => {
      this.events.push({ kind: 'connect', path: request.url ?? '/' });
      socket.on('message', (raw) => this.#receive(socket, textOf(raw)));
      socket.on('close', (code) => this.#closed(socket, code));
      send(socket, { op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs } });
    });
  }

  dispatch(t: string, d: unknown, shardId = 0): void {
    const session = this.#sessions.get(shardId);
    if (!session?.socket) {
      this.#pending.set(shardId, [...(this.#pending.get(shardId) ?? []), { t, d }]);
      return;
    }
    session.seq += 1;
    const dispatch: Dispatch = { op: 0, t, s: session.seq, d };
    session.sent.push(dispatch);
    const toLose = this.#toLose.get(shardId) ?? 0;
    if (toLose > 0) this.#toLose.set(shardId, toLose - 1);
    else send(session.socket, dispatch);
  }

  /** The next `count` dispatches get a sequence number but never reach the client, as if lost in flight. */
  loseNextDispatches(count = 1, shardId = 0): void {
    this.#toLose.set(shardId, (this.#toLose.get(shardId) ?? 0) + count);
  }

  /** Closes the shard's socket with a gateway close code (4000 → the client resumes). */
  close(code: number, shardId = 0): void {
    const socket = this.#detach(shardId);
    this.#closedByServer.add(socket);
    socket.close(code, 'closed by the fake');
  }

  /** Kills the TCP connection with no close frame, as a network failure would. */
  drop(shardId = 0): void {
    const socket = this.#detach(shardId);
    this.#closedByServer.add(socket);
    socket.terminate();
  }

  /** Sends any gateway opcode, e.g. { op: 7 } RECONNECT or { op: 9, d: false } INVALID_SESSION. */
  sendOp(payload: { op: number; d?: unknown }, shardId = 0): void {
    const socket = this.#sessions.get(shardId)?.socket;
    if (!socket) throw new Error(`fake Discord: shard ${shardId} has no live gateway socket`);
    send(socket, { d: null, ...payload });
  }

  /** With acks off, heartbeats go unanswered and the client should declare the connection a zombie. */
  setHeartbeatAcks(enabled: boolean): void {
    this.#ackHeartbeats = enabled;
  }

  isLive(shardId = 0): boolean {
    return Boolean(this.#sessions.get(shardId)?.socket);
  }

  #receive(socket: WebSocket, raw: string): void {
    const message = parse(raw);
    switch (message.op) {
      case 1:
        this.events.push({ kind: 'heartbeat', shardId: this.#shardOf.get(socket), seq: message.d });
        if (this.#ackHeartbeats) send(socket, { op: 11 });
        return;
      case 2:
        return this.#identify(socket, record(message.d));
      case 6:
        return this.#resume(socket, record(message.d));
      default:
        return; // presence updates, guild member requests: nothing to do in the fake
    }
  }

  #identify(socket: WebSocket, d: Record<string, unknown>): void {
    if (d.token !== this.options.token) return this.#reject(socket, 4004, 'Authentication failed.');
    const shard: [number, number] = Array.isArray(d.shard) ? (d.shard as [number, number]) : [0, 1];
    const [shardId, shardCount] = shard;
    if (shardCount !== this.options.shards || shardId < 0 || shardId >= shardCount) {
      return this.#reject(socket, 4010, 'Invalid shard.');
    }
    const session: Session = { shardId, sessionId: randomBytes(16).toString('hex'), seq: 0, sent: [], socket };
    this.#replaceSession(session);
    this.events.push({
      kind: 'identify',
      shardId,
      shard: [shardId, shardCount],
      intents: Number(d.intents),
      sessionId: session.sessionId,
      payload: d,
    });
    this.dispatch('READY', this.#ready(session, shardCount), shardId);
    this.events.push({ kind: 'ready', shardId, sessionId: session.sessionId });
    this.#flushPending(shardId);
  }

  #resume(socket: WebSocket, d: Record<string, unknown>): void {
    const session = [...this.#sessions.values()].find((candidate) => candidate.sessionId === d.session_id);
    if (!session || d.token !== this.options.token) {
      this.events.push({ kind: 'resume-rejected', sessionId: d.session_id });
      send(socket, { op: 9, d: false });
      return;
    }
    if (session.socket && session.socket !== socket) session.socket.terminate();
    session.socket = socket;
    this.#shardOf.set(socket, session.shardId);
    const seq = typeof d.seq === 'number' ? d.seq : null;
    const missed = session.sent.filter((dispatch) => dispatch.s > (seq ?? 0));
    for (const dispatch of missed) send(socket, dispatch);
    this.dispatch('RESUMED', { _trace: ['["fake-gateway",{"micros":0}]'] }, session.shardId);
    this.events.push({
      kind: 'resume',
      shardId: session.shardId,
      sessionId: session.sessionId,
      seq,
      replayed: missed.length,
    });
    this.#flushPending(session.shardId);
  }

  #ready(session: Session, shardCount: number): unknown {
    return {
      v: 10,
      user: this.options.botUser,
      user_settings: {},
      guilds: [],
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      session_id: session.sessionId,
      session_type: 'normal',
      resume_gateway_url: this.options.resumeUrl,
      shard: [session.shardId, shardCount],
      application: { id: this.options.applicationId, flags: 0 },
      _trace: ['["fake-gateway",{"micros":0}]'],
    };
  }

  #replaceSession(session: Session): void {
    const old = this.#sessions.get(session.shardId);
    if (old?.socket && old.socket !== session.socket) old.socket.terminate();
    this.#sessions.set(session.shardId, session);
    if (session.socket) this.#shardOf.set(session.socket, session.shardId);
  }

  #flushPending(shardId: number): void {
    const pending = this.#pending.get(shardId) ?? [];
    this.#pending.delete(shardId);
    for (const { t, d } of pending) this.dispatch(t, d, shardId);
  }

  #reject(socket: WebSocket, closeCode: number, reason: string): void {
    this.events.push({ kind: 'identify-rejected', closeCode, reason });
    this.#closedByServer.add(socket);
    socket.close(closeCode, reason);
  }

  #detach(shardId: number): WebSocket {
    const session = this.#sessions.get(shardId);
    if (!session?.socket) throw new Error(`fake Discord: shard ${shardId} has no live gateway socket`);
    const socket = session.socket;
    session.socket = null;
    return socket;
  }

  #closed(socket: WebSocket, code: number): void {
    const shardId = this.#shardOf.get(socket);
    const session = shardId === undefined ? undefined : this.#sessions.get(shardId);
    if (session?.socket === socket) session.socket = null;
    this.events.push({ kind: 'close', shardId, code, by: this.#closedByServer.has(socket) ? 'server' : 'client' });
  }
}

function send(socket: WebSocket, payload: unknown): void {
  if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(payload));
}

function textOf(raw: RawData): string {
  if (Array.isArray(raw)) return Buffer.concat(raw).toString('utf8');
  return Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.from(new Uint8Array(raw)).toString('utf8');
}

function parse(raw: string): { op?: unknown; d?: unknown } {
  try {
    return record(JSON.parse(raw));
  } catch {
    return {};
  }
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
