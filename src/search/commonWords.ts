// English words by how common they are (SCOWL's sizes, generated into englishWords.ts). Sizes 10–35 are everyday
// words: "debut its second model" names no unknown product, and "route" is no typo of "rotten". Sizes up to 50
// are words at all: a lower-case word past them in a speaker's place ("hinton", "murati") is a name.
import { COMMON_WORDS, RARER_WORDS } from './englishWords.ts';

/** A sorted list of words in one string (" a b c "), searched in place: no set of 60,000 strings on the heap. */
class SortedWords {
  private starts: Int32Array | undefined;

  constructor(private readonly text: string) {}

  has(word: string): boolean {
    if (word === '' || word.includes(' ')) return false;
    const starts = (this.starts ??= wordStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const order = compareAt(this.text, starts[mid]!, word);
      if (order === 0) return true;
      if (order < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

function wordStarts(text: string): Int32Array {
  const out: number[] = [];
  for (let i = 1; i < text.length; i++) if (text.charCodeAt(i - 1) === 32 && text.charCodeAt(i) !== 32) out.push(i);
  return Int32Array.from(out);
}

/** The word at `at` (up to the next space) against `word`, by UTF-16 code units as Array.prototype.sort orders. */
function compareAt(text: string, at: number, word: string): number {
  for (let i = 0; ; i++) {
    const a = text.charCodeAt(at + i);
    const ended = a === 32;
    if (i === word.length) return ended ? 0 : 1;
    if (ended) return -1;
    const b = word.charCodeAt(i);
    if (a !== b) return a - b;
  }
}

const common = new SortedWords(COMMON_WORDS);
const rarer = new SortedWords(RARER_WORDS);

export function isCommonWord(word: string): boolean {
  return common.has(word);
}

export function isEnglishWord(word: string): boolean {
  return common.has(word) || rarer.has(word);
}

/** Indexes both lists now (the startup snapshot keeps them, so no first question pays for it). */
export function warmWordLists(): void {
  isEnglishWord('a');
}
