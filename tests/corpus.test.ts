import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCorpus, PROJECT_ROOT } from '../src/io/readData.ts';
import { join } from 'node:path';

const corpus = loadCorpus();
const raw = readFileSync(join(PROJECT_ROOT, 'data/musk-openai.zh.txt'), 'utf8');
const noise = JSON.parse(readFileSync(join(PROJECT_ROOT, 'data/musk-openai/noise.json'), 'utf8')) as Array<{
  text: string;
}>;

/**
 * Heuristics for injected SEO lines: a line with no sentence punctuation that is short or product-like
 * (Latin letters glued to digits, app and video words), or a heading that ends in a year.
 */
function looksLikeSpam(line: string): boolean {
  const sentencePunctuation = /[。,,!?!?;;::“”"…、]/.test(line);
  const productLike = /[a-z]+\s*\d+|for ios|版本|观看|下载|发布会/i.test(line);
  const headingEndsInYear = /^[^。]{1,40}[::].*\d{4}$/.test(line);
  return (!sentencePunctuation && (productLike || [...line].length <= 30)) || headingEndsInYear;
}

describe('the article file', () => {
  it('is byte for byte the published article (SHA-256)', () => {
    const digest = createHash('sha256')
      .update(readFileSync(join(PROJECT_ROOT, 'data/musk-openai.zh.txt')))
      .digest('hex');
    expect(digest).toBe('554367418cab9d88b407ac8ac3c4769e94f67f5d2ba236b55991381e58cebfd6');
    expect(corpus.sources[0]?.sha256).toBe(digest);
  });
});

describe('noise', () => {
  const text = corpus.paragraphs.map((p) => p.text).join('\n');

  it('drops every listed noise string from the cleaned text', () => {
    for (const n of noise) expect(text).not.toContain(n.text);
    for (const spam of ['迅雷', 'mate30', '网红', '2021', '未经允许不得转载']) expect(text).not.toContain(spam);
  });

  it('keeps the heading the spam was glued to', () => {
    expect(corpus.paragraphs.find((p) => p.kind === 'heading' && p.text === '缘起:人生若只如初见')).toBeDefined();
  });

  it('the spam heuristics catch the known noise in the raw article', () => {
    const flagged = raw.split('\n').filter((l) => l.trim() !== '' && looksLikeSpam(l.trim()));
    for (const n of noise.filter((x) => !x.text.startsWith('未经允许'))) {
      expect(flagged.some((l) => l.includes(n.text))).toBe(true);
    }
  });

  it('flags no line of the cleaned text that the noise list does not cover', () => {
    const flagged = corpus.paragraphs
      .filter((p) => p.kind !== 'title')
      .map((p) => p.text)
      .filter(looksLikeSpam);
    expect(flagged).toEqual([]);
  });
});

describe('paragraphs and sections', () => {
  it('numbers paragraphs by non-empty line, so ids stay stable when noise changes', () => {
    const lines = raw.split('\n').filter((l) => l.trim() !== '');
    for (const p of corpus.paragraphs) {
      const n = Number(p.ref.slice(1));
      expect(lines[n - 1]?.trim().startsWith(p.text)).toBe(true);
    }
  });

  it('puts the lead and the four headed sections in order', () => {
    const order = [...new Set(corpus.paragraphs.map((p) => p.section.id))];
    expect(order).toEqual(['lead', 'origins', 'upheaval', 'betrayal', 'escalation']);
  });

  it('gives every paragraph an English gloss', () => {
    for (const p of corpus.paragraphs) expect(p.gloss.length).toBeGreaterThan(5);
  });
});

describe('curated data against the article', () => {
  it('has the people and organisations the feud needs', () => {
    const ids = new Set(corpus.entities.map((e) => e.id));
    for (const id of [
      'musk',
      'altman',
      'sutskever',
      'brockman',
      'alan-kay',
      'lecun',
      'zuckerberg',
      'openai',
      'microsoft',
      'google',
      'deepmind',
      'tesla',
      'y-combinator',
      'stripe',
      'facebook',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('finds every quote verbatim in its paragraph, by a known speaker', () => {
    for (const q of corpus.quotes) {
      expect(corpus.byRef.get(q.ref)?.text, q.id).toContain(q.text);
      expect(corpus.entityById.has(q.speaker), q.id).toBe(true);
    }
  });

  it('finds every entity name the article is said to use in the article', () => {
    const text = corpus.paragraphs.map((p) => p.text).join('\n');
    for (const e of corpus.entities) for (const n of [e.name.zh, ...e.article]) expect(text, e.id).toContain(n);
  });

  it('never takes a scare-quoted phrase for a quote', () => {
    const scare = ['顶流', '虐恋', '甄嬛回宫', '双向旅行', '变卦', '杀人诛心', '自大狂', '竞争保护'];
    for (const q of corpus.quotes)
      expect(
        scare.some((s) => q.text === s),
        q.id,
      ).toBe(false);
  });

  it('maps every alias to Chinese the article uses', () => {
    const text = corpus.paragraphs.map((p) => p.text).join('\n');
    for (const a of corpus.aliases) for (const zh of a.zh) expect(text, a.en[0]).toContain(zh);
  });
});
