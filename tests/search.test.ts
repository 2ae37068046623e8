import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { createSearch } from '../src/search/createSearch.ts';
import { normalize, stem, tokenize } from '../src/search/normalize.ts';

const app = createApp();
const top = (command: string, query: string) => {
  const a = app.answer({ command, query });
  return a.kind === 'found' ? a.results[0] : undefined;
};

describe('normalising queries', () => {
  it('folds full-width characters, case and stray punctuation', () => {
    expect(normalize('ＧＰＴ－２!!')).toBe('gpt2');
    expect(normalize('  Who is  ALTMAN?? ')).toBe('who is altman');
  });

  it("mends the article's OpenAl slip and joins GPT-2", () => {
    expect(normalize('OpenAl response')).toBe('openai response');
    expect(normalize('GPT-2')).toBe(normalize('gpt2'));
  });

  it('drops pinyin tone marks', () => {
    expect(normalize('Mǎ Sīkè')).toBe('ma sike');
  });

  it('keeps digits with the Chinese they belong to', () => {
    expect(tokenize(normalize('2019年7月 微软 $1 billion')).map((t) => t.text)).toEqual([
      '2019年7月',
      '微软',
      '1',
      'billion',
    ]);
  });

  it('stems English inflections to one key', () => {
    expect(new Set(['founded', 'founding', 'founds'].map(stem))).toEqual(new Set(['found']));
  });
});

describe('search', () => {
  it('answers the same question in English, Chinese, pinyin and with a typo', () => {
    const refs = ['Sam Altman', '奥特曼', 'aoteman', 'Altmann', '阿尔特曼'].map((q) => top('who', q)?.id);
    expect(new Set(refs).size).toBe(1);
    expect(refs[0]).toBe('entity:altman');
  });

  it('reads an everyday word as a typo of a name only, never of another word', () => {
    const search = createSearch(app.corpus);
    const read = (q: string) => search.resolve(q).concepts;
    // "route" is no typo of "rotten", "only" none of "openly"; "Mush" is still Musk.
    expect(read('route').length).toBe(0);
    expect(read('Mush').map((c) => c.entities)).toEqual([['musk']]);
    expect(read('lawsiut').some((c) => c.fuzzy)).toBe(true);
  });

  it('finds a quote by its speaker and by its topic', () => {
    expect(top('quote', 'LeCun')?.passage).toContain('蒙昧主义');
    expect(top('quote', 'obscurantism')?.passage).toContain('蒙昧主义');
  });

  it('answers nonsense with no result and at most three suggestions, never a random passage', () => {
    for (const q of ['foobar', 'asdfghjkl', 'pizza recipe', '比特币价格']) {
      const a = app.answer({ command: 'when', query: q });
      expect(a.kind, q).toBe('notFound');
      if (a.kind === 'notFound') {
        expect(a.suggestions.length).toBeGreaterThan(0);
        expect(a.suggestions.length).toBeLessThanOrEqual(3);
      }
    }
  });

  it('never returns the injected spam', () => {
    for (const q of ['网红', '迅雷', 'mate30', '华为', '转载', 'ios']) {
      for (const command of ['when', 'quote', 'who']) {
        const a = app.answer({ command, query: q });
        const text = JSON.stringify(a);
        for (const spam of ['网红', '迅雷', 'mate30', '未经允许']) {
          if (a.kind === 'found') expect(text, `${command} ${q}`).not.toContain(spam);
        }
      }
    }
  });

  it('prefers a paragraph that states its date for when', () => {
    const r = top('when', 'GPT-2');
    expect(r?.date).toMatchObject({ basis: 'stated', start: '2019-02' });
  });

  it('refuses empty and over-long queries, and unknown commands', () => {
    expect(app.answer({ command: 'when', query: '   ' })).toMatchObject({ kind: 'invalid', problem: 'empty' });
    expect(app.answer({ command: 'when', query: 'x'.repeat(101) })).toMatchObject({
      kind: 'invalid',
      problem: 'tooLong',
    });
    expect(app.answer({ command: 'when', query: '马'.repeat(100) }).kind).not.toBe('invalid');
    expect(app.answer({ command: 'why', query: 'Musk' })).toMatchObject({ kind: 'invalid', problem: 'unknownCommand' });
  });

  it('finds exactly the result an autocomplete choice names', () => {
    const choice = app.complete('when', 'board')[0];
    expect(choice).toBeDefined();
    const a = app.answer({ command: 'when', query: `#${choice!.id}` });
    expect(a.kind === 'found' && a.results.map((r) => r.id)).toEqual([choice!.id]);
  });

  it('completes a half-typed name', () => {
    expect(app.complete('who', 'alt').map((r) => r.id)).toContain('entity:altman');
    expect(app.complete('who', '').length).toBeGreaterThan(10);
  });

  it('ranks results best first, with scores in [0, 1]', () => {
    const a = app.answer({ command: 'when', query: 'OpenAI' });
    expect(a.kind).toBe('found');
    if (a.kind !== 'found') return;
    const scores = a.results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    for (const s of scores) expect(s).toBeGreaterThan(0);
    for (const s of scores) expect(s).toBeLessThanOrEqual(1);
  });
});
