import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import type { Result } from '../src/answer/types.ts';
import { boldHighlights, escapeMarkdown, truncate } from '../src/render/markdown.ts';
import { answerMessage, embedLength, notice, resultEmbed } from '../src/render/toDiscord.ts';
import { LIMITS } from '../src/render/limits.ts';

const app = createApp();
const view = { lang: 'en' as const, owner: '1', version: app.version, ephemeral: false };

describe('markdown', () => {
  it('escapes what would format, so text shows as typed', () => {
    expect(escapeMarkdown('*a* _b_ `c` ~d~ |e| > f # g')).toBe('\\*a\\* \\_b\\_ \\`c\\` \\~d\\~ \\|e\\| \\> f \\# g');
  });

  it('bolds each matched term once, escaping around it', () => {
    expect(boldHighlights('马斯克*和*马斯克', ['马斯克'])).toBe('**马斯克**\\*和\\***马斯克**');
    expect(boldHighlights('董事会成员', ['董事会', '董事'])).toBe('**董事会**成员');
  });

  it('merges touching and overlapping highlights into one run, so no "****" appears', () => {
    expect(boldHighlights('马斯克起诉OpenAI', ['马斯克', '起诉'])).toBe('**马斯克起诉**OpenAI');
    expect(boldHighlights('董事会成员', ['董事', '事会成'])).toBe('**董事会成**员');
  });

  it('bolds the article’s form of the query’s own words: gpt2 and GPT-2 find “GPT-2”, not inside ChatGPT', () => {
    expect(boldHighlights('OpenAI推出了GPT-2。', [], 'when gpt2')).toBe('OpenAI推出了**GPT\\-2**。');
    expect(boldHighlights('OpenAI推出了GPT-2。', [], 'GPT-2')).toBe('OpenAI推出了**GPT\\-2**。');
    expect(boldHighlights('ChatGPT火了', [], 'gpt')).toBe('ChatGPT火了');
  });

  it('cuts to the limit with an ellipsis and never splits an emoji', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 3)).toBe('abc');
    const cut = truncate('ab😀cd', 4);
    expect(cut.length).toBeLessThanOrEqual(4);
    expect(cut).toBe('ab…');
  });
});

describe('Discord payloads', () => {
  it('never lets a message ping anyone', () => {
    expect(notice('@everyone').allowed_mentions).toEqual({ parse: [] });
    const a = app.answer({ command: 'who', query: '@everyone hi' });
    const m = answerMessage(a, view);
    expect(m.allowed_mentions).toEqual({ parse: [] });
    expect(JSON.stringify(m)).not.toMatch(/@everyone/);
  });

  it('keeps content within 2000 characters', () => {
    expect(notice('x'.repeat(5000)).content?.length).toBe(LIMITS.content);
  });

  it('keeps an oversized result within every embed limit and the 6000 total', () => {
    const real = app.answer({ command: 'quote', query: 'LeCun' });
    if (real.kind !== 'found') throw new Error('LeCun has a quote');
    const huge: Result = {
      ...real.results[0]!,
      title: 'T'.repeat(400),
      passage: '马'.repeat(5000),
      english: 'e'.repeat(3000),
      gloss: 'g'.repeat(3000),
    };
    const embed = resultEmbed(huge, 'quote', { lang: 'en' }, 'Result 1 of 5');
    expect(embed.title!.length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(embed.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    for (const f of embed.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.embedsTotal);
  });

  it('gives several results a pager and a menu, one result neither; a public answer a Delete, a private one Share', () => {
    const labels = (m: ReturnType<typeof answerMessage>) =>
      (m.components ?? []).flatMap((row) =>
        'components' in row ? row.components.map((c) => ('label' in c ? c.label : 'menu')) : [],
      );
    const many = answerMessage(app.answer({ command: 'when', query: 'OpenAI' }), view);
    expect(labels(many)).toEqual(['Previous', 'Next', 'Delete', 'menu']);
    const one = answerMessage(app.answer({ command: 'who', query: 'Alan Kay' }), view);
    expect(labels(one)).toEqual(['Delete']);
    const mine = answerMessage(app.answer({ command: 'who', query: 'Alan Kay' }), { ...view, ephemeral: true });
    expect(labels(mine)).toEqual(['Share']);
  });
});
