// Discord markdown: escape what the article or a user typed, bold what matched, cut to a limit.

const MARKDOWN = /[\\*_~`|>#[\]()-]/g;

/** Escapes Discord markdown so article text and queries render as typed. */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN, (c) => `\\${c}`);
}

/**
 * Cuts text to at most `max` UTF-16 units (how Discord and its schemas count), ending with an ellipsis
 * when cut, and never between the two halves of an emoji.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - 1);
  const last = text.charCodeAt(cut - 1);
  if (cut > 0 && last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}…`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The query's own Latin words as the article may print them: "gpt2" and "GPT-2" both find "GPT-2".
 * Whole words only, so "gpt" does not light up inside "ChatGPT".
 */
export function queryForms(query: string): RegExp[] {
  const words = query.normalize('NFKC').match(/[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]/g) ?? [];
  return [...new Set(words.map((w) => w.replace(/-/g, '').toLowerCase()))]
    .filter((w) => w.length >= 3 || /\d/.test(w))
    .map((w) => new RegExp(`(?<![A-Za-z0-9])${[...w].map(escapeRegExp).join('[-\\s]?')}(?![A-Za-z0-9])`, 'giu'));
}

/**
 * Escapes the passage and wraps each highlighted substring in bold. Overlapping and touching matches merge
 * into one run, so the text never shows "****".
 */
export function boldHighlights(passage: string, highlights: readonly string[], query = ''): string {
  const marks: Array<[number, number]> = [];
  for (const h of highlights) {
    if (h === '') continue;
    for (let at = passage.indexOf(h); at >= 0; at = passage.indexOf(h, at + h.length)) marks.push([at, at + h.length]);
  }
  for (const re of queryForms(query))
    for (const m of passage.matchAll(re)) marks.push([m.index, m.index + m[0].length]);
  marks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const runs: Array<[number, number]> = [];
  for (const [s, e] of marks) {
    const last = runs.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else runs.push([s, e]);
  }
  let out = '';
  let pos = 0;
  for (const [s, e] of runs) {
    out += `${escapeMarkdown(passage.slice(pos, s))}**${escapeMarkdown(passage.slice(s, e))}**`;
    pos = e;
  }
  return out + escapeMarkdown(passage.slice(pos));
}
