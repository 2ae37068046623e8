// Discord's HTTP interactions endpoint over node:http: cap, verify, parse, hand off; I/O only and stateless per request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { KeyObject } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { InteractionResponseType, InteractionType, type APIInteractionResponse } from 'discord-api-types/payloads/v10';
import { errorResponse } from '../interactions/handleInteraction.ts';
import { PROMETHEUS_CONTENT_TYPE } from '../ops/healthServer.ts';
import { verifyDiscordRequest } from './verifySignature.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Log = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

export interface InteractionsServerOptions {
  publicKey: KeyObject;
  /**
   * Receives a verified, JSON-parsed object that is not a PING; validating its shape is the handler's job.
   * Undefined means the object is not an interaction at all: 400.
   */
  handle: (interaction: unknown) => Promise<APIInteractionResponse | SerializedResponse | undefined>;
  /** Extra fields for GET /healthz. */
  health: () => Record<string, unknown>;
  /** GET /metrics: the Prometheus text exposition; 404 without it. */
  metrics?: () => Promise<string>;
  log: Log;
  /** Wall clock in ms, for the replay window and uptime. */
  now?: () => number;
  maxBodyBytes?: number;
  /**
   * The annotated article page and its assets (path inside the site → file), served at /article/. Built on
   * the first request for it, not at start-up: drawing it would delay the first interaction.
   */
  site?: () => Promise<ReadonlyMap<string, { contentType: string; body: Buffer }>>;
}

export const DEFAULT_MAX_BODY_BYTES = 65_536;
export const INTERACTIONS_PATH = '/interactions';
export const HEALTH_PATH = '/healthz';
export const METRICS_PATH = '/metrics';
export const ARTICLE_PATH = '/article';
// Discord gives us 3 s to answer, so a request still arriving after 10 s is an attacker or a dead peer.
const REQUEST_TIMEOUT_MS = 10_000;
const HEADERS_TIMEOUT_MS = 5_000;
const KEEP_ALIVE_TIMEOUT_MS = 5_000;
// node only enforces the two timeouts above on this sweep interval (default 30 s).
const CONNECTIONS_CHECK_INTERVAL_MS = 1_000;
const MAX_LOGGED_PATH_CHARS = 100;

/** What the user sees when the handler fails; ephemeral so a bug never spams a channel. */
export const HANDLER_FAILURE_RESPONSE: APIInteractionResponse = errorResponse(undefined);

// A Map, not an object literal, so no request path can ever resolve to an Object.prototype member.
const ALLOWED_METHODS: ReadonlyMap<string, readonly string[]> = new Map([
  [INTERACTIONS_PATH, ['POST']],
  [HEALTH_PATH, ['GET', 'HEAD']],
  [METRICS_PATH, ['GET']],
]);

/** A response the handler already has as JSON (a cached reply): sent as it is, not serialised again. */
export class SerializedResponse {
  constructor(readonly json: string) {}
}

export interface InteractionsServer extends Server {
  /** /healthz turns 503 at once; resolves once every request in flight is answered and the server has closed. */
  drain(): Promise<void>;
}

interface Reply {
  status: number;
  /** The body, already serialised as JSON. */
  json: string;
  headers?: Record<string, string>;
  /** Why a request was refused, for the log line only. */
  reason?: string;
  /** A file to send instead of the JSON body (the article page and its assets). */
  file?: { contentType: string; body: Buffer };
}

function reply(status: number, body: unknown, extra: Omit<Reply, 'status' | 'json'> = {}): Reply {
  return { status, json: JSON.stringify(body), ...extra };
}

type BodyResult = { kind: 'ok'; body: Buffer } | { kind: 'tooLarge' } | { kind: 'aborted' };

