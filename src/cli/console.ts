// The local console: type /feud commands, see the reply the bot would send. No Discord needed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { ComponentType, type APIInteractionResponse } from 'discord-api-types/payloads/v10';
import { decodeState, encodeState } from '../interactions/customId.ts';
import type { InteractionHandler } from '../interactions/handleInteraction.ts';
import { displayWidth } from '../render/labels.ts';
import { responseToText } from '../render/messageToText.ts';
import { MESSAGES, isTraditional, langOf } from '../render/messages.ts';
import { localText } from '../render/traditional.ts';

export const CONSOLE_HELP = MESSAGES.en.consoleHelp;
/** Replies are wrapped to an 80-column terminal. */
export const CONSOLE_WIDTH = 80;

const USER = {
  id: '100000000000000001',
  username: 'console',
  discriminator: '0',
  global_name: 'Console',
  avatar: null,
};
const COMMAND_ID = '100000000000000002';
let counter = 0;
const nextId = () => String(1_200_000_000_000_000_000n + BigInt(++counter));

function base(type: number, locale: string) {
  return {
    id: nextId(),
    application_id: '100000000000000000',
    type,
    token: `console-${counter}`,
    version: 1,
    locale,
    user: USER,
    context: 1,
    entitlements: [],
    authorizing_integration_owners: {},
  };
}

function commandPayload(
  subcommand: string,
  query: string | undefined,
  locale: string,
  focused = false,
  isPrivate?: boolean,
) {
  const options: Array<Record<string, unknown>> =
    query === undefined || query === ''
      ? []
      : [{ name: 'query', type: 3, value: query, ...(focused ? { focused } : {}) }];
  if (isPrivate !== undefined) options.push({ name: 'private', type: 5, value: isPrivate });
  return {
    ...base(focused ? 4 : 2, locale),
    data: { id: COMMAND_ID, name: 'feud', type: 1, options: [{ name: subcommand, type: 1, options }] },
  };
}

function componentPayload(customId: string, values: string[] | undefined, locale: string, flags: number) {
  return {
    ...base(3, locale),
    message: { flags },
    data: {
      custom_id: customId,
      component_type: values ? ComponentType.StringSelect : ComponentType.Button,
      ...(values ? { values } : {}),
    },
  };
}

type Which = 'next' | 'prev' | 'menu';

/** The custom_id of the named control in the last reply: "next", "prev", or the menu. */
function control(last: APIInteractionResponse | undefined, which: Which): string | undefined {
  for (const c of controls(last)) {
    if (!c.custom_id) continue;
    if (which === 'menu' && c.type === ComponentType.StringSelect) return c.custom_id;
    if (which !== 'menu' && c.type === ComponentType.Button && !c.disabled) {
      if (c.custom_id.startsWith(`feud1:${which === 'next' ? 'n' : 'p'}:`)) return c.custom_id;
    }
  }
  return undefined;
}

interface Control {
  type: ComponentType;
  custom_id?: string;
  disabled?: boolean;
}

function controls(response: APIInteractionResponse | undefined): Control[] {
  if (!response || !('data' in response) || !response.data || !('components' in response.data)) return [];
  const rows = (response.data.components ?? []) as unknown as Array<{ type: ComponentType; components?: Control[] }>;
  return rows.flatMap((row) => (row.type === ComponentType.ActionRow ? (row.components ?? []) : []));
}

/** A page-number jump for the timeline, which has buttons but no menu. */
function pageButton(last: APIInteractionResponse | undefined, page: number): string | undefined {
  for (const c of controls(last)) {
    if (c.type !== ComponentType.Button || !c.custom_id) continue;
    const decoded = decodeState(c.custom_id);
    if (decoded?.state.view === 'timeline' && (decoded.control === 'next' || decoded.control === 'prev')) {
      return encodeState({ ...decoded.state, page }, 'next');
    }
  }
  return undefined;
}

/** How many entries the last reply's menu offers. */
function optionCount(last: APIInteractionResponse | undefined): number | undefined {
  const menu = controls(last).find((c) => c.type === ComponentType.StringSelect) as { options?: unknown[] } | undefined;
  return menu?.options?.length;
}

/** How many pages the last reply's timeline has, from its title ("Page 1 of 3"). */
function pageCount(last: APIInteractionResponse | undefined): number | undefined {
  if (!last || !('data' in last) || !last.data || !('embeds' in last.data)) return undefined;
  const title = last.data.embeds?.[0]?.title ?? '';
  const n = /(\d+)\D*$/.exec(title)?.[1];
  return n === undefined ? undefined : Number(n);
}

const flagsOf = (r: APIInteractionResponse | undefined): number =>
  r && 'data' in r && r.data && 'flags' in r.data ? Number(r.data.flags ?? 0) : 0;

