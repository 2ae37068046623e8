// The bot's real gateway transport against the fake Discord: what users see for commands, autocomplete and paging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../src/render/messages.ts';
import { autocomplete, button, chatInput, select } from './fake-discord/payloads.ts';
import { checkCallbackBody } from './fake-discord/schemas.ts';
import {
  articleParagraphs,
  choicesOf,
  controlsOf,
  embedOf,
  fieldValue,
  leadOf,
  messageOf,
  passageOf,
  plain,
  sameLabel,
  readDataJson,
  startBot,
  type RunningBot,
} from './helpers/gatewayHarness.ts';

interface DatedEntry {
  id: string;
  label: { en: string; zh: string };
  date?: { basis: keyof typeof MESSAGES.en.basis; evidence?: string };
}
interface QuoteEntry {
  speaker: string;
  text: string;
  en: string;
}
interface EntityEntry {
  id: string;
  name: { en: string; zh: string };
  role: { en: string; zh: string };
}

const events = readDataJson<DatedEntry[]>('musk-openai/events.json');
const quotes = readDataJson<QuoteEntry[]>('musk-openai/quotes.json');
const entities = readDataJson<EntityEntry[]>('entities.json');
const [source] = readDataJson<{ title: string; publisher: string }[]>('sources.json');
const paragraphs = articleParagraphs();
const find = <T extends { id: string }>(list: T[], id: string): T => list.find((x) => x.id === id)!;

let bot: RunningBot;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot.stop();
});

const ask = (subcommand: string, query: string, extra: Parameters<typeof chatInput>[0] = {}) =>
  bot.ask(chatInput({ subcommand, options: [{ name: 'query', value: query }], ...extra }));

/** What every message callback must satisfy: Discord would accept it, and it cannot ping anyone. */
function expectValidMessage(body: Awaited<ReturnType<RunningBot['ask']>>, type: 4 | 7): void {
  expect(body.type).toBe(type);
  expect(checkCallbackBody(body)).toEqual([]);
  expect(messageOf(body).allowed_mentions).toEqual({ parse: [] });
}

