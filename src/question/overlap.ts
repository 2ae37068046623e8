// How much of a question's remaining words a paragraph shares: Chinese character pairs and English stems.
import type { Paragraph } from '../corpus/types.ts';
import { englishIndexText, normalize, stem } from '../search/normalize.ts';
import { ENGLISH_STOPWORDS } from '../search/stopwords.ts';

function hanPairs(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(/\p{Script=Han}+/gu) ?? [])
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  return out;
}

/** Share in [0, 1] of the topic's pairs and words found in the paragraph or its English gloss. */
export function textOverlap(topic: string, paragraph: Paragraph | undefined): number {
  if (!paragraph) return 0;
  const pairs = hanPairs(topic);
  const words = topic
    .split(' ')
    .filter((w) => /^[a-z]{3,}$/.test(w) && !ENGLISH_STOPWORDS.has(w))
    .map(stem);
  const total = pairs.size + words.length;
  if (total === 0) return 0;
  const text = normalize(paragraph.text);
  const gloss = englishIndexText(paragraph.gloss);
  let hits = 0;
  for (const p of pairs) if (text.includes(p)) hits++;
  for (const w of words) if (gloss.includes(` ${w} `)) hits++;
  return hits / total;
}
