// zh-TW readers: the interface in Traditional characters (OpenCC, the standard converter), while the article's
// own words stay verbatim Simplified. Renderers mark verbatim text; this pass converts the rest and drops the marks.
import { createRequire } from 'node:module';
import type { APIInteractionResponse } from 'discord-api-types/v10';

type Convert = (text: string) => string;
interface OpenccCn2t {
  Converter(options: { from: 'cn'; to: 'twp' }): Convert;
}

const OPEN = '\u0091';
const CLOSE = '\u0092';
const MARKS = /[\u0091\u0092]/g;

/** Marks article text that must reach the reader exactly as printed. */
export const verbatim = (text: string): string => `${OPEN}${text}${CLOSE}`;

let convert: Convert | undefined;
// Loaded on the first zh-TW reply, as toSimplified loads its half on the first Traditional query: no mode
// pays for OpenCC at start-up, and a plain require keeps the conversion synchronous.
function converter(): Convert {
  if (convert) return convert;
  const opencc = createRequire(import.meta.url)('opencc-js/cn2t') as OpenccCn2t;
  convert = opencc.Converter({ from: 'cn', to: 'twp' });
  return convert;
}

/** Converts the text outside verbatim marks (an unclosed mark, cut by a limit, protects to the end). */
export function localText(text: string, traditional: boolean): string {
  if (!traditional) return text.replace(MARKS, '');
  let out = '';
  let inside = false;
  for (const part of text.split(/([\u0091\u0092])/)) {
    if (part === OPEN) inside = true;
    else if (part === CLOSE) inside = false;
    else out += inside ? part : converter()(part);
  }
  return out;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;

function each(list: unknown, f: (o: Obj) => void): void {
  if (Array.isArray(list)) for (const o of list) if (isObj(o)) f(o);
}

/** Every user-visible string of a response, and nothing else (custom ids and values are the bot's own). */
export function finishResponse(response: APIInteractionResponse, traditional: boolean): APIInteractionResponse {
  if (!('data' in response) || !isObj(response.data)) return response;
  const t = (o: Obj, key: string) => {
    if (typeof o[key] === 'string') o[key] = localText(o[key], traditional);
  };
  const data = response.data as Obj;
  t(data, 'content');
  each(data.choices, (c) => t(c, 'name'));
  each(data.embeds, (e) => {
    for (const k of ['title', 'description']) t(e, k);
    each(e.fields, (f) => {
      t(f, 'name');
      t(f, 'value');
    });
    if (isObj(e.footer)) t(e.footer, 'text');
    if (isObj(e.author)) t(e.author, 'name');
  });
  each(data.components, (row) =>
    each(row.components, (c) => {
      t(c, 'label');
      t(c, 'placeholder');
      each(c.options, (o) => {
        t(o, 'label');
        t(o, 'description');
      });
    }),
  );
  return response;
}

/** Loads OpenCC's dictionaries ahead of the first zh-TW reader. */
export function warmTraditional(): void {
  converter()('马');
}
