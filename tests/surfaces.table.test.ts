// Every surface, over a table of real questions: no "****" in any description, distinct labels in every
// autocomplete and menu, a timeline that never goes back in time, and the reading and note of an answer shown.
import type { APIInteractionResponse } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import type { Answer, Result } from '../src/answer/types.ts';
import { createInteractionHandler } from '../src/interactions/handleInteraction.ts';
import { createLabels } from '../src/render/labels.ts';
import { MESSAGES } from '../src/render/messages.ts';
import { estimate } from '../src/render/timelineOrder.ts';
import { answerMessage, timelineMessage } from '../src/render/toDiscord.ts';
import { autocomplete, button, chatInput } from './fake-discord/payloads.ts';
import { sharedApp } from './helpers/gatewayHarness.ts';
import { goldenQueries } from './helpers/golden.ts';

const app = sharedApp();
const handle = createInteractionHandler(app);
const golden = goldenQueries();
const LOCALES = ['en-US', 'zh-CN', 'zh-TW'] as const;

type Data = {
  content?: string;
  embeds?: { description?: string; fields?: { value: string }[] }[];
  components?: { components: { type: number; custom_id?: string; label?: string; options?: { label: string }[] }[] }[];
  choices?: { name: string }[];
};
const dataOf = (r: APIInteractionResponse | undefined): Data => (r && 'data' in r ? (r.data as Data) : {});
const texts = (d: Data) => [
  d.content ?? '',
  ...(d.embeds ?? []).flatMap((e) => [e.description ?? '', ...(e.fields ?? []).map((f) => f.value)]),
];
const menuLabels = (d: Data) =>
  (d.components ?? []).flatMap((row) =>
    row.components.flatMap((c) => (c.options ?? []).map((o) => o.label.replace(/^\d+\. /, ''))),
  );
const ask = (subcommand: string, query: string, locale: (typeof LOCALES)[number]) =>
  dataOf(handle(chatInput({ subcommand, locale, options: [{ name: 'query', value: query }] })).response);

describe('every golden question, in every interface language', () => {
  it.each(LOCALES)('%s: no rendered text contains "****", and every menu has distinct labels', (locale) => {
    for (const { command, query } of golden) {
      const data = ask(command, query, locale);
      for (const text of texts(data)) expect(text, `${command} ${query}`).not.toContain('****');
      const labels = menuLabels(data);
      expect(new Set(labels).size, `${command} ${query}: ${labels.join(' | ')}`).toBe(labels.length);
    }
  });
});

describe('autocomplete', () => {
  const partials = ['', 'm', 'mus', 'musk', 'Elon Musk', '马斯克', 'open', 'OpenAI', 'gpt', 'altman', '奥', 'lecun'];
  it.each(LOCALES)('%s: every list has distinct labels of 1–100 characters', (locale) => {
    for (const subcommand of ['ask', 'when', 'quote', 'who']) {
      for (const value of partials) {
        const body = handle(autocomplete({ subcommand, locale, focused: { name: 'query', value } })).response;
        const names = (dataOf(body).choices ?? []).map((c) => c.name);
        expect(new Set(names).size, `${subcommand} ${value}: ${names.join(' | ')}`).toBe(names.length);
        for (const n of names) expect([...n].length).toBeLessThanOrEqual(100);
      }
    }
  });

  it('tells quotes apart by speaker and the start of the quote, in the reader’s language', () => {
    const en = (
      dataOf(handle(autocomplete({ subcommand: 'quote', focused: { name: 'query', value: 'musk' } })).response)
        .choices ?? []
    ).map((c) => c.name);
    expect(en.length).toBeGreaterThan(3);
    for (const n of en) expect(n).toMatch(/^[^:]+: “/);
    expect(en.filter((n) => n.startsWith('Elon Musk: “')).length).toBeGreaterThan(2);
    const zh = (
      dataOf(
        handle(autocomplete({ subcommand: 'quote', locale: 'zh-CN', focused: { name: 'query', value: 'musk' } }))
          .response,
      ).choices ?? []
    ).map((c) => c.name);
    for (const n of zh) expect(n).toMatch(/^[^:]+:“/);
    expect(zh.filter((n) => n.startsWith('马斯克:“')).length).toBeGreaterThan(2);
  });
});

