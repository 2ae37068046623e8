// HEALTH_PORT for the gateway and the shard manager: GET /healthz (200 ready, 503 otherwise) and GET /metrics.
import { createServer, type Server } from 'node:http';
import type { Logger } from '../log.ts';

export interface HealthReport {
  ready: boolean;
  /** starting | ready | draining | disconnected, plus whatever the mode adds (shards). */
  status: string;
  [field: string]: unknown;
}

export interface HealthServerOptions {
  port: number;
  host: string;
  report: () => HealthReport | Promise<HealthReport>;
  metrics: () => Promise<string>;
  log: Logger;
}

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export async function startHealthServer(options: HealthServerOptions): Promise<Server> {
  const startedAt = Date.now();
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    const answer = async (): Promise<[number, string, string]> => {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return [405, 'application/json', '{"error":"method not allowed"}'];
      if (path === '/healthz') {
        const report = await options.report();
        const body = { ...report, uptimeSeconds: Math.floor((Date.now() - startedAt) / 1000) };
        return [report.ready ? 200 : 503, 'application/json', JSON.stringify(body)];
      }
      if (path === '/metrics') return [200, PROMETHEUS_CONTENT_TYPE, await options.metrics()];
      return [404, 'application/json', '{"error":"not found"}'];
    };
    answer()
      .catch((error: unknown) => {
        options.log('error', 'health endpoint failed', { error });
        return [500, 'application/json', '{"error":"internal error"}'] as [number, string, string];
      })
      .then(([status, type, body]) => {
        res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
        res.end(req.method === 'HEAD' ? undefined : body);
      })
      .catch(() => undefined);
  });
  // Scrapes are short; a stuck client must not hold the process open at shutdown.
  server.keepAliveTimeout = 2_000;
  server.requestTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  options.log('info', 'health and metrics', { url: `http://${options.host}:${port}/healthz` });
  return server;
}

/** Closes the server and every connection it still holds. */
export function closeHealthServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
