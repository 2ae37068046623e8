// The ask CLI: `ask [--json] <when|quote|who> <query>`, or `ask --stdin [--json]` for one JSON request a line.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createApp } from '../app.ts';
import { ASK, isCommand, type Answerer } from '../answer/answerQuery.ts';
import { toJson } from '../render/toJson.ts';
import { problemText, toText } from '../render/toText.ts';
import { staleSource } from '../io/buildFreshness.ts';
import { startupGuard } from './startupGuard.ts';

const USAGE = `usage: npm run --silent ask -- [--json] [ask|when|quote|who] <query>
       npm run --silent ask -- --stdin [--json]   (one {"command","query"} object a line)
A query without a command is asked as a free-form question: ask -- "who sued openai"`;

const stdinLine = z.object({ command: z.string(), query: z.string() });

function answerLine(app: Answerer, line: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { error: 'not valid JSON: expected {"command": "ask|when|quote|who", "query": "..."}' };
  }
  const req = stdinLine.safeParse(parsed);
  if (!req.success) return { error: 'expected {"command": "ask|when|quote|who", "query": "..."} with string values' };
  return toJson(app.answer(req.data));
}

async function runStdin(app: Answerer, json: boolean): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const out = answerLine(app, line);
    if (json) process.stdout.write(`${JSON.stringify(out)}\n`);
    else process.stdout.write(`${'error' in out ? `error: ${String(out.error)}` : JSON.stringify(out)}\n`);
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      stdin: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
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
  const app = createApp();
  if (values.stdin) {
    await runStdin(app, values.json);
    return 0;
  }
  const [first = '', ...rest] = positionals;
  if (first === '') {
    process.stderr.write(`ask: missing command\n${USAGE}\n`);
    return 2;
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

startupGuard('ask', main);