describe('chat input', () => {
  it('when GPT-2: the verbatim paragraph, its stated date and how we know it, and the article cited', async () => {
    const body = await ask('when', 'GPT-2');
    expectValidMessage(body, 4);
    expect(messageOf(body).flags ?? 0).toBe(0);
    const embed = embedOf(body);
    const passage = passageOf(embed);
    expect(paragraphs).toContain(passage);
    expect(passage).toContain('2019年2月');
    // The English reader's gloss comes first, and the query's own form is bolded in the passage.
    expect(leadOf(embed)).toMatch(/GPT-2/);
    expect(embed.description).toContain('**GPT\\-2**');
    expect(embed.description).not.toContain('****');
    const date = find(events, 'gpt-2').date!;
    const when = fieldValue(embed, 'When') ?? '';
    expect(when).toContain(MESSAGES.en.basis[date.basis]);
    expect(when).toContain(date.evidence);
    expect(embed.footer?.text).toContain(source!.title);
    expect(embed.footer?.text).toContain(source!.publisher);
  });

  it('quote LeCun: the quote as printed, its speaker, translation and date basis', async () => {
    const quote = quotes.find((q) => q.speaker === 'lecun')!;
    const speaker = find(entities, 'lecun');
    const body = await ask('quote', 'LeCun');
    expectValidMessage(body, 4);
    const embed = embedOf(body);
    expect(passageOf(embed)).toBe(quote.text);
    expect(fieldValue(embed, 'Speaker')).toContain(speaker.name.en);
    expect(leadOf(embed)).toBe(quote.en);
    expect(fieldValue(embed, 'When')).toMatch(
      / — (stated in the text|relative to publication|approximate|known external)/,
    );
    expect(embed.footer?.text).toContain(source!.title);
  });

  it('who Altman (typed in Chinese): the person, their role, and a paragraph that names them', async () => {
    const altman = find(entities, 'altman');
    const body = await ask('who', altman.name.zh);
    expectValidMessage(body, 4);
    const embed = embedOf(body);
    expect(embed.title).toContain(altman.name.en);
    expect(leadOf(embed)).toBe(altman.role.en);
    const passage = passageOf(embed);
    expect(paragraphs).toContain(passage);
    expect(passage).toContain(altman.name.zh);
    // A person's card: where they appear and what they did, not one paragraph's date.
    expect(fieldValue(embed, 'When')).toBeUndefined();
    expect(fieldValue(embed, 'Appears in')).toMatch(/^¶\d+(, ¶\d+)*/);
    expect(fieldValue(embed, 'What they did')).toMatch(/^• /);
    expect(embed.footer?.text).toContain(source!.publisher);
  });

  it('timeline: the first page of dated events, oldest first, and paging through lists every event once', async () => {
    const first = await bot.ask(chatInput({ subcommand: 'timeline' }));
    expectValidMessage(first, 4);
    const titles: string[] = [];
    let page = first;
    for (let pages = 1; ; pages += 1) {
      const embed = embedOf(page);
      expect(embed.title).toMatch(/^Timeline · Page \d+ of \d+$/);
      expect(embed.footer?.text).toContain(source!.title);
      titles.push(...(embed.fields ?? []).map((f) => f.name));
      const next = controlsOf(page).find((c) => c.label === 'Next');
      if (!next || next.disabled) break;
      expect(pages).toBeLessThan(10);
      page = await bot.ask(button({ customId: next.custom_id }));
      expectValidMessage(page, 7);
    }
    expect(titles[0]).toContain(find(events, 'dinner-2015').label.en.slice(0, 40));
    for (const event of events) {
      expect(titles.filter((t) => t.includes(event.label.en.slice(0, 40)))).toHaveLength(1);
    }
    expect(titles).toHaveLength(events.length);
  });

  it('private: true makes the answer ephemeral (flags 64), for a search and for the timeline', async () => {
    const search = await bot.ask(
      chatInput({
        subcommand: 'when',
        options: [
          { name: 'query', value: 'GPT-2' },
          { name: 'private', value: true },
        ],
      }),
    );
    expectValidMessage(search, 4);
    expect(messageOf(search).flags).toBe(64);
    const timeline = await bot.ask(chatInput({ subcommand: 'timeline', options: [{ name: 'private', value: true }] }));
    expectValidMessage(timeline, 4);
    expect(messageOf(timeline).flags).toBe(64);
    const publicly = await bot.ask(chatInput({ subcommand: 'timeline', options: [{ name: 'private', value: false }] }));
    expect(messageOf(publicly).flags ?? 0).toBe(0);
  });

  it('a zh-CN user gets Chinese field names and a Chinese footer', async () => {
    const body = await ask('when', 'GPT-2', { locale: 'zh-CN' });
    expectValidMessage(body, 4);
    const embed = embedOf(body);
    const names = (embed.fields ?? []).map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['时间', '出处']));
    expect(names).not.toContain('When');
    expect(fieldValue(embed, '时间')).toContain('原文写明');
    expect(embed.footer?.text).toContain('发表于');
    expect(embed.title).toContain(find(events, 'gpt-2').label.zh);
    expect(controlsOf(body).map((c) => c.label)).toEqual(['上一条', '下一条', '删除', undefined]);
  });

  it('an unknown locale, or none at all, reads English', async () => {
    const unknown = await bot.ask({
      ...chatInput({ subcommand: 'when', options: [{ name: 'query', value: 'GPT-2' }], guildLocale: 'zh-CN' }),
      locale: 'xx-XX',
    });
    const { locale: _dropped, ...noLocale } = chatInput({
      subcommand: 'when',
      options: [{ name: 'query', value: 'GPT-2' }],
      guild: false,
    });
    const missing = await bot.ask(noLocale);
    for (const body of [unknown, missing]) {
      expectValidMessage(body, 4);
      const names = (embedOf(body).fields ?? []).map((f) => f.name);
      expect(names).toEqual(expect.arrayContaining(['When', 'Where']));
    }
  });
});

