// The one interaction handler every transport shares: payload in, interaction response out. No I/O.
import { InteractionResponseType, type APIInteractionResponse } from 'discord-api-types/v10';
import type { Answerer } from '../answer/answerQuery.ts';
import { MESSAGES, langOf, type Lang } from '../render/messages.ts';
import { LIMITS } from '../render/limits.ts';
import { truncate } from '../render/markdown.ts';
import { answerMessage, notice, resultsMessage, timelineMessage, type MessageData } from '../render/toDiscord.ts';
import type { Cooldown } from './cooldown.ts';
import { decodeState } from './customId.ts';
import { AUTOCOMPLETE, parseInteraction, type ParsedInteraction } from './parseInteraction.ts';

/** What a transport logs about one interaction (never the token; the query only at debug). */
export interface Outcome {
  id?: string;
  kind: ParsedInteraction['kind'] | 'invalid';
  subcommand?: string;
  locale?: string;
  results: number;
  query?: string;
  detail?: string;
  /** Seconds the user was told to wait, when the cooldown refused them. */
  cooldown?: number;
  /** What a command's search came to, for the metrics. */
  answer?: 'found' | 'notFound' | 'invalid';
}

export interface Handled {
  /** Undefined when the payload is not an interaction there is any way to answer. */
  response: APIInteractionResponse | undefined;
  outcome: Outcome;
  /** The callback's addressing, for transports that post it (gateway) or follow up on an error. */
  target?: { id: string; token: string; applicationId: string };
}

const reply = (data: MessageData): APIInteractionResponse => ({
  type: InteractionResponseType.ChannelMessageWithSource,
  data,
});
const update = (data: MessageData): APIInteractionResponse => ({ type: InteractionResponseType.UpdateMessage, data });

/** The ephemeral apology a transport sends when handling failed unexpectedly. */
export function errorResponse(locale: string | undefined): APIInteractionResponse {
  return reply(notice(MESSAGES[langOf(locale)].error));
}

export interface HandlerOptions {
  /** Limits commands and component clicks per user; autocomplete and PING are never limited. */
  cooldown?: Cooldown;
}

export function createInteractionHandler(app: Answerer, options: HandlerOptions = {}) {
  const { cooldown } = options;

  /** The ephemeral refusal when the user is over the limit, else undefined. */
  function limited(p: ParsedInteraction, lang: Lang, outcome: Outcome): [APIInteractionResponse, number] | undefined {
    const wait = cooldown?.take(p.userId) ?? 0;
    if (wait === 0) return undefined;
    outcome.cooldown = wait;
    return [reply(notice(MESSAGES[lang].cooldown(wait))), 0];
  }

  function command(
    p: Extract<ParsedInteraction, { kind: 'command' }>,
    lang: Lang,
    outcome: Outcome,
  ): [APIInteractionResponse, number] {
    const view = { lang, owner: p.userId, version: app.version, ephemeral: p.private === true };
    if (p.subcommand === 'timeline') {
      const events = app.timeline();
      return [reply(timelineMessage(events, 0, view)), events.length];
    }
    if (typeof p.query !== 'string') {
      outcome.answer = 'invalid';
      return [reply(notice(MESSAGES[lang].badOption)), 0];
    }
    const answer = app.answer({ command: p.subcommand, query: p.query });
    outcome.answer = answer.kind;
    return [reply(answerMessage(answer, view)), answer.kind === 'found' ? answer.results.length : 0];
  }

  function autocomplete(p: Extract<ParsedInteraction, { kind: 'autocomplete' }>): [APIInteractionResponse, number] {
    const partial = typeof p.partial === 'string' ? p.partial : '';
    const results = p.subcommand === 'timeline' ? [] : app.complete(p.subcommand, partial);
    const choices = results.slice(0, LIMITS.choices).map((r) => ({
      name: truncate(r.title, LIMITS.choiceName),
      // The id finds exactly this result; free text typed instead still searches.
      value: `#${r.id}`.slice(0, LIMITS.choiceValue),
    }));
    return [{ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } }, choices.length];
  }

  function component(
    p: Extract<ParsedInteraction, { kind: 'component' }>,
    lang: Lang,
  ): [APIInteractionResponse, number] {
    const m = MESSAGES[lang];
    const decoded = decodeState(p.customId);
    if (!decoded) return [reply(notice(m.unknownComponent)), 0];
    const { state, control } = decoded;
    if (state.version !== app.version) return [reply(notice(m.stale)), 0];
    if (state.owner !== p.userId) return [reply(notice(m.notYours)), 0];
    const view = { lang, owner: state.owner, version: state.version, ephemeral: false };
    if (state.view === 'timeline') return [update(timelineMessage(app.timeline(), state.page, view)), 1];
    const results = app.resultsAt(state.command, state.docs);
    if (results.length === 0) return [reply(notice(m.stale)), 0];
    const page = control === 'menu' ? Number(p.values[0] ?? state.page) : state.page;
    if (!Number.isInteger(page) || page < 0 || page >= results.length) return [reply(notice(m.unknownComponent)), 0];
    return [update(resultsMessage(state.command, results, page, view)), results.length];
  }

  return function handle(payload: unknown): Handled {
    const p = parseInteraction(payload);
    if (!p) return { response: undefined, outcome: { kind: 'invalid', results: 0, detail: 'not an interaction' } };
    const lang = langOf(p.locale);
    const target = { id: p.id, token: p.token, applicationId: p.applicationId };
    const outcome: Outcome = { id: p.id, kind: p.kind, locale: p.locale, results: 0 };
    let response: APIInteractionResponse;
    let results = 0;
    switch (p.kind) {
      case 'ping':
        response = { type: InteractionResponseType.Pong };
        break;
      case 'command':
        outcome.subcommand = p.subcommand;
        outcome.query = typeof p.query === 'string' ? p.query : undefined;
        [response, results] = limited(p, lang, outcome) ?? command(p, lang, outcome);
        break;
      case 'autocomplete':
        outcome.subcommand = p.subcommand;
        outcome.query = typeof p.partial === 'string' ? p.partial : undefined;
        [response, results] = autocomplete(p);
        break;
      case 'component':
        [response, results] = limited(p, lang, outcome) ?? component(p, lang);
        break;
      case 'unsupported':
        outcome.detail = p.reason;
        response =
          p.type === AUTOCOMPLETE
            ? { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } }
            : reply(notice(MESSAGES[lang].unsupported));
        break;
    }
    outcome.results = results;
    return { response, outcome, target };
  };
}

export type InteractionHandler = ReturnType<typeof createInteractionHandler>;
