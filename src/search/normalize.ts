// Query and index text share one normaliser, so both sides of every comparison look alike.

/** "2019-07" and "2019/7" read as the article writes them, 2019年7月, before dashes are dropped. */
const ISO_MONTH = /\b(\d{4})[-/.](\d{1,2})\b/g;
const DASH_BETWEEN = /(?<=[a-z0-9])[-‐‑–—_.](?=[a-z0-9])/g;
const POSSESSIVE = /(?<=[a-z])['’]s\b/g;
const NON_TEXT = /[^\p{L}\p{N}\s]/gu;
const COMBINING = /\p{M}/gu;

/**
 * NFKC (full-width → half-width), lower case, tone marks off (pinyin "Mǎ Sīkè"), the article's "OpenAl"
 * slip mended, "GPT-2" → "gpt2", punctuation → spaces.
 */
export function normalize(input: string): string {
  return input
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING, '')
    .normalize('NFC')
    .replace(/\bopenal\b/g, 'openai')
    .replace(ISO_MONTH, (_, y: string, m: string) => `${y}年${Number(m)}月`)
    .replace(POSSESSIVE, '')
    .replace(DASH_BETWEEN, '')
    .replace(/·/g, '')
    .replace(NON_TEXT, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Han runs keep the digits glued to them ("2019年7月", "1亿美元"); Latin words and numbers stand alone. */
const TOKEN = /\d*\p{Script=Han}[\p{Script=Han}\d]*|[a-z0-9]+/gu;

export interface Token {
  text: string;
  han: boolean;
}

export function tokenize(normalized: string): Token[] {
  return [...normalized.matchAll(TOKEN)].map((m) => ({ text: m[0], han: /\p{Script=Han}/u.test(m[0]) }));
}

const HAN = /\p{Script=Han}/u;
export const hasHan = (s: string): boolean => HAN.test(s);

/** A light English stemmer: enough to meet "founded", "founding" and "founds" at "found". */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  return dropSilentE(stripSuffix(word));
}

function stripSuffix(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 5) return undouble(word.slice(0, -3));
  if (word.endsWith('ed') && word.length > 4) return undouble(word.slice(0, -2));
  if (word.endsWith('es') && /(ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** "become", "becomes" and "becoming" all meet at "becom": the final e goes either way. */
function dropSilentE(word: string): string {
  return word.length > 3 && word.endsWith('e') && !word.endsWith('ee') ? word.slice(0, -1) : word;
}

function undouble(w: string): string {
  return /([bdgmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
}

/** Stemmed English words of a text, padded with spaces so phrase look-ups match whole words. */
export function englishIndexText(text: string): string {
  const words = normalize(text)
    .split(' ')
    .filter((w) => w !== '' && !hasHan(w))
    .map(stem);
  return ` ${words.join(' ')} `;
}
