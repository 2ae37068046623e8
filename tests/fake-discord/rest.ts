// The HTTP half of the fake: records every request, applies injected faults, then routes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EventLog } from './eventLog.ts';
import { parseMultipart } from './multipart.ts';
import type { FakeResponse } from './responses.ts';
import { route, type IncomingRequest, type RouteContext } from './routes.ts';

export interface RecordedRequest extends IncomingRequest {
  /** The status the fake answered with (an injected fault's, if one matched). */
  status: number;
}

/** A predicate, or a method and a path (exact string or RegExp) to match. */
export type RequestMatcher = ((request: IncomingRequest) => boolean) | { method?: string; path?: string | RegExp };

interface Fault {
  matches: (request: IncomingRequest) => boolean;
  response: FakeResponse;
  remaining: number;
}

const API_PREFIX = '/api/v10';

/** A request the fake keeps waiting (it is in flight for the client) until the test lets it through. */
export interface Hold {
  /** Resolves when the matching request has arrived and is being held. */
  arrived: Promise<void>;
  release(): void;
}

export class FakeRest {
  readonly requests = new EventLog<RecordedRequest>();
  #faults: Fault[] = [];
  #holds: { matches: (request: IncomingRequest) => boolean; arrive: () => void; released: Promise<void> }[] = [];

  /** Holds the next matching request unanswered until release(); then it is routed as usual. */
  holdNext(matcher: RequestMatcher): Hold {
    let arrive = (): void => undefined;
    let release = (): void => undefined;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.#holds.push({ matches: toPredicate(matcher), arrive, released });
    return { arrived, release };
  }

  constructor(private readonly context: RouteContext) {}

  /** Answers the next `times` matching requests with `response` instead of routing them. */
  failNext(matcher: RequestMatcher, response: FakeResponse & { times?: number }): void {
    this.#faults.push({ matches: toPredicate(matcher), response, remaining: response.times ?? 1 });
  }

  /** Answers every matching request with `response` until clearFaults(). */
  setResponse(matcher: RequestMatcher, response: FakeResponse): void {
    this.#faults.push({ matches: toPredicate(matcher), response, remaining: Number.POSITIVE_INFINITY });
  }

  clearFaults(): void {
    this.#faults = [];
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = await readRequest(req);
    const hold = this.#holds.find((candidate) => candidate.matches(request));
    if (hold) {
      this.#holds = this.#holds.filter((candidate) => candidate !== hold);
      hold.arrive();
      await hold.released;
    }
    const response = request.url.startsWith(`${API_PREFIX}/`) ? this.#respond(request) : { status: 404 };
    this.requests.push({ ...request, status: response.status });
    const payload = response.body === undefined ? '' : JSON.stringify(response.body);
    const type = payload ? { 'content-type': 'application/json' } : {};
    res.writeHead(response.status, { ...type, ...response.headers });
    res.end(payload);
  }

  #respond(request: IncomingRequest): FakeResponse {
    const fault = this.#faults.find((candidate) => candidate.remaining > 0 && candidate.matches(request));
    if (!fault) return route(request, this.context);
    fault.remaining -= 1;
    return fault.response;
  }
}

function toPredicate(matcher: RequestMatcher): (request: IncomingRequest) => boolean {
  if (typeof matcher === 'function') return matcher;
  return (request) =>
    (matcher.method === undefined || matcher.method.toUpperCase() === request.method) &&
    (matcher.path === undefined ||
      (typeof matcher.path === 'string' ? matcher.path === request.path : matcher.path.test(request.path)));
}

async function readRequest(req: IncomingMessage): Promise<IncomingRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  const rawBody = bytes.toString('utf8');
  const url = req.url ?? '/';
  const contentType = req.headers['content-type'] ?? '';
  const multipart = parseMultipart(bytes, contentType);
  const parsed = new URL(url, 'http://127.0.0.1');
  return {
    method: req.method ?? 'GET',
    path: decodeURIComponent(parsed.pathname.slice(API_PREFIX.length)),
    url,
    query: Object.fromEntries(parsed.searchParams),
    headers: req.headers,
    body: multipart ? tryJson(multipart.payloadJson ?? '') : parseBody(rawBody, contentType),
    rawBody,
    ...(multipart && { files: multipart.files }),
  };
}

function parseBody(raw: string, contentType: string): unknown {
  if (raw === '') return undefined;
  if (contentType.includes('application/json')) return tryJson(raw);
  // discord.js sends files as multipart, with the JSON body in a `payload_json` part.
  const payloadJson = /name="payload_json"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/.exec(raw);
  return payloadJson?.[1] === undefined ? raw : tryJson(payloadJson[1]);
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
