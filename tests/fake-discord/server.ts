// A fake Discord on 127.0.0.1: REST under /api/v10 and the gateway on the same port, owned by the test.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIInteractionResponse } from 'discord.js';
import { WebSocketServer } from 'ws';
import { FakeGateway, type GatewayEvent, type IdentifyEvent, type ResumeEvent } from './gateway.ts';
import { FAKE_APPLICATION_ID, FAKE_TOKEN } from './ids.ts';
import { InteractionRegistry, type DispatchedInteraction } from './interactions.ts';
import { FAKE_BOT_USER } from './messages.ts';
import type { FakeResponse } from './responses.ts';
import { FakeRest, type Hold, type RecordedRequest, type RequestMatcher } from './rest.ts';
import { applyCallback } from './routes.ts';

export interface FakeDiscordOptions {
  /** The bot token the fake accepts; anything else gets 401 on REST and close 4004 on IDENTIFY. */
  token?: string;
  /** What GET /gateway/bot recommends, and the shard count IDENTIFY must carry. */
  shards?: number;
  /** HELLO's heartbeat_interval; Discord's is about 41 s. */
  heartbeatIntervalMs?: number;
  /** session_start_limit.max_concurrency: discord.js waits 5 s between IDENTIFYs of shards in one bucket. */
  maxConcurrency?: number;
}

const DEFAULT_TIMEOUT_MS = 3_000;

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return new FakeDiscord(server, options);
}

export class FakeDiscord {
  readonly token: string;
  readonly applicationId = FAKE_APPLICATION_ID;
  readonly botUser = FAKE_BOT_USER;
  readonly port: number;
  /** For discord.js `rest.api`: the base without `/v10`. */
  readonly apiBase: string;
  readonly gatewayUrl: string;
  readonly #server: Server;
  readonly #sockets: WebSocketServer;
  readonly #gateway: FakeGateway;
  readonly #rest: FakeRest;
  readonly #interactions = new InteractionRegistry();
  readonly #commands = new Map<string, Record<string, unknown>[]>();

