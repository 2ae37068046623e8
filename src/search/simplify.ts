// Traditional → Simplified Chinese for queries (馬斯克 → 马斯克), with OpenCC, the standard converter.
import { createRequire } from 'node:module';

type Convert = (text: string) => string;
interface OpenccT2cn {
  Converter(options: { from: 'tw'; to: 'cn' }): Convert;
}

let convert: Convert | undefined;

// Loaded on the first query with a character the article does not use (~40 ms), so no mode pays for it at start.
// A plain require keeps toSimplified synchronous and keeps OpenCC out of the bundle's start-up path.
function converter(): Convert {
  if (convert) return convert;
  const opencc = createRequire(import.meta.url)('opencc-js/t2cn') as OpenccT2cn;
  convert = opencc.Converter({ from: 'tw', to: 'cn' });
  return convert;
}

export function toSimplified(text: string): string {
  return converter()(text);
}