describe('no match and hostile text', () => {
  it('no match: an ephemeral note with suggestions and no passage', async () => {
    const body = await ask('when', 'asdfqwer');
    expectValidMessage(body, 4);
    const data = messageOf(body);
    expect(data.flags).toBe(64);
    expect(data.embeds ?? []).toEqual([]);
    expect(data.content).toContain('asdfqwer');
    expect(data.content).toMatch(/\nTry:\n• \S/);
  });

  it.each([
    ['when', '@everyone hello'],
    ['when', '@here'],
    ['quote', '<@123456789012345678>'],
    ['who', '<@&123456789012345678> <@!123456789012345678>'],
    ['when', '@everyone GPT-2'],
  ])('%s %j: no mention can fire, and the echoed text is defused', async (subcommand, query) => {
    const body = await ask(subcommand, query);
    expectValidMessage(body, 4);
    const data = messageOf(body);
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/@(everyone|here)/);
    expect(text).not.toMatch(/<@[!&]?\d+>/);
    // Defused, not dropped: a "no match" note still shows what was typed.
    if (data.content && !data.embeds?.length) expect(plain(data.content.replaceAll('\u200b', ''))).toContain(query);
  });
});

describe('autocomplete', () => {
  it.each([
    ['when', 'GP'],
    ['quote', 'mus'],
    ['who', '奥'],
    ['when', ''],
    ['who', ''],
  ])('%s %j: type 8 with 1–25 valid choices', async (subcommand, typed) => {
    const body = await bot.ask(autocomplete({ subcommand, focused: { name: 'query', value: typed } }));
    expect(body.type).toBe(8);
    expect(checkCallbackBody(body)).toEqual([]);
    const choices = choicesOf(body);
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect([...choice.name].length).toBeGreaterThanOrEqual(1);
      expect([...choice.name].length).toBeLessThanOrEqual(100);
      expect(String(choice.value).length).toBeLessThanOrEqual(100);
    }
  });

  it('the value of a chosen choice, sent as the query, returns exactly that result', async () => {
    for (const [subcommand, typed] of [
      ['when', 'GPT'],
      ['quote', 'LeCun'],
      ['who', 'Alt'],
    ] as const) {
      const choices = choicesOf(await bot.ask(autocomplete({ subcommand, focused: { name: 'query', value: typed } })));
      const chosen = choices[choices.length > 1 ? 1 : 0]!;
      const body = await ask(subcommand, String(chosen.value));
      expectValidMessage(body, 4);
      const embed = embedOf(body);
      expect(sameLabel(embed.title ?? '', chosen.name)).toBe(true);
      // Exactly one result: no pager, no "Result 1 of n"; only the asker's Delete button.
      expect(controlsOf(body).map((c) => c.label)).toEqual(['Delete']);
      expect(embed.footer?.text).not.toMatch(/^Result /);
    }
  });
});

