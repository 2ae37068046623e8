// npm run bench -- --scale: synthetic corpora of 1, 10, 100 and 1000 articles. Per size: an in-process
// build (corpus, index, heap) and uncached query latency; then the snapshot is built and every query is
// asked once through `ask --stdin --json` (the bar's own measurement): start-up to first answer, the time
// between answers, peak RSS.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { snapshotPath } from '../src/io/indexSnapshot.ts';
import { PROJECT_ROOT } from '../src/io/readData.ts';
import { QUERY_MIX } from './coreBench.ts';
import { writeScaledCorpus } from './scaleCorpus.ts';
import { summarise, type Summary } from './stats.ts';

export const SCALE_SIZES = [1, 10, 100, 1000] as const;

/** The golden questions and the core mix: every query asked once. */
export function scaleQueries(): string[] {
  const golden = readFileSync(join(PROJECT_ROOT, 'tests', 'golden', 'queries.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const { command, query } = JSON.parse(l) as { command: string; query: string };
      return JSON.stringify({ command, query });
    });
  const mix = QUERY_MIX.map(([command, query]) => JSON.stringify({ command, query }));
  return [...new Set([...golden, ...mix])];
}

export interface AskRun {
  /** Process start to the first answer: start-up (corpus and index) plus one query. */
  firstMs: number;
  /** Time between consecutive answers. */
  gaps: Summary;
  meanGapMs: number;
  peakRssMb: number;
}

/** Peak resident memory of a running process, from /proc (Linux); NaN elsewhere. */
function peakRss(pid: number | undefined): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Asks each query once, the next only after the previous answer: the gaps are the per-query cost. */
export async function askRun(dataDir: string, queries: string[]): Promise<AskRun> {
  const t0 = performance.now();
  // The built CLI, as users run it (`npm run bench` builds dist/ first).
  const child = spawn(process.execPath, ['dist/ask.js', '--stdin', '--json'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, FEUD_DATA_DIR: dataDir },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const stamps: number[] = [];
  let buffered = '';
  let rss = NaN;
  const done = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        buffered = buffered.slice(nl + 1);
        stamps.push(performance.now());
        if (stamps.length === queries.length) {
          rss = peakRss(child.pid);
          child.stdin.end();
        } else child.stdin.write(`${queries[stamps.length]!}\n`);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ask exited ${code}`))));
  });
  child.stdin.write(`${queries[0]!}\n`);
  await done;
  const gaps = stamps.slice(1).map((t, i) => t - stamps[i]!);
  return {
    firstMs: stamps[0]! - t0,
    gaps: summarise(gaps),
    meanGapMs: gaps.reduce((a, b) => a + b, 0) / gaps.length,
    peakRssMb: rss,
  };
}

export interface InProcess {
  corpusMs: number;
  indexMs: number;
  heapMb: number;
  cold: Summary;
  meanColdMs: number;
  /** The search engine alone (search.search), without the answer and question layers. */
  engine: Summary;
  meanEngineMs: number;
  /** Typo candidates for the queries' Latin words: the bigram index before Fuse, and Fuse over the whole bucket. */
  typo: { keys: number; words: number; bigramMs: number; fuseMs: number; same: boolean };
}

/** Build time, heap after the build and uncached query latency, in a fresh process of its own. */
export function inProcess(dataDir: string): InProcess {
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/scaleWorker.ts', dataDir], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (run.status !== 0) throw new Error(`scaleWorker failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as InProcess;
}

/** The slope of log(y) over log(x): how a cost grows with the number of articles. */
export function growthExponent(xs: number[], ys: number[]): number {
  const lx = xs.map(Math.log);
  const ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0;
  let den = 0;
  lx.forEach((x, i) => {
    num += (x - mx) * (ly[i]! - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

export async function benchScale(sizes: readonly number[] = SCALE_SIZES): Promise<void> {
  const queries = scaleQueries();
  const f = (x: number, d = 2) => x.toFixed(d).padStart(9);
  console.log(`Search at scale: N copies of the article, ${queries.length} queries each asked once\n`);
  console.log(
    '  articles   corpus s   index s    heap MB | search p50  p99 | answer p50  p99 | snapshot MB | ask: first s    p50 ms    p99 ms   mean ms  peak RSS MB',
  );
  const means: number[] = [];
  const coldMeans: number[] = [];
  const engineMeans: number[] = [];
  const typos: string[] = [];
  for (const n of sizes) {
    const dir = writeScaledCorpus(n);
    try {
      const ip = inProcess(dir);
      const build = spawnSync(process.execPath, ['--import', 'tsx', 'bench/scaleSnapshot.ts', dir], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, FEUD_DATA_DIR: dir },
        encoding: 'utf8',
      });
      if (build.status !== 0) throw new Error(`snapshot failed: ${build.stderr}`);
      const snapshotMb = statSync(snapshotPath(dir)).size / 2 ** 20;
      const ask = await askRun(dir, queries);
      means.push(ask.meanGapMs);
      coldMeans.push(ip.meanColdMs);
      engineMeans.push(ip.meanEngineMs);
      typos.push(
        `  ${String(n).padStart(8)}: ${ip.typo.keys} keys, ${ip.typo.words} words, bigram index + Fuse ${ip.typo.bigramMs.toFixed(3)} ms, Fuse over the letter bucket ${ip.typo.fuseMs.toFixed(3)} ms per word${ip.typo.same ? ', same candidates' : ', CANDIDATES DIFFER'}`,
      );
      console.log(
        `  ${String(n).padStart(8)} ${f(ip.corpusMs / 1000)} ${f(ip.indexMs / 1000)} ${f(ip.heapMb, 0)} | ${f(ip.engine.p50, 3)} ${f(ip.engine.p99, 3)} | ${f(ip.cold.p50, 3)} ${f(ip.cold.p99, 3)} | ${f(snapshotMb, 1)} | ${f(ask.firstMs / 1000)} ${f(ask.gaps.p50, 3)} ${f(ask.gaps.p99, 3)} ${f(ask.meanGapMs, 3)} ${f(ask.peakRssMb, 0)}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const xs = [...sizes];
  console.log(
    `\n  growth exponent of the mean query cost (target ≤ 0.3): ask ${growthExponent(xs, means).toFixed(2)}, answer uncached ${growthExponent(xs, coldMeans).toFixed(2)}, search engine uncached ${growthExponent(xs, engineMeans).toFixed(2)}`,
  );
  console.log('\n  Typo candidates (vocabulary + 40 made-up words per article), mean per word:');
  for (const t of typos) console.log(t);
}
