// Query text → concepts: exact keys first, then Fuse.js for typos, pinyin and other renderings.
import { concept, type Concept } from './concept.ts';
import { isCommonWord } from './commonWords.ts';
import { FuzzyKeys } from './fuzzyKeys.ts';
import { SEARCH } from './options.ts';
import { hasHan, normalize, stem, tokenize } from './normalize.ts';
import { toSimplified } from './simplify.ts';
import { CHINESE_STOPWORDS, ENGLISH_STOPWORDS, PINYIN_STOPWORDS } from './stopwords.ts';
import { hanWords, type Vocabulary } from './vocabulary.ts';

export interface ResolvedQuery {
  concepts: Concept[];
  /** Query words nothing in the vocabulary matched. */
  unmatched: string[];
  /** Near misses under a looser threshold, for "did you mean" suggestions. */
  nearMisses: Concept[];
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const HAN_DATE = /(\d{4})年(?:(\d{1,2})月)?/g;

function dateConcept(year: string, month?: number): Concept {
  const iso = month ? `${year}-${String(month).padStart(2, '0')}` : year;
  const zh = month ? [`${year}年${month}月`] : [`${year}年`];
  return concept(`date:${iso}`, { zh, dates: [iso], priority: 3, display: iso });
}

function swaps(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length - 1; i++) out.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  return out;
}

/**
 * Intl.Segmenter's dictionary cuts words it does not know (匹敌, 甄嬛) into single characters, and single
 * characters are dropped as noise; glued back together they can still match the article literally.
 */
function joinSingles(words: string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const w of words) {
    if (w.length === 1 && !CHINESE_STOPWORDS.has(w)) {
      run += w;
      continue;
    }
    if (run) out.push(run);
    run = '';
    out.push(w);
  }
  if (run) out.push(run);
  return out;
}

export class QueryResolver {
  private readonly latinFuzzy: FuzzyKeys;
  private readonly hanFuzzy: FuzzyKeys;
  private readonly looseLatinFuzzy: FuzzyKeys;
  private readonly cache = new Map<string, ResolvedQuery>();
  private readonly words = new Map<string, { concept?: Concept; near?: Concept }>();

  constructor(private readonly vocab: Vocabulary) {
    this.latinFuzzy = new FuzzyKeys(vocab.fuzzyLatin);
    this.looseLatinFuzzy = new FuzzyKeys(vocab.fuzzyLatin, SEARCH.nearMissThreshold);
    this.hanFuzzy = new FuzzyKeys([...vocab.han.keys()]);
  }

  clearCache(): void {
    this.cache.clear();
    this.words.clear();
  }

  /** Loads now what the first typo, Traditional or Chinese query would: the typo indexes and both dictionaries. */
  warm(): void {
    for (const fuzzy of [this.latinFuzzy, this.looseLatinFuzzy, this.hanFuzzy]) fuzzy.warm();
    toSimplified('馬');
    hanWords('马斯克');
  }