  constructor(server: Server, options: FakeDiscordOptions) {
    this.#server = server;
    this.token = options.token ?? FAKE_TOKEN;
    this.port = (server.address() as AddressInfo).port;
    this.apiBase = `http://127.0.0.1:${this.port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${this.port}`;
    const shards = options.shards ?? 1;
    this.#gateway = new FakeGateway({
      token: this.token,
      shards,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      applicationId: this.applicationId,
      botUser: this.botUser,
      // A distinct path, so tests can tell a resume went where READY said.
      resumeUrl: `${this.gatewayUrl}/resume`,
    });
    this.#rest = new FakeRest({
      token: this.token,
      applicationId: this.applicationId,
      botUser: this.botUser,
      gatewayUrl: this.gatewayUrl,
      shards,
      maxConcurrency: options.maxConcurrency ?? 1,
      interactions: this.#interactions,
      commands: this.#commands,
    });
    this.#sockets = new WebSocketServer({ server });
    this.#gateway.attach(this.#sockets);
    server.on('request', (req, res) => void this.#rest.handle(req, res));
  }

  /** discord.js `rest` options pointing at this fake, with no extra delay on Retry-After. */
  get restOptions(): { api: string; version: '10'; offset: 0 } {
    return { api: this.apiBase, version: '10', offset: 0 };
  }

  get requests(): readonly RecordedRequest[] {
    return this.#rest.requests.items;
  }

  get gatewayEvents(): readonly GatewayEvent[] {
    return this.#gateway.events.items;
  }

  get identifies(): readonly IdentifyEvent[] {
    return this.gatewayEvents.filter((event): event is IdentifyEvent => event.kind === 'identify');
  }

  get resumes(): readonly ResumeEvent[] {
    return this.gatewayEvents.filter((event): event is ResumeEvent => event.kind === 'resume');
  }

  /** Sends INTERACTION_CREATE to the shard; queued while it reconnects and delivered on RESUME or READY. */
  dispatchInteraction<T extends DispatchedInteraction>(payload: T, shardId = 0): T {
    this.#interactions.register(payload);
    this.#gateway.dispatch('INTERACTION_CREATE', payload, shardId);
    return payload;
  }

  /** HTTP mode: Discord POSTs the interaction to the bot's endpoint, so the fake only needs to know it exists. */
  registerInteraction<T extends DispatchedInteraction>(payload: T): T {
    this.#interactions.register(payload);
    return payload;
  }

  /** HTTP mode: the bot's HTTP response was the callback; from now on its webhook routes answer. */
  acceptHttpCallback(interactionId: string, response: unknown): void {
    const state = this.#interactions.byId(interactionId);
    if (!state) throw new Error(`unknown interaction ${interactionId}`);
    applyCallback(state, response);
  }

  /** Sends any dispatch event, e.g. GUILD_CREATE. */
  dispatch(t: string, d: unknown, shardId = 0): void {
    this.#gateway.dispatch(t, d, shardId);
  }

  async waitForRequest(
    matches: (request: RecordedRequest) => boolean,
    timeoutMs = DEFAULT_TIMEOUT_MS,
  ): Promise<RecordedRequest> {
    return this.#rest.requests.waitFor(matches, timeoutMs, 'a matching REST request');
  }

  /** The body of the callback the fake accepted (2xx) for this interaction; faulted attempts are skipped. */
  async waitForCallback(interactionId: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<APIInteractionResponse> {
    const prefix = `/interactions/${interactionId}/`;
    const request = await this.#rest.requests.waitFor(
      (r) => r.method === 'POST' && r.path.startsWith(prefix) && r.path.endsWith('/callback') && r.status < 300,
      timeoutMs,
      `the callback for interaction ${interactionId}`,
    );
    return request.body as APIInteractionResponse;
  }

  /** The first accepted edit of the interaction's original response (PATCH …/messages/@original). */
  async waitForEdit(interaction: { token: string }, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<RecordedRequest> {
    const path = `/webhooks/${this.applicationId}/${interaction.token}/messages/@original`;
    return this.#rest.requests.waitFor(
      (r) => r.method === 'PATCH' && r.path === path && r.status < 300,
      timeoutMs,
      'an edit of the original response',
    );
  }

  /** The first accepted follow-up message (POST /webhooks/{app}/{token}). */
  async waitForFollowUp(interaction: { token: string }, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<RecordedRequest> {
    const path = `/webhooks/${this.applicationId}/${interaction.token}`;
    return this.#rest.requests.waitFor(
      (r) => r.method === 'POST' && r.path === path && r.status < 300,
      timeoutMs,
      'a follow-up message',
    );
  }

  async waitForGatewayEvent(
    matches: (event: GatewayEvent) => boolean,
    timeoutMs = DEFAULT_TIMEOUT_MS,
  ): Promise<GatewayEvent> {
    return this.#gateway.events.waitFor(matches, timeoutMs, 'a matching gateway event');
  }

  /** Resolves once `count` IDENTIFYs have been accepted (counting from the start). */
  async waitForIdentify(count = 1, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<IdentifyEvent[]> {
    const events = await this.#gateway.events.waitForCount((e) => e.kind === 'identify', count, timeoutMs, 'IDENTIFY');
    return events as IdentifyEvent[];
  }

  /** Resolves once `count` RESUMEs have been accepted and answered with RESUMED. */
  async waitForResume(count = 1, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<ResumeEvent[]> {
    const events = await this.#gateway.events.waitForCount((e) => e.kind === 'resume', count, timeoutMs, 'RESUME');
    return events as ResumeEvent[];
  }

  /** Resolves once READY has been sent `count` times. The client's own 'clientReady' comes just after. */
  async waitForReady(count = 1, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
    await this.#gateway.events.waitForCount((e) => e.kind === 'ready', count, timeoutMs, 'READY');
  }

  /** Closes the shard's gateway socket with a close code: 4000 → resume, 1000 → fresh IDENTIFY, 4004 → gives up. */
  closeGateway(code: number, shardId = 0): void {
    this.#gateway.close(code, shardId);
  }

  /** Terminates the shard's TCP socket without a close frame. */
  dropSocket(shardId = 0): void {
    this.#gateway.drop(shardId);
  }

  /** Sends a raw opcode: { op: 7 } RECONNECT, { op: 9, d: false } INVALID_SESSION. */
  sendGatewayOp(payload: { op: number; d?: unknown }, shardId = 0): void {
    this.#gateway.sendOp(payload, shardId);
  }

  /** The next `count` dispatches to the shard are logged but never sent; a RESUME replays them. */
  loseNextDispatches(count = 1, shardId = 0): void {
    this.#gateway.loseNextDispatches(count, shardId);
  }

  /** With acks off, the client should call the connection a zombie, close it and resume. */
  setHeartbeatAcks(enabled: boolean): void {
    this.#gateway.setHeartbeatAcks(enabled);
  }

  isShardLive(shardId = 0): boolean {
    return this.#gateway.isLive(shardId);
  }

  /** The next `times` (default 1) matching REST requests get `response`; see responses.ts for Discord's shapes. */
  failNext(matcher: RequestMatcher, response: FakeResponse & { times?: number }): void {
    this.#rest.failNext(matcher, response);
  }

  /** The next matching REST request stays unanswered (in flight) until the returned release(). */
  holdNext(matcher: RequestMatcher): Hold {
    return this.#rest.holdNext(matcher);
  }

  /** Every matching REST request gets `response` until clearFaults(). */
  setResponse(matcher: RequestMatcher, response: FakeResponse): void {
    this.#rest.setResponse(matcher, response);
  }

  clearFaults(): void {
    this.#rest.clearFaults();
  }

  /** Commands as last deployed by PUT, globally or to one guild. */
  deployedCommands(guildId?: string): readonly Record<string, unknown>[] {
    return this.#commands.get(guildId ?? 'global') ?? [];
  }

  async stop(): Promise<void> {
    for (const socket of this.#sockets.clients) socket.terminate();
    await new Promise<void>((resolve) => this.#sockets.close(() => resolve()));
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