describe('buttons and select menus', () => {
  const stranger = { id: '1100000000000000099', username: 'someone-else' };

  async function multiResult() {
    const body = await ask('when', 'OpenAI');
    expectValidMessage(body, 4);
    const controls = controlsOf(body);
    const [prev, next, del, menu] = controls;
    expect(controls.map((c) => c.type)).toEqual([2, 2, 2, 3]);
    expect(del?.label).toBe('Delete');
    for (const c of controls) expect(c.custom_id.length).toBeLessThanOrEqual(100);
    expect(new Set(controls.map((c) => c.custom_id)).size).toBe(4);
    expect(prev?.disabled).toBe(true);
    expect(next?.disabled).toBe(false);
    const options = menu?.options ?? [];
    expect(options.length).toBeGreaterThanOrEqual(3);
    expect(embedOf(body).footer?.text).toMatch(new RegExp(`^Result 1 of ${options.length} · `));
    return { body, prev: prev!, next: next!, menu: menu!, options };
  }
  /** A menu label is "n. title", cut to 100 characters; the page's embed title starts with it. */
  const titleFrom = (label: string) => label.replace(/^\d+\. /, '');

  it('Next updates the message in place (type 7) to page 2', async () => {
    const { next, options } = await multiResult();
    const body = await bot.ask(button({ customId: next.custom_id }));
    expectValidMessage(body, 7);
    const embed = embedOf(body);
    expect(embed.footer?.text).toMatch(new RegExp(`^Result 2 of ${options.length} · `));
    expect(sameLabel(embed.title ?? '', titleFrom(options[1]!.label))).toBe(true);
    const [prev] = controlsOf(body);
    expect(prev?.disabled).toBe(false);
    const back = await bot.ask(button({ customId: prev!.custom_id }));
    expectValidMessage(back, 7);
    expect(sameLabel(embedOf(back).title ?? '', titleFrom(options[0]!.label))).toBe(true);
  });

  it('choosing "2" in the menu shows page 3, marked as the default option', async () => {
    const { menu, options } = await multiResult();
    const body = await bot.ask(select({ customId: menu.custom_id, values: ['2'] }));
    expectValidMessage(body, 7);
    const embed = embedOf(body);
    expect(embed.footer?.text).toMatch(new RegExp(`^Result 3 of ${options.length} · `));
    expect(sameLabel(embed.title ?? '', titleFrom(options[2]!.label))).toBe(true);
    const updated = controlsOf(body).find((c) => c.type === 3);
    expect(updated?.options?.find((o) => o.default)?.value).toBe('2');
  });

  it('a click by another user gets an ephemeral "only the person who asked" note, not an update', async () => {
    const { next, menu } = await multiResult();
    for (const payload of [
      button({ customId: next.custom_id, user: stranger }),
      select({ customId: menu.custom_id, values: ['1'], user: stranger }),
    ]) {
      const body = await bot.ask(payload);
      expectValidMessage(body, 4);
      expect(messageOf(body).flags).toBe(64);
      expect(messageOf(body).content).toMatch(/only the person who asked/i);
      expect(messageOf(body).embeds ?? []).toEqual([]);
    }
  });

  it.each([
    ['another bot’s button', 'poll:vote:42'],
    ['garbage', '\u0000💥💥💥'],
    ['a mangled id of ours', 'feud1:n:1100000000000000005:zzzzzz:1:r:x:1.2'],
    ['a page outside the results', 'feud1:m:1100000000000000005:VERSION:0:r:w:1.8'],
    ['a 100-character id', 'x'.repeat(100)],
  ])('%s: an ephemeral refusal', async (_what, customId) => {
    const { next } = await multiResult();
    const version = next.custom_id.split(':')[3]!;
    const id = customId.replace('VERSION', version);
    const clicked = id.includes(':m:') ? select({ customId: id, values: ['7'] }) : button({ customId: id });
    const body = await bot.ask(clicked);
    expectValidMessage(body, 4);
    expect(messageOf(body).flags).toBe(64);
    expect(messageOf(body).content).toBe(MESSAGES.en.unknownComponent);
  });

  it('a button from before a data change is refused as stale', async () => {
    const { next } = await multiResult();
    const parts = next.custom_id.split(':');
    parts[3] = parts[3] === '000000' ? '111111' : '000000';
    const body = await bot.ask(button({ customId: parts.join(':') }));
    expectValidMessage(body, 4);
    expect(messageOf(body).flags).toBe(64);
    expect(messageOf(body).content).toBe(MESSAGES.en.stale);
  });
});
