// The ask CLI: `ask [--json] <when|quote|who> <query>`, or `ask --stdin [--json]` for one JSON request a line.
// Run by dist/ask.js (src/cli/ask.ts) and by the startup snapshot (`npm run ask`, src/cli/snapshotEntry.ts).
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { createApp, createPictures } from '../app.ts';
import { ASK, isCommand, type Answerer } from '../answer/answerQuery.ts';
import { staleSource } from '../io/buildFreshness.ts';
import { MESSAGES } from '../render/messages.ts';
import { timelineOrder } from '../render/timelineOrder.ts';
import { timelineJson, toJson } from '../render/toJson.ts';
import { problemText, timelineText, toText } from '../render/toText.ts';

const USAGE = `usage: npm run --silent ask -- [--json] [ask|when|quote|who] <query>
       npm run --silent ask -- [--json] timeline
       npm run --silent ask -- timeline --png <file> [--lang en|zh]   (the timeline picture)
       npm run --silent ask -- --stdin [--json]   (one {"command","query"} object a line)
       npm run --silent ask -- help
A query without a command is asked as a free-form question: ask -- "who sued openai"
Commands are case-insensitive.`;

/** `ask help`: the usage, then what each command is for, with examples. */
const HELP = [
  USAGE,
  '',
  ...MESSAGES.en.help
    .entries()
    .flatMap((e) => [
      `  ${e.sub.padEnd(9)}${e.what}`,
      ...e.examples.map((x) => `           npm run --silent ask -- ${e.sub} ${JSON.stringify(x)}`),
    ]),
].join('\n');

const TIMELINE = 'timeline';

const stdinLine = z.object({ command: z.string(), query: z.string() });

function answerLine(_app: Answerer, line: string): Line {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { error: 'not valid JSON: expected {"command": "ask|when|quote|who", "query": "..."}' };
  }
  const req = stdinLine.safeParse(parsed);
  if (!req.success) return { error: 'expected {"command": "ask|when|quote|who", "query": "..."} with string values' };
  return { request: { command: req.data.command.toLowerCase(), query: req.data.query } };
}

type Line = { error: string } | { request: { command: string; query: string } };

async function runStdin(app: Answerer, json: boolean): Promise<void> {
  // A session of many questions: its one-time loads belong to start-up, not to whichever question meets them first.
  app.warm();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const read: Line = answerLine(app, line);
    if ('error' in read) {
      process.stdout.write(json ? `${JSON.stringify(read)}\n` : `error: ${read.error}\n\n`);
      continue;
    }
    const answer = app.answer(read.request);
    if (json) process.stdout.write(`${JSON.stringify(toJson(answer))}\n`);
    else
      process.stdout.write(`${answer.kind === 'invalid' ? `error: ${problemText(answer, 'en')}` : toText(answer)}\n\n`);
  }
}

/** The CLI on these arguments; with the app already built (the startup snapshot's) or building it. */
export async function runAsk(args: string[], prebuilt?: Answerer): Promise<number> {
  // `ask … | head -1`: a reader that has read enough closes the pipe; that ends the CLI quietly, not with a trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const { values, positionals } = parseArgs({
    args,
    options: {
      json: { type: 'boolean', default: false },
      stdin: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
      png: { type: 'string' },
      lang: { type: 'string', default: 'en' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const stale = staleSource();
  if (stale) throw new Error(`dist/ is older than ${stale}: run npm run build (npm ci does it too)`);
  const app = prebuilt ?? createApp();
  if (values.stdin) {
    await runStdin(app, values.json);
    return 0;
  }
  const [typed = '', ...rest] = positionals;
  if (typed === '') {
    process.stderr.write(`ask: missing command\n${USAGE}\n`);
    return 2;
  }
  // Commands are case-insensitive, as in the console: `ask WHEN GPT-2`.
  const first = typed.toLowerCase();
  if (first === 'help' && rest.length === 0) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (first === TIMELINE && rest.length === 0 && values.png !== undefined) {
    writeFileSync(values.png, createPictures(app).png(values.lang === 'zh' ? 'zh' : 'en'));
    process.stdout.write(`${values.png}\n`);
    return 0;
  }
  if (first === TIMELINE && rest.length === 0) {
    const events = timelineOrder(app.timeline());
    process.stdout.write(values.json ? `${JSON.stringify(timelineJson(events))}\n` : `${timelineText(events)}\n`);
    return 0;
  }
  // A first word that is no command starts a free-form question: `ask who sued openai`.
  const named = isCommand(first) || first === ASK;
  const command = named ? first : ASK;
  const words = named ? rest : positionals;
  const answer = app.answer({ command, query: words.join(' ') });
  if (answer.kind === 'invalid') {
    process.stderr.write(`ask: ${problemText(answer, 'en')}\n`);
    return 2;
  }
  process.stdout.write(values.json ? `${JSON.stringify(toJson(answer))}\n` : `${toText(answer)}\n`);
  return 0;
}