/** Wraps a line to the terminal width, by display width (a Han character takes two columns). */
export function wrapLine(line: string, width = CONSOLE_WIDTH): string[] {
  // eslint-disable-next-line no-control-regex
  const visible = (s: string) => displayWidth(s.replace(/\x1b\[[0-9;]*m/g, ''));
  if (visible(line) <= width) return [line];
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  const out: string[] = [];
  let current = '';
  const tokens =
    // eslint-disable-next-line no-control-regex
    /\x1b\[[0-9;]*m|[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]+|\s+/gu;
  for (const token of line.match(tokens) ?? []) {
    if (visible(current + token) > width && current.trim() !== '') {
      out.push(current.trimEnd());
      current = /^\s+$/.test(token) ? `${indent}  ` : `${indent}  ${token}`;
      continue;
    }
    current += token;
  }
  if (current.trim() !== '') out.push(current.trimEnd());
  return out;
}

export interface ConsoleOptions {
  input: Readable;
  output: Writable & { isTTY?: boolean };
  handle: InteractionHandler;
  /** ANSI bold on a colour terminal. */
  ansi?: boolean;
  /** Where an attached file (the timeline picture) is written; returns its path. Default: the temp folder. */
  saveFile?: (name: string, data: Buffer) => string;
}

function saveToTemp(name: string, data: Buffer): string {
  const dir = join(tmpdir(), 'feud-bot');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

export function runConsole({
  input,
  output,
  handle,
  ansi = false,
  saveFile = saveToTemp,
}: ConsoleOptions): Promise<void> {
  const print = (s: string) =>
    output.write(
      `${s
        .split('\n')
        .flatMap((l) => wrapLine(l))
        .join('\n')}\n`,
    );
  // On a terminal: line editing, arrow keys and history; piped input is read line by line.
  const terminal = output.isTTY === true && (input as { isTTY?: boolean }).isTTY === true;
  const rl = createInterface({ input, output, prompt: 'feud> ', terminal, historySize: 200 });
  let locale = 'en-US';
  let last: APIInteractionResponse | undefined;
  const m = () => MESSAGES[langOf(locale)];
  const say = (s: string) => print(localText(s, isTraditional(locale)));

  const show = (payload: unknown, keep: boolean) => {
    const { response, files } = handle(payload);
    if (!response) {
      print('(no answer)');
      return;
    }
    // Only a reply with controls replaces the paging state: an error or a note leaves the last answer pageable.
    if (keep && controls(response).length > 0) last = response;
    print(responseToText(response, ansi, langOf(locale), isTraditional(locale)));
    for (const f of files ?? []) print(`picture: ${saveFile(f.name, f.data)}`);
  };
  const click = (id: string, values?: string[]) => show(componentPayload(id, values, locale, flagsOf(last)), true);

  say(m().consoleHelp);
  rl.prompt();
  rl.on('line', (raw) => {
    const line = raw.trim();
    const privateOpt = /\s*\bprivate:\s*(true|false)\b/i.exec(line);
    const isPrivate = privateOpt ? privateOpt[1]!.toLowerCase() === 'true' : undefined;
    const bare = privateOpt ? line.replace(privateOpt[0], ' ').trim() : line;
    const [word = '', ...rest] = bare.replace(/^\/feud\s*/i, '').split(/\s+/);
    const text = rest.join(' ');
    try {
      if (line === '') {
        // nothing
      } else if (/^(exit|quit|\.exit)$/i.test(line)) {
        rl.close();
        return;
      } else if (/^help$/i.test(line)) say(m().consoleHelp);
      else if (/^lang$/i.test(word)) {
        locale = /^zh[-_]?(tw|hk|hant)/i.test(text) ? 'zh-TW' : /^zh/i.test(text) ? 'zh-CN' : 'en-US';
        say(m().consoleLang(locale));
      } else if (/^(next|prev)$/i.test(line)) {
        const id = control(last, line.toLowerCase() as 'next' | 'prev');
        if (id) click(id);
        else say(m().noPaging);
      } else if (/^\d+$/.test(line)) {
        const menu = control(last, 'menu');
        const page = pageButton(last, Number(line) - 1);
        const count = optionCount(last) ?? pageCount(last);
        if ((menu || page) && count !== undefined && (Number(line) < 1 || Number(line) > count)) say(m().noSuch(count));
        else if (menu) click(menu, [String(Number(line) - 1)]);
        else if (page) click(page);
        else say(m().noList);
      } else if (/^complete$/i.test(word)) {
        const [sub = '', ...q] = rest;
        show(commandPayload(sub.toLowerCase(), q.join(' '), locale, true), false);
      } else if (/^(timeline|help)$/i.test(word)) {
        show(commandPayload(word.toLowerCase(), undefined, locale, false, isPrivate), true);
      } else show(commandPayload(word.toLowerCase(), text, locale, false, isPrivate), true);
    } catch (error) {
      print(`error: ${error instanceof Error ? error.message : String(error)}`);
    }
    rl.prompt();
  });
  return new Promise((resolve) => rl.on('close', resolve));
}
