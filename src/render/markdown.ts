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

/** Escapes the passage and wraps each highlighted substring in bold, longest first, without overlaps. */
export function boldHighlights(passage: string, highlights: readonly string[]): string {
  const marks: Array<[number, number]> = [];
  for (const h of highlights) {
    if (h === '') continue;
    let from = 0;
    for (let at = passage.indexOf(h, from); at >= 0; at = passage.indexOf(h, from)) {
      const end = at + h.length;
      if (!marks.some(([s, e]) => at < e && end > s)) marks.push([at, end]);
      from = end;
    }
  }
  marks.sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  for (const [s, e] of marks) {
    out += `${escapeMarkdown(passage.slice(pos, s))}**${escapeMarkdown(passage.slice(s, e))}**`;
    pos = e;
  }
  return out + escapeMarkdown(passage.slice(pos));
}
