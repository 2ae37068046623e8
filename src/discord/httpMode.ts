// HTTP mode: the interactions endpoint, answering with the same handler as the gateway.
import type { Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Answerer } from '../answer/answerQuery.ts';
import type { Env } from '../config/env.ts';
import type { InteractionHandler } from '../interactions/handleInteraction.ts';
import { logOutcome } from '../interactions/logOutcome.ts';
import type { Logger } from '../log.ts';
import { createInteractionsServer } from './httpServer.ts';
import { publicKeyFromHex } from './verifySignature.ts';

const DELETE_RETRY_MS = 1_000;

export interface HttpModeOptions {
  env: Env;
  publicKeyHex: string;
  port: number;
  app: Answerer;
  handle: InteractionHandler;
  log: Logger;
}

export async function startHttpMode(options: HttpModeOptions): Promise<Server> {
  const { app, handle, log } = options;
  const { corpus } = app;
  const server = createInteractionsServer({
    publicKey: publicKeyFromHex(options.publicKeyHex),
    log,
    health: () => ({
      paragraphs: corpus.paragraphs.length,
      events: corpus.events.length,
      quotes: corpus.quotes.length,
      entities: corpus.entities.length,
      version: app.version,
    }),
    handle: async (payload) => {
      const started = performance.now();
      const { response, outcome, target, deleteOriginal } = handle(payload);
      logOutcome(log, outcome, started);
      // Delete acknowledges the click first (a deferred update), then removes the message with the click's token.
      if (deleteOriginal && target) {
        const base = options.env.DISCORD_API_BASE_URL ?? 'https://discord.com/api';
        const url = `${base}/v10/webhooks/${target.applicationId}/${target.token}/messages/@original`;
        // The DELETE may reach Discord before our HTTP answer has acknowledged the click: one retry covers that.
        const attempt = (retry: boolean) =>
          fetch(url, { method: 'DELETE' }).then(
            (res) => {
              if (res.ok) return;
              if (retry && res.status === 404) setTimeout(() => void attempt(false), DELETE_RETRY_MS);
              else log('warn', 'could not delete the answer', { id: target.id, status: res.status });
            },
            (error: unknown) => log('warn', 'could not delete the answer', { id: target.id, error }),
          );
        setImmediate(() => void attempt(true));
      }
      return Promise.resolve(response);
    },
  });
  const host = options.env.HOST ?? '0.0.0.0';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  log('info', 'listening for interactions', { url: `http://${host}:${port}/interactions` });
  return server;
}
