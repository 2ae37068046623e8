// HTTP mode: the interactions endpoint, answering with the same handler as the gateway.
import { performance } from 'node:perf_hooks';
import { InteractionResponseType } from 'discord-api-types/payloads/v10';
import type { Answerer } from '../answer/answerQuery.ts';
import type { Env } from '../config/env.ts';
import type { InteractionHandler } from '../interactions/handleInteraction.ts';
import { logOutcome } from '../interactions/logOutcome.ts';
import type { Logger } from '../log.ts';
import { deferredMetrics } from '../ops/deferredMetrics.ts';
import type { Site } from '../site/buildSite.ts';
import { DISCORD_API, editOriginal, withoutFiles } from './editOriginal.ts';
import { createInteractionsServer, SerializedResponse, type InteractionsServer } from './httpServer.ts';
import { publicKeyFromHex } from './verifySignature.ts';

const DELETE_RETRY_MS = 1_000;

export interface HttpModeOptions {
  env: Env;
  publicKeyHex: string;
  port: number;
  app: Answerer;
  handle: InteractionHandler;
  log: Logger;
  /** The annotated article page, served at GET /article/. */
  /** Built on first use (see HttpServerOptions.site). */
  site?: () => Promise<Site>;
}

export async function startHttpMode(options: HttpModeOptions): Promise<InteractionsServer> {
  const { app, handle, log } = options;
  const { corpus } = app;
  // Work an answer leaves behind (a deferred reply's upload, a Delete's DELETE): a drain waits for it too.
  const followUps = new Set<Promise<void>>();
  const afterAnswer = (task: () => Promise<void>) => {
    const done = new Promise<void>((resolve) => setImmediate(resolve)).then(task).catch((error: unknown) => {
      log('error', 'follow-up failed', { error });
    });
    followUps.add(done);
    void done.finally(() => followUps.delete(done));
  };
  const metrics = deferredMetrics(
    () =>
      import('../ops/metrics.ts').then(({ createMetrics }) =>
        createMetrics({ mode: 'http', fingerprint: app.version }),
      ),
    (error) => log('error', 'could not load the metrics; will try again', { error }),
  );
  const server = createInteractionsServer({
    publicKey: publicKeyFromHex(options.publicKeyHex),
    log,
    site: options.site,
    health: () => ({
      paragraphs: corpus.paragraphs.length,
      events: corpus.events.length,
      quotes: corpus.quotes.length,
      entities: corpus.entities.length,
      version: app.version,
    }),
    metrics: () => metrics.text(),
    handle: async (payload) => {
      const started = performance.now();
      try {
        const { response, outcome, target, deleteOriginal, files, json } = handle(payload);
        metrics.interaction(outcome, (performance.now() - started) / 1000);
        logOutcome(log, outcome, started);
        // Delete acknowledges the click first (a deferred update), then removes the message with the click's token.
        if (deleteOriginal && target) {
          const base = options.env.DISCORD_API_BASE_URL ?? 'https://discord.com/api';
          const url = `${base}/v10/webhooks/${target.applicationId}/${target.token}/messages/@original`;
          // The DELETE may reach Discord before our HTTP answer has acknowledged the click: one retry covers that.
          const attempt = (retry: boolean): Promise<void> =>
            fetch(url, { method: 'DELETE' }).then(
              async (res) => {
                if (res.ok) return;
                if (retry && res.status === 404) {
                  await new Promise((resolve) => setTimeout(resolve, DELETE_RETRY_MS));
                  await attempt(false);
                } else log('warn', 'could not delete the answer', { id: target.id, status: res.status });
              },
              (error: unknown) => log('warn', 'could not delete the answer', { id: target.id, error }),
            );
          afterAnswer(() => attempt(true));
        }
        // A reply with a file is deferred, then the file goes up as an edit of @original: the upload is not bound by
        // the 3-second window or by the size Discord accepts in an HTTP response body.
        if (files && target && response?.type === InteractionResponseType.ChannelMessageWithSource && response.data) {
          const { data } = response;
          const api = options.env.DISCORD_API_BASE_URL ?? DISCORD_API;
          afterAnswer(() =>
            editOriginal(api, target, data, files).catch(async (error: unknown) => {
              log('error', 'could not upload the deferred reply; sending it without its files', {
                id: target.id,
                error,
              });
              // The user is looking at "thinking…": the answer without its picture beats no answer.
              await editOriginal(api, target, withoutFiles(data), []).catch((again: unknown) =>
                log('error', 'could not edit the deferred reply', { id: target.id, error: again }),
              );
            }),
          );
          return Promise.resolve({
            type: InteractionResponseType.DeferredChannelMessageWithSource,
            data: data.flags === undefined ? {} : { flags: data.flags },
          });
        }
        return Promise.resolve(json === undefined ? response : new SerializedResponse(json));
      } catch (error) {
        metrics.interaction({ kind: 'invalid', results: 0 }, (performance.now() - started) / 1000, true);
        throw error;
      }
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
  // Drained: no request in flight, none accepted, and every follow-up an answer started has finished.
  const drainRequests = server.drain.bind(server);
  server.once('close', () => void metrics.close());
  return Object.assign(server, {
    async drain() {
      await drainRequests();
      while (followUps.size > 0) await Promise.allSettled([...followUps]);
      await metrics.close();
    },
  });
}