export function createInteractionsServer(options: InteractionsServerOptions): InteractionsServer {
  const now = options.now ?? Date.now;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const startedAtMs = now();
  let draining = false;
  let inFlight = 0;
  let settled: (() => void) | undefined;

  const server = createServer({ connectionsCheckingInterval: CONNECTIONS_CHECK_INTERVAL_MS }, (req, res) => {
    const startedAt = performance.now();
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) settled?.();
    });
    // While draining, each answer also ends its keep-alive connection, so closing the server does not wait on it.
    if (draining) res.shouldKeepAlive = false;
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    route(req, path)
      .catch((error: unknown) => {
        // Only a bug in this file gets here; the handler's own failures are caught in postInteraction.
        options.log('error', 'interactions server failed', { error: describeError(error) });
        return reply(500, { error: 'internal error' });
      })
      .then((answer) => {
        if (answer !== undefined) send(res, answer);
        options.log('debug', 'http request', {
          method: req.method,
          path: path.slice(0, MAX_LOGGED_PATH_CHARS),
          status: answer?.status ?? 'aborted',
          ms: Math.round((performance.now() - startedAt) * 10) / 10,
          ...(answer?.reason === undefined ? {} : { reason: answer.reason }),
        });
      })
      // Only a throwing log sink can get here; there is nowhere left to report it, and it must not crash the process.
      .catch(() => undefined);
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    options.log('debug', 'http client error', { code: error.code });
    rejectMalformedRequest(error, socket);
  });
  async function drain(): Promise<void> {
    draining = true;
    if (inFlight > 0) await new Promise<void>((resolve) => (settled = resolve));
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  }
  return Object.assign(server, { drain });

  async function route(req: IncomingMessage, path: string): Promise<Reply | undefined> {
    if (options.site && (path === ARTICLE_PATH || path.startsWith(`${ARTICLE_PATH}/`))) return sitePage(req, path);
    const allowed = ALLOWED_METHODS.get(path);
    if (allowed === undefined) return reply(404, { error: 'not found' });
    if (!allowed.includes(req.method ?? '')) {
      return reply(405, { error: 'method not allowed' }, { headers: { allow: allowed.join(', ') } });
    }
    if (path === METRICS_PATH) return metrics();
    return path === HEALTH_PATH ? healthz() : postInteraction(req);
  }

  async function metrics(): Promise<Reply> {
    if (!options.metrics) return reply(404, { error: 'not found' });
    return { status: 200, json: await options.metrics(), headers: { 'content-type': PROMETHEUS_CONTENT_TYPE } };
  }

  async function sitePage(req: IncomingMessage, path: string): Promise<Reply> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return reply(405, { error: 'method not allowed' }, { headers: { allow: 'GET, HEAD' } });
    }
    // The page links its assets relatively, so it must be read at /article/.
    if (path === ARTICLE_PATH) return reply(301, {}, { headers: { location: `${ARTICLE_PATH}/` } });
    const file = (await options.site?.())?.get(path.slice(ARTICLE_PATH.length + 1) || 'index.html');
    return file ? { status: 200, json: '', file } : reply(404, { error: 'not found' });
  }

  function healthz(): Reply {
    const uptimeSeconds = Math.floor((now() - startedAtMs) / 1000);
    // A load balancer must stop sending here before the server stops accepting.
    if (draining) return reply(503, { status: 'draining', uptimeSeconds });
    try {
      return reply(200, { status: 'ok', uptimeSeconds, ...options.health() });
    } catch (error) {
      options.log('error', 'health check failed', { error: describeError(error) });
      return reply(503, { error: 'health check failed' });
    }
  }

  async function postInteraction(req: IncomingMessage): Promise<Reply | undefined> {
    const declaredLength = Number(req.headers['content-length']);
    if (declaredLength > maxBodyBytes) return tooLarge();
    const read = await readBody(req, maxBodyBytes);
    if (read.kind === 'aborted') return undefined;
    if (read.kind === 'tooLarge') return tooLarge();

    const verdict = verifyDiscordRequest({
      publicKey: options.publicKey,
      signature: headerValue(req, 'x-signature-ed25519'),
      timestamp: headerValue(req, 'x-signature-timestamp'),
      rawBody: read.body,
      nowMs: now(),
    });
    if (!verdict.ok) return reply(401, { error: 'invalid request signature' }, { reason: verdict.reason });

    let interaction: unknown;
    try {
      interaction = JSON.parse(read.body.toString('utf8'));
    } catch {
      return reply(400, { error: 'body is not valid JSON' }, { reason: 'malformed JSON' });
    }
    if (typeof interaction !== 'object' || interaction === null || Array.isArray(interaction)) {
      return reply(400, { error: 'body is not a JSON object' }, { reason: 'not an object' });
    }
    if ((interaction as { type?: unknown }).type === InteractionType.Ping) {
      return reply(200, { type: InteractionResponseType.Pong });
    }
    try {
      const response = await options.handle(interaction);
      if (response === undefined) return reply(400, { error: 'not an interaction' }, { reason: 'not an interaction' });
      // Serialised inside the try so a response JSON cannot encode counts as the handler's failure.
      const json =
        response instanceof SerializedResponse ? response.json : (JSON.stringify(response) as string | undefined);
      if (json === undefined) throw new Error('handler returned nothing');
      return { status: 200, json };
    } catch (error) {
      options.log('error', 'interaction handler failed', { error: describeError(error) });
      return reply(200, HANDLER_FAILURE_RESPONSE, { reason: 'handler failed' });
    }
  }
}

function tooLarge(): Reply {
  // Closing is the only way to stop a client that is still sending the rest of an oversized body.
  return reply(413, { error: 'request body too large' }, { headers: { connection: 'close' } });
}

/** Buffers the body up to maxBytes; stops keeping bytes the moment the cap is passed. */
function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      chunks.length = 0;
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > maxBytes) return settle({ kind: 'tooLarge' });
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!settled) settle({ kind: 'ok', body: Buffer.concat(chunks, size) });
    });
    // The listener on 'error' stays for the request's life so a late reset is never an uncaught error.
    req.on('error', () => settle({ kind: 'aborted' }));
    req.on('aborted', () => settle({ kind: 'aborted' }));
  });
}

function send(res: ServerResponse, answer: Reply): void {
  if (res.headersSent || res.destroyed) return;
  if (answer.file) {
    res.writeHead(answer.status, {
      'content-type': answer.file.contentType,
      'content-length': answer.file.body.length,
      'cache-control': 'public, max-age=300',
    });
    res.end(answer.file.body);
    return;
  }
  res.writeHead(answer.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(answer.json),
    ...answer.headers,
  });
  res.end(answer.json);
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function rejectMalformedRequest(error: NodeJS.ErrnoException, socket: Socket): void {
  // As node's default: answer only if nothing was written yet, so a raw reply never interleaves with a response.
  if (error.code === 'ECONNRESET' || !socket.writable || socket.bytesWritten > 0) {
    socket.destroy();
    return;
  }
  const [status, text] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? [408, 'Request Timeout']
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large']
        : [400, 'Bad Request'];
  const payload = JSON.stringify({ error: text.toLowerCase() });
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nconnection: close\r\ncontent-type: application/json\r\n` +
      `content-length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`,
    () => socket.destroy(),
  );
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
