// HTTP interactions endpoint latency: signed real /feud commands, many in flight, over loopback keep-alive.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { chatInput } from '../tests/fake-discord/payloads.ts';
import { startHttpInProcess } from '../tests/helpers/httpInProcess.ts';
import { generateSigningKeys, signRequest } from '../tests/helpers/signedRequest.ts';
import { QUERY_MIX } from './coreBench.ts';
import { summarise } from './stats.ts';

export interface HttpBenchOptions {
  /** Measured requests. */
  requests?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Unmeasured requests first, so the JIT and the search caches settle. */
  warmup?: number;
}

interface Prepared {
  body: string;
  headers: Record<string, string>;
}

export interface HttpBench {
  p50: number;
  p99: number;
  n: number;
  /** Answers a second with `concurrency` in flight: with one event loop, p50 ≈ concurrency / rps. */
  rps: number;
}

export async function benchHttp(options: HttpBenchOptions = {}): Promise<HttpBench> {
  const { requests = 2_000, concurrency = 50, warmup = 200 } = options;
  const keys = generateSigningKeys();
  // Every request comes from its own user, so the production cooldown refuses none.
  const { server, port } = await startHttpInProcess(keys.publicKeyHex);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  let user = 1_500_000_000_000_000_000n;
  // Signing is Discord's cost, not ours: done before the clock starts.
  const prepare = (i: number): Prepared => {
    const [command, query] = QUERY_MIX[i % QUERY_MIX.length] ?? ['when', 'GPT-2'];
    const payload = chatInput({
      subcommand: command,
      options: [{ name: 'query', value: query }],
      user: { id: String(user++) },
      locale: i % 3 === 0 ? 'zh-CN' : 'en-US',
    });
    const body = JSON.stringify(payload);
    return {
      body,
      headers: { ...signRequest(keys.privateKey, body), 'content-length': String(Buffer.byteLength(body)) },
    };
  };

  async function run(count: number): Promise<number[]> {
    const work = Array.from({ length: count }, (_, i) => prepare(i));
    const latencies: number[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < work.length) {
        const item = work[next++];
        if (!item) return;
        const started = performance.now();
        await post(port, agent, item);
        latencies.push(performance.now() - started);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
    return latencies;
  }

  try {
    await run(warmup);
    const started = performance.now();
    const latencies = await run(requests);
    const elapsedMs = performance.now() - started;
    const { p50, p99, n } = summarise(latencies);
    return { p50, p99, n, rps: Math.round((n / elapsedMs) * 1000) };
  } finally {
    agent.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Sends one request; anything but a 200 message reply is a failure, so a bench never times errors. */
function post(port: number, agent: Agent, item: Prepared): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/interactions', headers: item.headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode === 200 && text.startsWith('{"type":4,')) resolve();
          else reject(new Error(`HTTP bench: status ${res.statusCode ?? '?'}: ${text.slice(0, 200)}`));
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(item.body);
  });
}