  resolve(query: string): ResolvedQuery {
    const normalized = normalize(query);
    const hit = this.cache.get(normalized);
    if (hit) return hit;
    const out = this.resolveNormalized(normalized);
    if (this.cache.size >= SEARCH.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(normalized, out);
    return out;
  }

  private resolveNormalized(normalized: string): ResolvedQuery {
    const out: ResolvedQuery = { concepts: [], unmatched: [], nearMisses: [] };
    const tokens = tokenize(normalized);
    let latinRun: string[] = [];
    const flush = () => {
      this.resolveLatin(latinRun, out);
      latinRun = [];
    };
    for (const t of tokens) {
      if (t.han) {
        flush();
        this.resolveHan(t.text, out, tokens.length === 1);
      } else latinRun.push(t.text);
    }
    flush();
    // One concept per key: "Musk Elon" is one person.
    const seen = new Set<string>();
    out.concepts = out.concepts.filter((c) => (seen.has(c.key) ? false : (seen.add(c.key), true)));
    return out;
  }

  /** A Latin key exactly as the vocabulary has it (stemmed or not): no typo search, so it is cheap. */
  lookup(word: string): Concept | undefined {
    return this.lookupLatin(word);
  }

  private lookupLatin(word: string): Concept | undefined {
    return this.vocab.latin.get(stem(word)) ?? this.vocab.latin.get(word);
  }

  /** Latin words: phrases and glued pinyin first (longest wins), then single words, then typos. */
  private resolveLatin(words: string[], out: ResolvedQuery): void {
    let i = 0;
    while (i < words.length) {
      let matched = 0;
      for (let n = Math.min(4, words.length - i); n >= 2 && matched === 0; n--) {
        const slice = words.slice(i, i + n);
        const c = this.vocab.latin.get(slice.map(stem).join(' ')) ?? this.vocab.latin.get(slice.join(''));
        if (c && c.priority >= 2) {
          out.concepts.push(c);
          matched = n;
        }
      }
      if (matched) {
        i += matched;
        continue;
      }
      const word = words[i]!;
      const next = words[i + 1];
      const month = MONTHS.indexOf(word) + 1;
      if (month > 0 && next && /^\d{4}$/.test(next)) {
        out.concepts.push(dateConcept(next, month));
        i += 2;
        continue;
      }
      i += 1;
      if (/^\d{4}$/.test(word)) {
        out.concepts.push(dateConcept(word));
        continue;
      }
      if (ENGLISH_STOPWORDS.has(word) || PINYIN_STOPWORDS.has(word)) continue;
      const { concept: c, near } = this.latinWord(word);
      if (c) out.concepts.push(c);
      else {
        out.unmatched.push(word);
        if (near) out.nearMisses.push(near);
      }
    }
  }

  /**
   * One Latin word: its concept (exact, else a typo), else its near miss. Kept per word, because the
   * question reader and the search ask about the same words of one question, and typo search is the cost.
   */
  private latinWord(word: string): { concept?: Concept; near?: Concept } {
    const hit = this.words.get(word);
    if (hit) return hit;
    const concept = this.lookupLatin(word) ?? this.fuzzyLatin(word);
    let out: { concept?: Concept; near?: Concept } = { concept };
    if (!concept) {
      const near = this.looseLatinFuzzy.search(word)[0];
      out = { near: near ? this.vocab.latin.get(near.key) : undefined };
    }
    if (this.words.size >= SEARCH.cacheSize) this.words.delete(this.words.keys().next().value as string);
    this.words.set(word, out);
    return out;
  }

  /** A typo's concept; an everyday English word ("route", "only") is a typo of a name at most, never of another word. */
  private fuzzyLatin(word: string): Concept | undefined {
    const c = this.typoOf(word);
    return c && (c.entities.length > 0 || !isCommonWord(word)) ? c : undefined;
  }

  private typoOf(word: string): Concept | undefined {
    for (const s of swaps(word)) {
      const c = this.vocab.latin.get(s);
      if (c && word.length >= 3) return { ...c, fuzzy: true };
    }
    if (word.length < SEARCH.minFuzzyLength) {
      // Short words: one substitution at the end only ("Mush" → "musk" needs four letters).
      return undefined;
    }
    // English keys are stemmed ("google" → "googl"), pinyin keys are not: try the word both ways.
    const stemmed = stem(word);
    return (
      this.bestFuzzy(this.latinFuzzy, this.vocab.latin, stemmed) ??
      (stemmed === word ? undefined : this.bestFuzzy(this.latinFuzzy, this.vocab.latin, word))
    );
  }

  private bestFuzzy(fuzzy: FuzzyKeys, map: Map<string, Concept>, word: string): Concept | undefined {
    let best: { c: Concept; score: number } | undefined;
    for (const { key, score } of fuzzy.search(word)) {
      const c = map.get(key);
      if (!c) continue;
      if (!best || score < best.score - 1e-9 || (Math.abs(score - best.score) < 1e-9 && c.priority > best.c.priority)) {
        best = { c, score };
      }
    }
    return best && { ...best.c, fuzzy: true };
  }

  /** Han runs: dates, then longest vocabulary match from the left, then word segmentation of the rest. */
  private resolveHan(input: string, out: ResolvedQuery, whole: boolean): void {
    const run = [...input].some((ch) => hasHan(ch) && !this.vocab.hanChars.has(ch)) ? toSimplified(input) : input;
    let rest = run;
    for (const m of run.matchAll(HAN_DATE)) {
      out.concepts.push(dateConcept(m[1]!, m[2] ? Number(m[2]) : undefined));
      rest = rest.replace(m[0], ' ');
    }
    for (const chunk of rest.split(' ').filter(Boolean)) {
      let leftover = '';
      let i = 0;
      while (i < chunk.length) {
        const match = this.longestHanKey(chunk, i);
        if (match) {
          this.resolveLeftover(leftover, out, false);
          leftover = '';
          out.concepts.push(match.concept);
          i += match.length;
        } else {
          leftover += chunk[i];
          i += 1;
        }
      }
      this.resolveLeftover(leftover, out, whole && leftover === chunk);
    }
  }

  /** The longest vocabulary key starting at `from` (two characters at least, question words skipped). */
  private longestHanKey(chunk: string, from: number): { concept: Concept; length: number } | undefined {
    for (let length = Math.min(this.vocab.maxHanLength, chunk.length - from); length >= 2; length--) {
      const piece = chunk.slice(from, from + length);
      const concept = CHINESE_STOPWORDS.has(piece) ? undefined : this.vocab.han.get(piece);
      if (concept) return { concept, length };
    }
    return undefined;
  }

  private resolveLeftover(text: string, out: ResolvedQuery, single: boolean): void {
    if (text === '') return;
    const words = joinSingles(hanWords(text));
    for (const w of words.length ? words : [text]) {
      if (CHINESE_STOPWORDS.has(w)) continue;
      if (w.length < 2 && !(single && words.length <= 1)) continue;
      const fuzzy = w.length >= SEARCH.minFuzzyHanLength ? this.bestFuzzy(this.hanFuzzy, this.vocab.han, w) : undefined;
      if (fuzzy) out.concepts.push(fuzzy);
      else {
        // Unknown Chinese words still match as literal text; the scorer decides whether anything has them.
        out.concepts.push(concept(`zh:${w}`, { zh: [w], priority: 0 }));
      }
    }
  }
}
