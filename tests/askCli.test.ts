// The ask CLI's contract, run as a user runs it: `npm run --silent ask -- …`, text or JSON, one query or --stdin.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readFrom } from '../src/io/readData.ts';
import { PROJECT_DIR, npmArgs, run, tsxArgs } from './helpers/runEntry.ts';

const ARTICLE = readFrom()('data/musk-openai.zh.txt') ?? '';
const DATE_START = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const REF = /^([a-z][a-z0-9-]*:)?p\d+$/;

interface JsonResult {
  title: string;
  passage: string;
  date: { start: string } | null;
  section: string;
  ref: string;
  score: number;
}

/** One line of --stdin --json output: an answer, or an error. */
interface AnswerLine {
  command?: unknown;
  query?: string;
  results?: unknown;
  suggestions?: string[];
  error?: string;
}

/** Checks the contract every result shares, and returns the results for the caller's specifics. */
function expectResults(results: unknown): JsonResult[] {
  expect(Array.isArray(results)).toBe(true);
  const list = results as JsonResult[];
  for (const r of list) {
    expect(r.title).toEqual(expect.any(String));
    expect(r.title.length).toBeGreaterThan(0);
    // Every passage is the article's own words.
    expect(ARTICLE).toContain(r.passage);
    expect(r.date === null || DATE_START.test(r.date.start), JSON.stringify(r.date)).toBe(true);
    expect(r.section).toMatch(/\S/);
    expect(r.ref).toMatch(REF);
    expect(r.score).toEqual(expect.any(Number));
  }
  const scores = list.map((r) => r.score);
  expect(scores, 'best first').toEqual([...scores].sort((a, b) => b - a));
  return list;
}