describe('the timeline', () => {
  it('is in non-decreasing order of each date’s best estimate, across every page', () => {
    const first = handle(chatInput({ subcommand: 'timeline' })).response;
    const names: string[] = [];
    let data = dataOf(first);
    for (let page = 0; page < 10; page += 1) {
      names.push(...(data.embeds?.[0] as { fields?: { name: string }[] }).fields!.map((f) => f.name));
      const next = data.components?.[0]?.components.find((c) => c.label === 'Next');
      if (!next?.custom_id || (next as { disabled?: boolean }).disabled) break;
      data = dataOf(handle(button({ customId: next.custom_id })).response);
    }
    const events = app.timeline();
    expect(names).toHaveLength(events.length);
    const labels = createLabels(app.corpus);
    const order = names.map((n) => events.find((e) => n.endsWith(` · ${labels.title(e, 'en')}`))!);
    const estimates = order.map((e) => estimate(e.date));
    for (let i = 1; i < estimates.length; i += 1) expect(estimates[i]!).toBeGreaterThanOrEqual(estimates[i - 1]!);
    // "c. 2018" (some time in 2018) comes after "February 2018"; "c. 2019 – 2024" after "February 2019".
    const at = (label: string) => names.findIndex((n) => n.startsWith(`${label} · `));
    expect(at('c. 2018')).toBeGreaterThan(at('February 2018'));
    expect(at('c. 2019 – 2024')).toBeGreaterThan(at('February 2019'));
  });

  it('prints each date once per event and says "Page", not "Result"', () => {
    const view = { lang: 'en' as const, owner: '1', version: app.version, ephemeral: false };
    const embed = timelineMessage(app.timeline(), 0, view).embeds![0]!;
    expect(embed.title).toBe('Timeline · Page 1 of 3');
    for (const f of embed.fields ?? []) {
      const date = f.name.split(' · ')[0]!;
      expect(f.value.startsWith(`${date} — `), f.name).toBe(false);
    }
  });
});

describe('the reading and the note of an answer (hand-built answers)', () => {
  const found = app.answer({ command: 'when', query: 'GPT-2' });
  if (found.kind !== 'found') throw new Error('GPT-2 is in the article');
  const result: Result = found.results[0]!;
  const view = { lang: 'en' as const, owner: '1', version: app.version, ephemeral: false };
  const reading = {
    command: 'when' as const,
    text: { en: 'when · Elon Musk · leave the board', zh: '何时 · 马斯克 · 离开董事会' },
  };

  it('shows "Read as" in one line above a found answer, in the reader’s language', () => {
    const answer: Answer = { kind: 'found', command: 'when', query: 'x', reading, results: [result] };
    expect(answerMessage(answer, view).content).toBe('Read as: when · Elon Musk · leave the board');
    expect(answerMessage(answer, { ...view, lang: 'zh' }).content).toBe('理解为:何时 · 马斯克 · 离开董事会');
  });

  it('shows the note before the suggestions on a miss', () => {
    const answer: Answer = {
      kind: 'notFound',
      command: 'when',
      query: 'musk mars',
      reading,
      note: { en: 'The article does not say when Musk went to Mars.', zh: '原文没有说马斯克何时去火星。' },
      suggestions: ['musk leaves the board'],
    };
    const lines = (answerMessage(answer, view).content ?? '').split('\n');
    expect(lines[0]).toBe('Read as: when · Elon Musk · leave the board');
    const note = lines.indexOf('The article does not say when Musk went to Mars.');
    expect(note).toBeGreaterThan(0);
    expect(note).toBeLessThan(lines.indexOf(`${MESSAGES.en.tryThese}:`));
  });

  it('no name is doubled: "OpenAI", not "OpenAI (OpenAI)"', () => {
    for (const locale of LOCALES) {
      const data = ask('who', 'OpenAI', locale);
      expect(JSON.stringify(data)).not.toMatch(/OpenAI ?[((]OpenAI[))]/);
      expect(JSON.stringify(ask('who', 'Y Combinator', locale))).not.toMatch(/Y Combinator ?[((]Y Combinator[))]/);
    }
  });
});
