// The local console: type /feud commands, see the reply the bot would send. No Discord needed.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { ComponentType, InteractionResponseType, type APIInteractionResponse } from 'discord-api-types/v10';
import type { InteractionHandler } from '../interactions/handleInteraction.ts';
import { responseToText } from '../render/messageToText.ts';

export const CONSOLE_HELP = `feud-bot local console: no DISCORD_TOKEN is set, so nothing connects to Discord.
Type a command as you would in Discord and see the reply the bot would send:
  /feud when GPT-2        /feud quote LeCun        /feud who 奥特曼        /feud timeline
  next, prev, or a number to page through results   complete when gp   (autocomplete)
  lang zh / lang en       (interface language)      help   exit
To answer on Discord: copy .env.example to .env, set DISCORD_TOKEN and DISCORD_APPLICATION_ID,
run "npm run deploy" once, then "npm start" again. The README has the step-by-step.`;

const USER = {
  id: '100000000000000001',
  username: 'console',
  discriminator: '0',
  global_name: 'Console',
  avatar: null,
};
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
    entitlements: [],
    authorizing_integration_owners: {},
  };
}

function commandPayload(subcommand: string, query: string | undefined, locale: string, focused = false) {
  const options =
    query === undefined ? [] : [{ name: 'query', type: 3, value: query, ...(focused ? { focused } : {}) }];
  return {
    ...base(focused ? 4 : 2, locale),
    data: { id: '100000000000000002', name: 'feud', type: 1, options: [{ name: subcommand, type: 1, options }] },
  };
}

function componentPayload(customId: string, values: string[] | undefined, locale: string) {
  return {
    ...base(3, locale),
    data: {
      custom_id: customId,
      component_type: values ? ComponentType.StringSelect : ComponentType.Button,
      ...(values ? { values } : {}),
    },
  };
}

/** The custom_id of the named control in the last reply: "next", "prev", or the menu. */
function control(last: APIInteractionResponse | undefined, which: 'next' | 'prev' | 'menu'): string | undefined {
  if (!last || !('data' in last) || !last.data || !('components' in last.data)) return undefined;
  for (const row of last.data.components ?? []) {
    if (row.type !== ComponentType.ActionRow) continue;
    for (const c of row.components) {
      if (which === 'menu' && c.type === ComponentType.StringSelect) return c.custom_id;
      if (which !== 'menu' && c.type === ComponentType.Button && 'custom_id' in c && !c.disabled) {
        if (c.custom_id.startsWith(`feud1:${which === 'next' ? 'n' : 'p'}:`)) return c.custom_id;
      }
    }
  }
  return undefined;
}

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  handle: InteractionHandler;
  /** ANSI bold on a colour terminal. */
  ansi?: boolean;
}

export function runConsole({ input, output, handle, ansi = false }: ConsoleOptions): Promise<void> {
  const print = (s: string) => output.write(`${s}\n`);
  const rl = createInterface({ input, output, prompt: 'feud> ', terminal: false });
  let locale = 'en-US';
  let last: APIInteractionResponse | undefined;

  const show = (payload: unknown, keep: boolean) => {
    const { response } = handle(payload);
    if (!response) {
      print('(no answer)');
      return;
    }
    if (keep && response.type !== InteractionResponseType.ApplicationCommandAutocompleteResult) last = response;
    print(responseToText(response, ansi));
  };

  print(CONSOLE_HELP);
  rl.prompt();
  rl.on('line', (raw) => {
    const line = raw.trim();
    const [word = '', ...rest] = line.replace(/^\/feud\s*/i, '').split(/\s+/);
    const text = rest.join(' ');
    try {
      if (line === '') {
        // nothing
      } else if (/^(exit|quit|\.exit)$/i.test(line)) {
        rl.close();
        return;
      } else if (/^help$/i.test(line)) print(CONSOLE_HELP);
      else if (/^lang$/i.test(word)) {
        locale = /^zh/i.test(text) ? 'zh-CN' : 'en-US';
        print(`interface language: ${locale}`);
      } else if (/^(next|prev)$/i.test(line)) {
        const id = control(last, line.toLowerCase() as 'next' | 'prev');
        if (id) show(componentPayload(id, undefined, locale), true);
        else print('nothing to page');
      } else if (/^\d+$/.test(line)) {
        const id = control(last, 'menu');
        if (id) show(componentPayload(id, [String(Number(line) - 1)], locale), true);
        else print('no list to choose from');
      } else if (/^complete$/i.test(word)) {
        const [sub = '', ...q] = rest;
        show(commandPayload(sub, q.join(' '), locale, true), false);
      } else if (/^timeline$/i.test(word)) show(commandPayload('timeline', undefined, locale), true);
      else show(commandPayload(word.toLowerCase(), text, locale), true);
    } catch (error) {
      print(`error: ${error instanceof Error ? error.message : String(error)}`);
    }
    rl.prompt();
  });
  return new Promise((resolve) => rl.on('close', resolve));
}
