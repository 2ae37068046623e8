// Runs the bot's real gateway transport (createGatewayBot, a real discord.js Client) against the fake Discord.
import { once } from 'node:events';
import { afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  Events,
  InteractionResponseType,
  type APIApplicationCommandOptionChoice,
  type APIEmbed,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  type ClientOptions,
} from 'discord.js';
import { createApp } from '../../src/app.ts';
import type { Answerer } from '../../src/answer/answerQuery.ts';
import { createGatewayBot, type GatewayBot } from '../../src/discord/gatewayBot.ts';
import {
  createInteractionHandler,
  type HandlerOptions,
  type InteractionHandler,
} from '../../src/interactions/handleInteraction.ts';
import { createLogger } from '../../src/log.ts';
import { EventLog } from '../fake-discord/eventLog.ts';
import type { DispatchedInteraction } from '../fake-discord/interactions.ts';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from '../fake-discord/server.ts';

let shared: Answerer | undefined;
/** Building the corpus and its indexes is the slow part; every bot in a test file can share one. */
export const sharedApp = (): Answerer => (shared ??= createApp());

export interface RunningBot {
  fake: FakeDiscord;
  bot: GatewayBot;
  /** Every log line the bot wrote, at debug and above. */
  readonly lines: readonly string[];
  /** Dispatches INTERACTION_CREATE and resolves with the callback body Discord accepted. */
  ask<T extends DispatchedInteraction>(payload: T): Promise<APIInteractionResponse>;
  /** Resolves with the first log line, past or future, that matches. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

export interface StartOptions {
  fake?: FakeDiscordOptions;
  /** Wraps the real handler, e.g. to make it throw for one interaction. */
  wrap?: (real: InteractionHandler) => InteractionHandler;
  /** Extra discord.js client options, e.g. a no-wait identify throttle. */
  client?: Partial<ClientOptions>;
  /** Options for the real handler, e.g. the timeline picture. */
  handler?: HandlerOptions;
}

export async function startBot(options: StartOptions = {}): Promise<RunningBot> {
  const fake = await startFakeDiscord(options.fake);
  const log = new EventLog<string>();
  const real = createInteractionHandler(sharedApp(), options.handler);
  const bot = createGatewayBot({
    token: fake.token,
    apiBaseUrl: fake.apiBase,
    handle: options.wrap ? options.wrap(real) : real,
    log: createLogger('debug', (line) => log.push(line.trimEnd())),
    client: { ...options.client, rest: { offset: 0 } },
  });
  const ready = once(bot.client, Events.ClientReady);
  try {
    await bot.start();
    await ready;
  } catch (error) {
    await bot.stop();
    await fake.stop();
    throw error;
  }
  return {
    fake,
    bot,
    lines: log.items,
    async ask(payload) {
      fake.dispatchInteraction(payload);
      return fake.waitForCallback(payload.id);
    },
    waitForLine: (pattern, timeoutMs = 3_000) =>
      log.waitFor((l) => pattern.test(l), timeoutMs, `a log line ${pattern}`),
    async stop() {
      await bot.stop();
      await fake.stop();
    },
  };
}

/** The article's paragraphs, verbatim, as the data folder ships them. */
export const articleParagraphs = (): string[] =>
  readFileSync(new URL('../../data/musk-openai.zh.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

export function readDataJson<T>(path: string): T {
  return JSON.parse(readFileSync(new URL(`../../data/${path}`, import.meta.url), 'utf8')) as T;
}

/** Discord markdown as the bot writes it → the text a reader sees: no bold marks, no escapes. */
export const plain = (markdown: string): string => markdown.replace(/\*\*/g, '').replace(/\\(.)/g, '$1');

/** The article's passage in an embed: its block-quoted lines, as a reader sees them. */
export const passageOf = (embed: APIEmbed): string =>
  plain(
    (embed.description ?? '')
      .split('\n')
      .filter((l) => l.startsWith('> '))
      .map((l) => l.slice(2))
      .join('\n'),
  );

/** What the reader sees first: the description before the passage (the English gloss, translation or role). */
export const leadOf = (embed: APIEmbed): string => plain((embed.description ?? '').split('\n\n> ')[0] ?? '');

/** Two cut labels name the same thing when one, without its ellipsis, begins the other. */
export const sameLabel = (a: string, b: string): boolean => {
  const [x, y] = [a.replace(/…$/, ''), b.replace(/…$/, '')];
  return x.startsWith(y) || y.startsWith(x);
};

/** The message a type 4 (reply) or 7 (update) callback carries; throws on any other callback type. */
export function messageOf(body: APIInteractionResponse): APIInteractionResponseCallbackData {
  if (
    body.type !== InteractionResponseType.ChannelMessageWithSource &&
    body.type !== InteractionResponseType.UpdateMessage
  ) {
    throw new Error(`expected a reply or an update, got callback type ${body.type}`);
  }
  return body.data ?? {};
}

export function choicesOf(body: APIInteractionResponse): APIApplicationCommandOptionChoice[] {
  if (body.type !== InteractionResponseType.ApplicationCommandAutocompleteResult) {
    throw new Error(`expected autocomplete choices, got callback type ${body.type}`);
  }
  return body.data.choices ?? [];
}

export function embedOf(body: APIInteractionResponse): APIEmbed {
  const embeds = messageOf(body).embeds ?? [];
  if (embeds.length !== 1) throw new Error(`expected one embed, got ${embeds.length}`);
  return embeds[0]!;
}

export const fieldValue = (embed: APIEmbed, name: string): string | undefined =>
  embed.fields?.find((f) => f.name === name)?.value;

export interface Control {
  type: number;
  custom_id: string;
  label?: string;
  disabled?: boolean;
  options?: { label: string; value: string; default?: boolean }[];
}

/** Every button and select menu in a message, in order. */
export function controlsOf(body: APIInteractionResponse): Control[] {
  const rows = (messageOf(body).components ?? []) as unknown as { components?: Control[] }[];
  return rows.flatMap((row) => row.components ?? []);
}

/** One bot per test, stopped after each: call once at the top of a test file, then `await start()`. */
export function botPerTest(): (options?: StartOptions) => Promise<RunningBot> {
  let bot: RunningBot | undefined;
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });
  return async (options) => {
    bot = await startBot(options);
    return bot;
  };
}