describe('ask: one query', () => {
  it('prints the passage, its date and basis, section, paragraph and English gloss', async () => {
    const { code, stdout, stderr } = await run(npmArgs('ask', 'when', 'GPT-2'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [best = ''] = stdout.split('\n\n');
    expect(best).toMatch(/GPT-2/);
    expect(best).toContain('「2019年2月,OpenAI推出了');
    expect(best).toMatch(/When: February 2019 — stated in the text: “2019年2月”/);
    expect(best).toMatch(/Where: 背刺 The stab in the back, ¶\d+/);
    expect(best).toMatch(/In English: In February 2019 OpenAI launched GPT-2/);
    expect(stdout).toMatch(/\nSource: 马斯克和OpenAI/);
  });

  it('--json prints one object {command, query, read_as, results, suggestions}, best result first', async () => {
    const { code, stdout } = await run(npmArgs('ask', '--json', 'when', 'GPT-2'));
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    const answer = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(answer)).toEqual(['command', 'query', 'read_as', 'results', 'suggestions']);
    expect(answer).toMatchObject({ command: 'when', query: 'GPT-2', read_as: 'when · GPT-2', suggestions: [] });
    const [best] = expectResults(answer.results);
    expect(best?.passage).toContain('2019年2月');
    expect(best?.date?.start).toMatch(/^2019-02/);
    expect(best?.section).toBe('The stab in the back (背刺)');
  });

  it('asks a line whose first word is no command as a free-form question, and says where it routed it', async () => {
    const { code, stdout } = await run(npmArgs('ask', '--json', 'GPT-2', 'came', 'out', 'when?'));
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as Record<string, unknown>;
    expect(answer).toMatchObject({ command: 'when', routed: 'when', query: 'GPT-2 came out when?' });
    expect(expectResults(answer.results)[0]?.date?.start).toMatch(/^2019-02/);
  });

  it('takes commands in any case, as the console does', async () => {
    const { code, stdout } = await run(tsxArgs('src/cli/ask.ts', '--json', 'WHEN', 'GPT-2'));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ command: 'when', query: 'GPT-2' });
  });

  it('ask timeline lists every dated event, one a line with its date first; --json gives the results', async () => {
    const text = await run(tsxArgs('src/cli/ask.ts', 'Timeline'));
    expect(text.code).toBe(0);
    const heads = text.stdout.split('\n').filter((l) => !l.startsWith(' ') && l !== '');
    expect(heads[0]).toMatch(/^2015 · Altman arranges a dinner/);
    const json = await run(tsxArgs('src/cli/ask.ts', '--json', 'timeline'));
    const out = JSON.parse(json.stdout) as { command: string; results: unknown[] };
    expect(out.command).toBe('timeline');
    expect(out.results).toHaveLength(heads.length);
  });

  it('ask help explains every command with examples, and exits 0', async () => {
    const { code, stdout } = await run(tsxArgs('src/cli/ask.ts', 'help'));
    expect(code).toBe(0);
    for (const sub of ['ask', 'when', 'quote', 'who', 'timeline'])
      expect(stdout).toMatch(new RegExp(`^  ${sub} +\\S`, 'm'));
    expect(stdout).toContain('npm run --silent ask -- when "GPT-2"');
  });

  const tooLong = 'x'.repeat(101);
  it.each([
    ['an empty query', ['who', ''], /^ask: Please type something to search for\.\n$/],
    ['a query over 100 characters', ['quote', tooLong], /^ask: That query is too long: 100 characters at most\.\n$/],
    ['an unknown option', ['--verbose', 'when', 'GPT-2'], /^ask: Unknown option '--verbose'/],
  ])('refuses %s on stderr with a non-zero exit code', async (_name, args, message) => {
    const { code, stdout, stderr } = await run(tsxArgs('src/cli/ask.ts', ...args));
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});

describe('ask --stdin without --json: the readable answer for each line', () => {
  it('prints each answer as text, not JSON, and an error line for a bad request', async () => {
    const input = `${JSON.stringify({ command: 'WHEN', query: 'GPT-2' })}\nnot json\n`;
    const { code, stdout } = await run(tsxArgs('src/cli/ask.ts', '--stdin'), { input });
    expect(code).toBe(0);
    expect(stdout).toContain('「2019年2月,OpenAI推出了');
    expect(stdout).toMatch(/When: February 2019/);
    expect(stdout).toMatch(/^error: not valid JSON/m);
    expect(stdout).not.toMatch(/^\{/m);
  });
});

describe('ask --stdin --json: one answer line per request line, in order', () => {
  const requests = [
    JSON.stringify({ command: 'when', query: 'GPT-2' }),
    'not json at all',
    JSON.stringify({ command: 'dance', query: 'GPT-2' }),
    JSON.stringify({ command: 'who', query: '' }),
    JSON.stringify({ command: 'quote', query: 'x'.repeat(101) }),
    JSON.stringify({ command: 'quote', query: 'LeCun' }),
    JSON.stringify({ command: 'when', query: 'asdfqwer' }),
    JSON.stringify({ command: 5, query: 'GPT-2' }),
    JSON.stringify({ command: 'who', query: '奥特曼' }),
    JSON.stringify({ command: 'when', query: '马'.repeat(100) }),
  ];
  // The last request ends in CRLF, as a Windows pipe would send it.
  const input = `${requests.slice(0, -1).join('\n')}\n${requests.at(-1)}\r\n`;

  it('answers the good lines, an {"error"} for each bad one, and exits 0', async () => {
    const { code, stdout, stderr } = await run(npmArgs('ask', '--stdin', '--json'), { input });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(requests.length);
    const out = lines.map((line) => JSON.parse(line) as AnswerLine);
    const [gpt2, notJson, unknown, empty, long, lecun, nothing, notString, altman, longest] = out;

    expect(gpt2?.query).toBe('GPT-2');
    expect(expectResults(gpt2?.results)[0]?.passage).toContain('2019年2月');

    for (const bad of [notJson, unknown, empty, long, notString]) {
      expect(bad?.error).toEqual(expect.any(String));
      expect(bad?.error).toMatch(/\S/);
      expect(bad).not.toHaveProperty('results');
    }
    expect(notJson?.error).toMatch(/JSON/);
    expect(unknown?.error).toMatch(/dance/);
    expect(long?.error).toMatch(/100/);

    expect(lecun?.command).toBe('quote');
    expect(expectResults(lecun?.results)[0]?.title).toMatch(/LeCun/);

    expect(nothing).toMatchObject({ command: 'when', query: 'asdfqwer', results: [] });
    expect(nothing?.suggestions?.length).toBeGreaterThanOrEqual(1);
    expect(nothing?.suggestions?.length).toBeLessThanOrEqual(3);
    for (const s of nothing?.suggestions ?? []) expect(s).toMatch(/\S/);

    expect(expectResults(altman?.results)[0]?.title).toContain('Altman');
    // Exactly 100 characters is allowed: an answer (found or not), not an error.
    expect(longest).not.toHaveProperty('error');
    expect(Object.keys(longest ?? {})).toEqual(expect.arrayContaining(['command', 'query', 'results', 'suggestions']));
  });
});

describe('ask into a pipe that closes early', () => {
  it('ends quietly with 0 when the reader stops reading (ask … | head -1)', () => {
    // Many answers, one line read: the CLI must not die on EPIPE with a stack trace.
    const requests = Array.from({ length: 400 }, () => JSON.stringify({ command: 'when', query: 'GPT-2' })).join('\n');
    const run = spawnSync(
      'sh',
      ['-c', `printf '%s\\n' "$REQUESTS" | ${process.execPath} dist/ask.js --stdin --json | head -1`],
      {
        cwd: PROJECT_DIR,
        env: { PATH: process.env.PATH ?? '', REQUESTS: requests },
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout.trim()).results.length).toBeGreaterThan(0);
  });
});
