// The vocabulary: every key a query word can resolve to, built once from the corpus.
import { createRequire } from 'node:module';
import type * as PinyinPro from 'pinyin-pro';
import type { Corpus } from '../corpus/types.ts';
import { concept, mergeConcepts, type Concept } from './concept.ts';
import { englishIndexText, hasHan, normalize, stem } from './normalize.ts';
import { CHINESE_STOPWORDS, ENGLISH_STOPWORDS } from './stopwords.ts';

export interface Vocabulary {
  /** Latin keys: stemmed English words and phrases, names, pinyin. */
  latin: Map<string, Concept>;
  /**
   * Latin keys a typo may resolve to. The pinyin of every article word is left out: "mush" is closer to
   * 木石's "mushi" than to "musk", and nobody misspells pinyin they typed on purpose.
   */
  fuzzyLatin: string[];
  /** Han keys: names, alias terms, the article's words. */
  han: Map<string, Concept>;
  maxHanLength: number;
  /** Every Han character of the corpus: a query character outside it may be Traditional. */
  hanChars: ReadonlySet<string>;
}

type Pinyin = typeof PinyinPro.pinyin;
let pinyin: Pinyin | undefined;

/**
 * Pinyin without tones or spaces: 马斯克 → "masike". pinyin-pro is loaded on first use (its import is
 * slow), so a process that loads the index snapshot never loads it.
 */
export function pinyinKey(han: string): string {
  pinyin ??= (createRequire(import.meta.url)('pinyin-pro') as { pinyin: Pinyin }).pinyin;
  return pinyin(han, { toneType: 'none', type: 'array', v: true, nonZh: 'removed' }).join('');
}

/** "Elon Musk" → "elon musk": normalised words, each stemmed, as queries are. */
export function englishKey(text: string): string {
  return normalize(text)
    .split(' ')
    .filter((w) => w !== '' && !hasHan(w))
    .map(stem)
    .join(' ');
}

function add(map: Map<string, Concept>, key: string, c: Concept): void {
  if (key === '') return;
  const old = map.get(key);
  map.set(key, old ? mergeConcepts(old, { ...c, key }) : { ...c, key });
}

// Made on first use: building the vocabulary needs it, a process that loads the snapshot never does.
let segmenter: Intl.Segmenter | undefined;

export function hanWords(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return [...segmenter.segment(text)].filter((s) => s.isWordLike && hasHan(s.segment)).map((s) => s.segment);
}

export function buildVocabulary(corpus: Corpus, englishTexts: string[]): Vocabulary {
  const latin = new Map<string, Concept>();
  const han = new Map<string, Concept>();
  const exactOnly = new Set<string>();

  for (const e of corpus.entities) {
    const names = [e.name.zh, ...e.article, ...e.renderings, e.name.en];
    const zhNames = names.filter(hasHan).map(normalize);
    const enNames = names.filter((n) => !hasHan(n)).map(englishKey);
    const c = concept(e.id, { zh: zhNames, en: enNames, entities: [e.id], priority: 3, display: e.name.en });
    for (const n of zhNames) {
      add(han, n, c);
      add(latin, pinyinKey(n), c);
    }
    for (const n of enNames) {
      add(latin, n, c);
      add(latin, n.replace(/ /g, ''), c);
      // First and last names alone find people ("Elon", "Altman"); an organisation's words would not.
      if (e.kind === 'person') for (const w of n.split(' ')) if (w.length >= 3) add(latin, w, c);
    }
  }

  for (const a of corpus.aliases) {
    const zh = a.zh.map(normalize);
    const en = a.en.map(englishKey);
    const c = concept(`alias:${en[0]}`, { zh, en, priority: 2, display: a.en[0] });
    for (const k of en) add(latin, k, c);
    // A one-word alias unstemmed too, so a typo of "founding" ("foundig") is close to a key.
    for (const w of a.en.map(normalize)) if (!w.includes(' ') && w.length >= 5 && !latin.has(w)) add(latin, w, c);
    for (const t of zh) {
      add(han, t, c);
      if (hasHan(t)) add(latin, pinyinKey(t), c);
    }
  }

  const hanChars = new Set<string>();
  // Each word is keyed once: a word a thousand articles share costs one pinyin look-up, not a thousand.
  const seenLatin = new Set<string>();
  const seenHan = new Set<string>();
  for (const p of corpus.paragraphs) {
    const text = normalize(p.text);
    for (const ch of text) if (hasHan(ch)) hanChars.add(ch);
    for (const m of text.matchAll(/[a-z][a-z0-9]*/g)) {
      if (seenLatin.has(m[0])) continue;
      seenLatin.add(m[0]);
      add(latin, m[0], concept(m[0], { zh: [m[0]], en: [m[0]], priority: 2 }));
    }
    for (const w of hanWords(text)) {
      if (w.length < 2 || CHINESE_STOPWORDS.has(w) || seenHan.has(w)) continue;
      seenHan.add(w);
      const c = concept(`zh:${w}`, { zh: [w], priority: 1 });
      add(han, w, c);
      const py = pinyinKey(w);
      if (py.length >= 4) {
        add(latin, py, c);
        exactOnly.add(py);
      }
    }
  }

  // Curated Chinese topics ("屠龙少年终成恶龙", "捏在手里") are words a question can be read by, whole.
  for (const t of [...corpus.quotes, ...corpus.events].flatMap((x) => x.topics)) {
    const w = normalize(t);
    if (w.length < 2 || !hasHan(w) || /\s/.test(w) || seenHan.has(w)) continue;
    seenHan.add(w);
    add(han, w, concept(`zh:${w}`, { zh: [w], priority: 1 }));
  }

  // The action lexicon's Chinese words the article does not use, reachable as pinyin ("kaichu" is 开除): a
  // question typed in pinyin is read by the lexicon even where the article says it another way.
  for (const a of corpus.actions) {
    for (const w of a.zh.map(normalize)) {
      if (w.length < 2 || !hasHan(w) || seenHan.has(w)) continue;
      seenHan.add(w);
      const py = pinyinKey(w);
      if (py.length >= 4 && !latin.has(py)) {
        add(latin, py, concept(`zh:${w}`, { zh: [w], priority: 1 }));
        exactOnly.add(py);
      }
    }
  }

  const seenEnglish = new Set<string>();
  for (const text of englishTexts) {
    for (const w of englishIndexText(text).trim().split(' ')) {
      if (w.length < 2 || ENGLISH_STOPWORDS.has(w) || seenEnglish.has(w)) continue;
      seenEnglish.add(w);
      add(latin, w, concept(w, { en: [w], priority: 1 }));
    }
  }

  // A loop, not Math.max(...keys): spreading a few hundred thousand arguments overflows the stack.
  let maxHanLength = 0;
  for (const k of han.keys()) if (k.length > maxHanLength) maxHanLength = k.length;
  // A key other sources also gave (an English word that is also pinyin) stays fuzzy.
  const fuzzyLatin = [...latin.entries()]
    .filter(([k, c]) => !k.includes(' ') && !(exactOnly.has(k) && c.priority <= 1 && c.en.length === 0))
    .map(([k]) => k);
  return { latin, han, fuzzyLatin, maxHanLength, hanChars };
}
