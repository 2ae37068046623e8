// The honest "not in the article" notes and the one-line reading of a question, in both languages.
import type { Corpus } from '../corpus/types.ts';
import type { Localized } from '../answer/types.ts';
import type { Command } from '../search/createSearch.ts';
import type { Analysis } from './analyze.ts';
import type { Lexicon } from './lexicon.ts';

const names = (corpus: Corpus, a: Analysis, lang: 'en' | 'zh') =>
  a.mentions.map((m) => corpus.entityById.get(m.entity)?.name[lang]).filter((n): n is string => n !== undefined);

function actionLabels(a: Analysis, lexicon: Lexicon, lang: 'en' | 'zh'): string[] {
  const ids = [...new Set(a.actions.flatMap((s) => s.actions))].filter((id) => lexicon.byId.get(id)?.kind !== 'speech');
  return ids.map((id) => lexicon.byId.get(id)?.label[lang] ?? id);
}

export function readingOf(command: Command, a: Analysis, corpus: Corpus, lexicon: Lexicon): Localized {
  const zhCommand = { when: '何时', quote: '语录', who: '人物' }[command];
  const line = (lang: 'en' | 'zh', head: string) => {
    const parts = [head, ...names(corpus, a, lang), ...actionLabels(a, lexicon, lang)];
    if (parts.length === 1) parts.push(a.topic);
    return parts.join(' · ');
  };
  return { en: line('en', command), zh: line('zh', zhCommand) };
}

/** What the article says of the entity the question is most about: the one acted on, else the first. */
function aboutLine(corpus: Corpus, a: Analysis, lang: 'en' | 'zh'): string {
  const m = a.mentions.find((x) => x.role === 'patient') ?? a.mentions[0];
  const e = m ? corpus.entityById.get(m.entity) : undefined;
  if (!e) return '';
  return lang === 'en' ? ` It mentions ${e.name.en}: ${e.role.en}` : `文中提到${e.name.zh}:${e.role.zh}`;
}

export function unknownNote(unknown: string[], corpus: Corpus, a: Analysis): Localized {
  const list = unknown.join(', ');
  return {
    en: `The article does not mention ${list}.${aboutLine(corpus, a, 'en')}`,
    zh: `文章没有提到${unknown.join('、')}。${aboutLine(corpus, a, 'zh')}`,
  };
}

export function absentNote(a: Analysis, corpus: Corpus, lexicon: Lexicon, things: string[] = []): Localized {
  const en = [...names(corpus, a, 'en'), ...things].join(' and ');
  const zh = [...names(corpus, a, 'zh'), ...things].join('和');
  const actEn = actionLabels(a, lexicon, 'en').join(' / ');
  const actZh = actionLabels(a, lexicon, 'zh').join('/');
  return {
    en: `The article does not report “${actEn}”${en ? ` for ${en}` : ''}.${aboutLine(corpus, a, 'en')}`,
    zh: `文章没有说到${zh}“${actZh}”的事。${aboutLine(corpus, a, 'zh')}`,
  };
}

export function unnamedNote(unnamed: Localized): Localized {
  return { en: `The article does not name them: ${unnamed.en}.`, zh: `文章没有点名:${unnamed.zh}。` };
}

export function noQuotesNote(speaker: string, corpus: Corpus): Localized {
  const e = corpus.entityById.get(speaker);
  const en = e?.name.en ?? speaker;
  const zh = e?.name.zh ?? speaker;
  return {
    en: `The article quotes no words of ${en}.${e ? ` It mentions ${en}: ${e.role.en}` : ''}`,
    zh: `文章没有引用${zh}的话。${e ? `文中提到${zh}:${e.role.zh}` : ''}`,
  };
}

const dollars = (n: number) => (n >= 1e9 ? `$${n / 1e9} billion` : n >= 1e6 ? `$${n / 1e6} million` : `$${n}`);

export function amountNote(amounts: number[], corpus: Corpus, a: Analysis): Localized {
  return {
    en: `The article names no sum of ${amounts.map(dollars).join(' or ')}.${aboutLine(corpus, a, 'en')}`,
    zh: `文章没有提到${amounts.map((n) => `${n / 1e8}亿美元`).join('或')}这个数额。${aboutLine(corpus, a, 'zh')}`,
  };
}

/** "When did Musk rebrand Twitter": a deed no word of the article tells. */
export function deedNote(verb: string, a: Analysis, corpus: Corpus): Localized {
  const en = names(corpus, a, 'en').join(' and ');
  const zh = names(corpus, a, 'zh').join('和');
  return {
    en: `The article does not tell of anyone doing “${verb}”${en ? ` with ${en}` : ''}.${aboutLine(corpus, a, 'en')}`,
    zh: `文章没有讲到${zh ? `${zh}的` : ''}“${verb}”这件事。${aboutLine(corpus, a, 'zh')}`,
  };
}
