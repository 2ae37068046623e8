// zh-TW readers: the interface in Traditional characters (OpenCC, the standard converter), while the article's
// own words stay verbatim Simplified. Renderers mark verbatim text; this pass converts the rest and drops the marks.
import { Converter } from 'opencc-js/cn2t';
import type { APIInteractionResponse } from 'discord-api-types/v10';

const OPEN = '\u0091';
const CLOSE = '\u0092';
const MARKS = /[\u0091\u0092]/g;

/** Marks article text that must reach the reader exactly as printed. */
export const verbatim = (text: string): string => `${OPEN}${text}${CLOSE}`;

let convert: ((text: string) => string) | undefined;
function converter(): (text: string) => string {
  // typescript-eslint cannot follow opencc-js's extensionless type imports; tsc types this call fine.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
  const ready: (text: string) => string = convert ?? Converter({ from: 'cn', to: 'twp' });
  convert = ready;
  return ready;
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
