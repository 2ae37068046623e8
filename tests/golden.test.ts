// Golden questions: one row a line in tests/golden/*.jsonl, judged by the same rules as the eval scorer.
// A row passes when the TOP result matches: `passage` contains one of the listed strings, `title` contains one,
// `date.start` starts with `date`; `forbid` strings appear nowhere in the answer; `empty` means no result at all.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createApp } from '../src/app.ts';
import type { Answer } from '../src/answer/types.ts';

const strings = z.array(z.string().min(1)).min(1);

const rowSchema = z
  .object({
    id: z.string().regex(/^[\w-]+$/),
    command: z.enum(['when', 'quote', 'who']),
    query: z.string().min(1),
    passage: strings.optional(),
    title: strings.optional(),
    date: z
      .string()
      .regex(/^\d{4}(-\d{2})?$/)
      .optional(),
    forbid: strings.optional(),
    empty: z.literal(true).optional(),
  })
  .strict()
  .refine((r) => {
    const expects = [r.passage, r.title, r.date, r.forbid, r.empty].filter((x) => x !== undefined).length;
    if (r.empty || r.forbid) return expects === 1;
    return expects >= 1;
  }, 'a row needs passage/title/date (combinable), or forbid alone, or empty alone');

type Row = z.infer<typeof rowSchema>;

// queries.jsonl: keyword questions; natural.jsonl: natural questions of every kind (relations, absent facts,
// slang, mixed scripts) written from the article alone by someone who had not seen the code or the data.
const rows: Row[] = ['queries.jsonl', 'natural.jsonl'].flatMap((name) =>
  readFileSync(new URL(`./golden/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const parsed = rowSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${name} line ${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    }),
);

const app = createApp();

/** Why a row fails, in the scorer's words; [] when it passes. */
function judge(row: Row, answer: Answer): string[] {
  const results = answer.kind === 'found' ? answer.results : [];
  const top = results[0];
  const why: string[] = [];
  if (row.empty) {
    if (top) why.push(`expected no result, got "${top.title.slice(0, 60)}"`);
  } else if (row.forbid) {
    // The answer echoes the query, which may itself be spam: look only at what the bot says back.
    const all = JSON.stringify(answer.kind === 'notFound' ? answer.suggestions : results);
    for (const f of row.forbid) if (all.includes(f)) why.push(`answer contains spam "${f}"`);
  } else if (!top) {
    why.push(`no result (${answer.kind})`);
  } else {
    if (row.passage && !row.passage.some((s) => top.passage.includes(s)))
      why.push(`top passage lacks ${row.passage.join('|')}: "${top.passage.slice(0, 50)}" (${top.id})`);
    if (row.title && !row.title.some((s) => top.title.includes(s)))
      why.push(`top title lacks ${row.title.join('|')}: "${top.title}" (${top.id})`);
    if (row.date !== undefined && !(top.date?.start ?? '').startsWith(row.date))
      why.push(`date ${JSON.stringify(top.date?.start ?? null)} does not start with ${row.date} (${top.id})`);
  }
  return why;
}

describe('golden question set', () => {
  it('is well formed: unique ids and (command, query) pairs, enough rows of every kind', () => {
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => `${r.command}\u0000${r.query}`)).size).toBe(rows.length);
    const count = (p: (r: Row) => boolean) => rows.filter(p).length;
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(count((r) => r.command === 'when' && !r.forbid && !r.empty)).toBeGreaterThanOrEqual(40);
    expect(count((r) => r.command === 'quote' && !r.forbid && !r.empty)).toBeGreaterThanOrEqual(40);
    expect(count((r) => r.command === 'who' && !r.forbid && !r.empty)).toBeGreaterThanOrEqual(35);
    expect(count((r) => r.forbid !== undefined || r.empty === true)).toBeGreaterThanOrEqual(15);
  });

  it.each(rows)('$id: $command "$query"', (row) => {
    const answer = app.answer({ command: row.command, query: row.query });
    expect(answer.kind, 'a golden query must never be refused as invalid').not.toBe('invalid');
    expect(judge(row, answer)).toEqual([]);
  });
});
