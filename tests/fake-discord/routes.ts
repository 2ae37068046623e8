// The REST routes a discord.js bot calls, answered the way Discord answers them.
import type { IncomingHttpHeaders } from 'node:http';
import { MessageFlags, type APIMessage, type APIUser } from 'discord.js';
import { nextSnowflake } from './ids.ts';
import type { InteractionRegistry, InteractionState } from './interactions.ts';
import { fakeMessage } from './messages.ts';
import type { UploadedFile } from './multipart.ts';
import {
  alreadyAcknowledged,
  discordError,
  invalidFormBody,
  json,
  noContent,
  notFound,
  unauthorized,
  unknownInteraction,
  unknownMessage,
  unknownWebhook,
  type FakeResponse,
} from './responses.ts';

export interface IncomingRequest {
  method: string;
  /** Path after `/api/v10`, percent-decoded: `/webhooks/{app}/{token}/messages/@original`. */
  path: string;
  /** The request URL exactly as it arrived. */
  url: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON (or a multipart request's `payload_json`); the raw text otherwise. */
  body: unknown;
  rawBody: string;
  /** A multipart request's files, byte for byte. */
  files?: UploadedFile[];
}

export interface RouteContext {
  token: string;
  applicationId: string;
  botUser: APIUser;
  gatewayUrl: string;
  shards: number;
  maxConcurrency: number;
  interactions: InteractionRegistry;
  /** Deployed commands by scope: 'global' or a guild id. */
  commands: Map<string, Record<string, unknown>[]>;
}

interface Route {
  method: string;
  pattern: RegExp;
  /** Whether Discord requires `Authorization: Bot <token>` here; interaction routes use the token in the URL. */
  auth: boolean;
  handle(request: IncomingRequest, params: string[], context: RouteContext): FakeResponse;
}

const SEGMENT = '([^/]+)';

const routes: Route[] = [
  { method: 'GET', pattern: /^\/gateway$/, auth: false, handle: (_r, _p, c) => json({ url: c.gatewayUrl }) },
  { method: 'GET', pattern: /^\/gateway\/bot$/, auth: true, handle: (_r, _p, c) => json(gatewayBot(c)) },
  { method: 'GET', pattern: /^\/users\/@me$/, auth: true, handle: (_r, _p, c) => json(c.botUser) },
  { method: 'GET', pattern: /^\/applications\/@me$/, auth: true, handle: (_r, _p, c) => json(application(c)) },
  {
    method: 'POST',
    pattern: new RegExp(`^/interactions/${SEGMENT}/${SEGMENT}/callback$`),
    auth: false,
    handle: interactionCallback,
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/webhooks/${SEGMENT}/${SEGMENT}/messages/@original$`),
    auth: false,
    handle: (_r, [app, token], c) => withOriginal(c, app, token, (_state, original) => json(original)),
  },
  {
    method: 'PATCH',
    pattern: new RegExp(`^/webhooks/${SEGMENT}/${SEGMENT}/messages/@original$`),
    auth: false,
    handle: (r, [app, token], c) =>
      withOriginal(c, app, token, (state, original) => {
        state.original = edited(original, r.body);
        return json(state.original);
      }),
  },
  {
    method: 'DELETE',
    pattern: new RegExp(`^/webhooks/${SEGMENT}/${SEGMENT}/messages/@original$`),
    auth: false,
    handle: (_r, [app, token], c) => withOriginal(c, app, token, () => noContent),
  },
  { method: 'POST', pattern: new RegExp(`^/webhooks/${SEGMENT}/${SEGMENT}$`), auth: false, handle: followUp },
  {
    method: 'PATCH',
    pattern: new RegExp(`^/webhooks/${SEGMENT}/${SEGMENT}/messages/${SEGMENT}$`),
    auth: false,
    handle: (r, [app, token, messageId], c) =>
      acknowledgedState(c, app, token) ? json(edited(fakeMessage({ id: messageId }), r.body)) : unknownWebhook(),
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/applications/${SEGMENT}/commands$`),
    auth: true,
    handle: (_r, [app], c) => (app === c.applicationId ? json(c.commands.get('global') ?? []) : missingAccess()),
  },
  {
    method: 'PUT',
    pattern: new RegExp(`^/applications/${SEGMENT}/commands$`),
    auth: true,
    handle: (r, [app], c) => putCommands(r, app, undefined, c),
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/applications/${SEGMENT}/guilds/${SEGMENT}/commands$`),
    auth: true,
    handle: (_r, [app, guild], c) =>
      app === c.applicationId ? json(c.commands.get(guild ?? '') ?? []) : missingAccess(),
  },
  {
    method: 'PUT',
    pattern: new RegExp(`^/applications/${SEGMENT}/guilds/${SEGMENT}/commands$`),
    auth: true,
    handle: (r, [app, guild], c) => putCommands(r, app, guild, c),
  },
];

export function route(request: IncomingRequest, context: RouteContext): FakeResponse {
  for (const candidate of routes) {
    const match = candidate.pattern.exec(request.path);
    if (!match || candidate.method !== request.method) continue;
    if (candidate.auth && request.headers.authorization !== `Bot ${context.token}`) return unauthorized();
    return candidate.handle(request, match.slice(1), context);
  }
  return notFound();
}

function gatewayBot(context: RouteContext): unknown {
  return {
    url: context.gatewayUrl,
    shards: context.shards,
    session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: context.maxConcurrency },
  };
}

function application(context: RouteContext): unknown {
  return {
    id: context.applicationId,
    name: context.botUser.username,
    icon: null,
    description: '',
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: 0,
    bot: context.botUser,
  };
}

function interactionCallback(request: IncomingRequest, [id, token]: string[], context: RouteContext): FakeResponse {
  const state = context.interactions.byId(id ?? '');
  if (!state || state.payload.token !== token) return unknownInteraction();
  if (state.callbackType !== undefined) return alreadyAcknowledged();
  const type = applyCallback(state, request.body);
  if (request.query.with_response !== 'true') return noContent;
  return json({
    interaction: {
      id: state.payload.id,
      type: state.payload.type,
      ...(state.original && {
        response_message_id: state.original.id,
        response_message_loading: type === 5,
        response_message_ephemeral: ((state.original.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
      }),
    },
    resource: { type, ...(state.original && { message: state.original }) },
  });
}

/** Records an accepted callback (over REST, or an HTTP-mode response): its type, and what `@original` now is. */
export function applyCallback(state: InteractionState, callback: unknown): number {
  const body = record(callback);
  const type = typeof body.type === 'number' ? body.type : NaN;
  state.callbackType = type;
  state.original = messageAfterCallback(state, type, record(body.data));
  return type;
}

// What `@original` points at after each callback type: a new reply, a loading reply, or the component's message.
function messageAfterCallback(
  state: InteractionState,
  type: number,
  data: Record<string, unknown>,
): APIMessage | undefined {
  const channel = { channel_id: state.payload.channel_id ?? fakeMessage().channel_id };
  const ephemeral = typeof data.flags === 'number' ? data.flags & MessageFlags.Ephemeral : 0;
  switch (type) {
    case 4:
      return fakeMessage({ ...channel, ...messageFields(data) });
    case 5:
      return fakeMessage({ ...channel, flags: MessageFlags.Loading | ephemeral });
    case 6:
      return state.payload.message;
    case 7:
      return state.payload.message && edited(state.payload.message, data);
    default:
      return undefined;
  }
}

function withOriginal(
  context: RouteContext,
  app: string | undefined,
  token: string | undefined,
  then: (state: InteractionState, original: APIMessage) => FakeResponse,
): FakeResponse {
  const state = app === context.applicationId ? context.interactions.byToken(token ?? '') : undefined;
  if (!state) return unknownWebhook();
  return state.original ? then(state, state.original) : unknownMessage();
}

function followUp(request: IncomingRequest, [app, token]: string[], context: RouteContext): FakeResponse {
  const state = acknowledgedState(context, app, token);
  if (!state) return unknownWebhook();
  const message = fakeMessage({ channel_id: state.original?.channel_id, ...messageFields(record(request.body)) });
  return request.query.wait === 'true' ? json(message) : noContent;
}

function acknowledgedState(context: RouteContext, app?: string, token?: string): InteractionState | undefined {
  const state = app === context.applicationId ? context.interactions.byToken(token ?? '') : undefined;
  return state?.callbackType === undefined ? undefined : state;
}

function putCommands(
  request: IncomingRequest,
  app: string | undefined,
  guildId: string | undefined,
  context: RouteContext,
): FakeResponse {
  if (app !== context.applicationId) return missingAccess();
  if (!Array.isArray(request.body))
    return invalidFormBody('_', 'MODEL_TYPE_CONVERT', 'Only iterables may be used in a ListType');
  const scope = guildId ?? 'global';
  const previous = context.commands.get(scope) ?? [];
  const deployed = request.body.map((command: unknown) => {
    const fields = record(command);
    const kept = previous.find((old) => old.name === fields.name && (old.type ?? 1) === (fields.type ?? 1));
    return {
      type: 1,
      default_member_permissions: null,
      nsfw: false,
      ...fields,
      id: kept?.id ?? nextSnowflake(),
      application_id: context.applicationId,
      version: nextSnowflake(),
      ...(guildId && { guild_id: guildId }),
    };
  });
  context.commands.set(scope, deployed);
  return json(deployed);
}

const missingAccess = (): FakeResponse => discordError(403, 50001, 'Missing Access');

// The fake echoes what the bot sent; checkMessageBody is where those fields get judged.
function messageFields(data: Record<string, unknown>): Partial<APIMessage> {
  const { content, embeds, components, flags, attachments } = data;
  return Object.fromEntries(
    Object.entries({ content, embeds, components, flags, attachments }).filter(([, value]) => value !== undefined),
  );
}

function edited(message: APIMessage, body: unknown): APIMessage {
  const flags = (message.flags ?? 0) & ~MessageFlags.Loading;
  return { ...message, flags, ...messageFields(record(body)), edited_timestamp: new Date().toISOString() };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
