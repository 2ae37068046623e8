// Gateway transport: the real discord.js client receives interactions and posts the shared handler's answer.
import { performance } from 'node:perf_hooks';
import {
  Client,
  DiscordAPIError,
  Events,
  GatewayDispatchEvents,
  GatewayIntentBits,
  InteractionResponseType,
  RESTJSONErrorCodes,
  Routes,
  type APIInteractionResponse,
  type ClientOptions,
} from 'discord.js';
import {
  errorResponse,
  type AttachedFile,
  type Handled,
  type InteractionHandler,
} from '../interactions/handleInteraction.ts';
import { AUTOCOMPLETE, interactionTarget, type InteractionTarget } from '../interactions/parseInteraction.ts';
import { logOutcome } from '../interactions/logOutcome.ts';
import type { Logger } from '../log.ts';
import type { HealthReport } from '../ops/healthServer.ts';
import type { Metrics } from '../ops/metrics.ts';

export interface GatewayBotOptions {
  token: string;
  handle: InteractionHandler;
  log: Logger;
  /** REST base without the version (…/api); Discord's by default. */
  apiBaseUrl?: string;
  /** Extra client options, for sharding and tests. */
  client?: Partial<ClientOptions>;
  metrics?: Metrics;
}

export interface GatewayBot {
  client: Client;
  start(): Promise<void>;
  /**
   * Drains: answers every interaction that arrives until the connection is closed, closes it, and
   * resolves once every callback in flight has settled.
   */
  stop(): Promise<void>;
  /** Ready only once every shard of this client is connected and the bot is not stopping. */
  health(): HealthReport;
}

type ShardState = 'connecting' | 'ready' | 'reconnecting' | 'closed';

export function createGatewayBot(options: GatewayBotOptions): GatewayBot {
  const { log, handle } = options;
  const client = new Client({
    // Slash commands need no privileged intent; Guilds is the least the gateway accepts.
    intents: [GatewayIntentBits.Guilds],
    ...options.client,
    rest: { ...(options.apiBaseUrl ? { api: options.apiBaseUrl } : {}), ...options.client?.rest },
  });

  const { metrics } = options;
  const shards = new Map<number, ShardState>();
  const inFlight = new Set<Promise<void>>();
  let phase: 'starting' | 'running' | 'draining' = 'starting';

  async function send(
    id: string,
    token: string,
    response: APIInteractionResponse,
    files?: AttachedFile[],
    json?: string,
  ): Promise<void> {
    // A cached reply comes serialised (the asker's id already in it): sent as it is, not serialised again.
    if (json !== undefined && !files) {
      await client.rest.post(Routes.interactionCallback(id, token), {
        body: json,
        passThroughBody: true,
        headers: { 'Content-Type': 'application/json' },
        auth: false,
      });
      return;
    }
    // With files, discord.js sends multipart: the body as payload_json, each file as files[i].
    await client.rest.post(Routes.interactionCallback(id, token), {
      body: response,
      auth: false,
      ...(files && { files: files.map((f) => ({ name: f.name, data: f.data, contentType: f.contentType })) }),
    });
  }

  async function onInteraction(payload: unknown, shardId: number): Promise<void> {
    const started = performance.now();
    let handled: Handled | undefined;
    let handleSeconds = 0;
    try {
      handled = handle(payload);
      handleSeconds = (performance.now() - started) / 1000;
      const { response, target, outcome, deleteOriginal, files, json } = handled;
      if (!response || !target) {
        metrics?.interaction(outcome, handleSeconds);
        log('warn', 'unanswerable interaction payload', { shard: shardId, detail: outcome.detail });
        return;
      }
      await send(target.id, target.token, response, files, json);
      if (deleteOriginal) {
        await client.rest.delete(Routes.webhookMessage(target.applicationId, target.token, '@original'), {
          auth: false,
        });
      }
      metrics?.interaction(outcome, handleSeconds);
      logOutcome(log, outcome, started, { shard: shardId });
    } catch (error) {
      // handle() itself may be what threw: the envelope still says where to answer.
      const target = interactionTarget(payload);
      const outcome = handled?.outcome ?? { kind: 'invalid', results: 0 };
      metrics?.interaction(outcome, handleSeconds || (performance.now() - started) / 1000, true);
      log('error', 'interaction failed', { id: target?.id, error });
      if (target) await apologise(target, error);
    }
  }

  /** Always answer: a callback if none went through, else a follow-up on the interaction's webhook. */
  async function apologise(target: InteractionTarget, cause: unknown): Promise<void> {
    const acknowledged =
      cause instanceof DiscordAPIError && cause.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged;
    // An autocomplete can only be answered with choices, and has no message to follow up on.
    const autocomplete = target.type === AUTOCOMPLETE;
    if (autocomplete && acknowledged) return;
    const body: APIInteractionResponse = autocomplete
      ? { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } }
      : errorResponse(target.locale);
    try {
      if (acknowledged) {
        await client.rest.post(Routes.webhook(target.applicationId, target.token), {
          body: body.type === InteractionResponseType.ChannelMessageWithSource ? body.data : {},
          auth: false,
        });
      } else {
        await send(target.id, target.token, body);
      }
    } catch (error) {
      log('error', 'could not tell the user about the failure', { id: target.id, error });
    }
  }

  client.ws.on(GatewayDispatchEvents.InteractionCreate, (data: unknown, shardId: number) => {
    const answering = onInteraction(data, shardId);
    inFlight.add(answering);
    void answering.finally(() => inFlight.delete(answering));
  });
  client.on(Events.ClientReady, (c) => {
    if (phase === 'starting') phase = 'running';
    log('info', 'connected to Discord', { user: c.user.tag, shards: c.ws.shards.size });
  });
  client.on(Events.ShardReady, (id) => {
    shards.set(id, 'ready');
    log('info', 'shard ready', { shard: id });
  });
  client.on(Events.ShardResume, (id, replayed) => {
    shards.set(id, 'ready');
    log('info', 'shard resumed', { shard: id, replayed });
  });
  client.on(Events.ShardReconnecting, (id) => {
    shards.set(id, 'reconnecting');
    log('warn', 'shard reconnecting', { shard: id });
  });
  // discord.js gives up on a shard (4004 bad token, 4014 disallowed intents) yet keeps the client "ready".
  client.on(Events.ShardDisconnect, (event, id) => {
    shards.set(id, 'closed');
    if (phase !== 'draining') log('error', 'shard disconnected for good', { shard: id, code: event.code });
  });
  metrics?.pingSource(() => [...client.ws.shards.values()].map((shard) => [shard.id, shard.ping]));
  client.on(Events.ShardError, (error, id) => log('error', 'shard error', { shard: id, error }));
  client.on(Events.Error, (error) => log('error', 'client error', { error }));
  client.on(Events.Warn, (message) => log('warn', message));

  return {
    client,
    async start() {
      await client.login(options.token);
    },
    async stop() {
      phase = 'draining';
      // Interactions that arrived before the close frame are already in inFlight: the listener runs on receipt.
      await client.destroy();
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    health() {
      const states = [...shards.values()];
      const connected = states.length > 0 && states.every((state) => state === 'ready');
      const status =
        phase === 'draining' ? 'draining' : phase === 'starting' ? 'starting' : connected ? 'ready' : 'disconnected';
      return { ready: status === 'ready', status, shards: Object.fromEntries(shards) };
    },
  };
}
