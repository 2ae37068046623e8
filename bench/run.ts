// npm run bench: search, gateway and HTTP latency on this machine. A benchmark, not a test: it reports.
import { benchColdStart } from './coldStartBench.ts';
import { benchCore } from './coreBench.ts';
import { benchGateway } from './gatewayBench.ts';
import { benchHttp } from './httpBench.ts';
import { benchPictures } from './pictureBench.ts';
import { benchScale } from './scaleBench.ts';
import { ms, verdict } from './stats.ts';

const line = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);

if (process.argv.includes('--scale')) {
  // `--sizes 1,10` for a quicker look; the default is 1, 10, 100 and 1000 articles.
  const sizes = process.argv[process.argv.indexOf('--sizes') + 1];
  await benchScale(process.argv.includes('--sizes') && sizes ? sizes.split(',').map(Number) : undefined);
  process.exit(0);
}

console.log('feud-bot benchmark (2-core shared machine: expect noise; run twice before trusting a number)\n');

const core = benchCore();
console.log('Corpus and search (a mix of when/quote/who: English, Chinese, pinyin, typos, nonsense)');
line('read data files', ms(core.readMs));
line('validate + build corpus', ms(core.buildMs));
line('build search index', ms(core.indexMs));
line('build total, from scratch (a data change)', ms(core.buildMs + core.indexMs));
line('start-up: corpus + index from the snapshot', `${ms(core.startupMs)}  ${verdict(core.startupMs, 150)}`);
line(
  `JIT warm-up: first ${core.warmup.n} uncached queries`,
  `p50 ${ms(core.warmup.p50)}, p99 ${ms(core.warmup.p99)} (while V8 optimises; no target)`,
);
line(`query p50, uncached (n=${core.cold.n})`, `${ms(core.cold.p50)}  ${verdict(core.cold.p50, 0.5)}`);
line(`query p99, uncached`, `${ms(core.cold.p99)}  ${verdict(core.cold.p99, 2)}`);
line(`query p50, repeated (n=${core.warm.n})`, `${ms(core.warm.p50)}  ${verdict(core.warm.p50, 0.5)}`);
line(`query p99, repeated`, `${ms(core.warm.p99)}  ${verdict(core.warm.p99, 2)}`);
line('heap used', `${core.heapMb.toFixed(1)} MB`);

const pictures = benchPictures();
console.log('\nTimeline picture (drawn once per language, then cached)');
line('load font metrics', ms(pictures.fontsMs));
for (const lang of ['en', 'zh'] as const) {
  line(
    `${lang}: build SVG + rasterise (once)`,
    `${ms(pictures.svgMs[lang])} + ${ms(pictures.rasterMs[lang])}, ${pictures.pngKb[lang]} KiB`,
  );
}
line(
  `timeline answer, picture cached p50 (n=${pictures.answer.n})`,
  `${ms(pictures.answer.p50)}  ${verdict(pictures.answer.p50, 2)}`,
);
line('timeline answer, picture cached p99', ms(pictures.answer.p99));

const gateway = await benchGateway();
console.log('\nGateway: real discord.js client against a fake Discord on loopback');
line(`dispatch → callback p50 (n=${gateway.n} sequential)`, `${ms(gateway.p50)}  ${verdict(gateway.p50, 2)}`);
line('dispatch → callback p99', `${ms(gateway.p99)}  ${verdict(gateway.p99, 10)}`);
line(
  `burst of ${gateway.burst.sent} at once`,
  `${gateway.burst.answered}/${gateway.burst.sent} answered, slowest ${ms(gateway.burst.maxMs)}`,
);
line('process start → ready', ms(gateway.startToReadyMs));

// Latency at a few requests in flight; throughput with many (then latency is mostly queueing).
const http = await benchHttp({ requests: 2_000, concurrency: 4 });
const httpLoad = await benchHttp({ requests: 2_000, concurrency: 50 });
console.log('\nHTTP interactions endpoint: signed requests on loopback, client and server in one process');
line(`request p50 (n=${http.n}, 4 in flight)`, `${ms(http.p50)}  ${verdict(http.p50, 2)}`);
line('request p99 (4 in flight)', `${ms(http.p99)}  ${verdict(http.p99, 10)}`);
line(
  `throughput (n=${httpLoad.n}, 50 in flight)`,
  `${httpLoad.rps} requests/s, p50 ${ms(httpLoad.p50)}, p99 ${ms(httpLoad.p99)}`,
);

// Ratios to floors measured in this same run: the machine's noise hits both sides alike.
const comparisons = await benchColdStart();
console.log(
  '\nAgainst floors (medians of interleaved runs; floor: a plain node:http verify-and-reply server, a trivial',
);
console.log(
  'discord.js echo bot, `node -e 0`; the npm rows start both sides through npm, the node rows under plain node)',
);
console.log(
  `  ${'figure'.padEnd(40)} ${'project'.padStart(10)} ${'floor'.padStart(10)} ${'ratio'.padStart(7)}  target`,
);
let missed = 0;
for (const c of comparisons) {
  const ratio = c.project / c.floor;
  const ok = ratio <= c.target;
  if (!ok) missed += 1;
  const fmt = (x: number) => `${x.toFixed(c.unit === 'MB' ? 1 : x < 10 ? 3 : 0)} ${c.unit}`;
  console.log(
    `  ${c.label.padEnd(40)} ${fmt(c.project).padStart(10)} ${fmt(c.floor).padStart(10)} ${`${ratio.toFixed(2)}×`.padStart(7)}  ≤ ${c.target}× ${ok ? 'ok' : 'MISSED'}`,
  );
}
console.log(missed === 0 ? '\nall ratio targets met' : `\n${missed} ratio target(s) missed`);
