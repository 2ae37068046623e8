// The one interaction handler every transport shares: payload in, interaction response out. No I/O.
import { InteractionResponseType, type APIInteractionResponse } from 'discord-api-types/payloads/v10';
import { QUERY_MAX_LENGTH } from '../../commands/feud.ts';
import type { Answerer } from '../answer/answerQuery.ts';
import type { Result } from '../answer/types.ts';
import { createLabels, distinctLabels } from '../render/labels.ts';
import { LIMITS } from '../render/limits.ts';
import { MESSAGES, isTraditional, langOf, mention, type Lang } from '../render/messages.ts';
import { timelineOrder } from '../render/timelineOrder.ts';
import {
  TIMELINE_IMAGE,
  answerMessage,
  echo,
  helpMessage,
  notice,
  resultsMessage,
  timelineMessage,
  type MessageData,
  type View,
} from '../render/toDiscord.ts';
import { finishResponse } from '../render/traditional.ts';
import type { Cooldown } from './cooldown.ts';
import { decodeState, type ComponentState } from './customId.ts';
import { messageQuestion } from './messageQuestion.ts';
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
  /**
   * The asker pressed Delete: the response acknowledges the click (a deferred update), and the transport then
   * deletes the message the button is on (DELETE /webhooks/{app}/{token}/messages/@original).
   */
  deleteOriginal?: boolean;
  /** Files the response's attachments refer to; the transport uploads them with it. */
  files?: AttachedFile[];
  /** The response already serialised (a cached command reply): what JSON.stringify(response) gives. */
  json?: string;
}

export interface AttachedFile {
  name: string;
  contentType: string;
  data: Buffer;
}

const reply = (data: MessageData): APIInteractionResponse => ({
  type: InteractionResponseType.ChannelMessageWithSource,
  data,
});
const update = (data: MessageData): APIInteractionResponse => ({ type: InteractionResponseType.UpdateMessage, data });

/** The ephemeral apology a transport sends when handling failed unexpectedly. */
export function errorResponse(locale: string | undefined): APIInteractionResponse {
  return finishResponse(reply(notice(MESSAGES[langOf(locale)].error)), isTraditional(locale));
}

export interface HandlerOptions {
  /** Limits commands and component clicks per user; autocomplete and PING are never limited. */
  cooldown?: Cooldown;
  /** The timeline picture in the reader's language (drawn once, then cached); without it the timeline is text only. */
  timelineImage?: (lang: Lang) => Buffer;
  /** ARTICLE_URL: "¶35" in replies links to the article page there. */
  articleUrl?: string;
}

/** The response, how many results it shows, and any files it attaches. */
type Step = [APIInteractionResponse, number, AttachedFile[]?];

/**
 * A command's reply is rendered once per wording (subcommand, query, locale, private, command id) for an
 * owner placeholder, and each user gets a copy with their id in its custom_ids: rendering is most of
 * handling a command, and the owner is the only part of a reply that differs between users.
 */
const RENDERED_CACHE_SIZE = 500;
const OWNER_PLACEHOLDER = '0';
/** "feud1:<control>:<owner>:" — the owner is the third field of every custom_id this bot makes. */
const OWNER_FIELD = /^(feud1:[a-z]:)0:/;

interface Rendered {
  response: APIInteractionResponse;
  /** The response serialised with the placeholder owner; each asker's is a string replace away. */
  json: string;
  results: number;
  answer: Outcome['answer'];
}

/** The owner field of every custom_id in a serialised response (custom_ids are JSON-safe: no escapes). */
const OWNER_IN_JSON = /("custom_id":"feud1:[a-z]:)0:/g;

type Loose = Record<string, unknown>;

/** The finished response with the owner in every custom_id; the rest is shared with the cached one. */
function forOwner(response: APIInteractionResponse, owner: string): APIInteractionResponse {
  const data = (response as { data?: Loose }).data;
  const rows = data?.components;
  if (!data || !Array.isArray(rows)) return response;
  const components = rows.map((row: Loose) =>
    Array.isArray(row.components)
      ? {
          ...row,
          components: row.components.map((c: Loose) =>
            typeof c.custom_id === 'string' ? { ...c, custom_id: c.custom_id.replace(OWNER_FIELD, `$1${owner}:`) } : c,
          ),
        }
      : row,
  );
  return { ...response, data: { ...data, components } } as unknown as APIInteractionResponse;
}

export function createInteractionHandler(app: Answerer, options: HandlerOptions = {}) {
  const { cooldown, timelineImage, articleUrl } = options;
  const labels = createLabels(app.corpus);
  let timeline: Result[] | undefined;
  const events = () => (timeline ??= timelineOrder(app.timeline()));

  /** The ephemeral refusal when the user is over the limit, else undefined. */
  function limited(p: ParsedInteraction, lang: Lang, outcome: Outcome): Step | undefined {
    const wait = cooldown?.take(p.userId) ?? 0;
    if (wait === 0) return undefined;
    outcome.cooldown = wait;
    return [reply(notice(MESSAGES[lang].cooldown(wait))), 0];
  }

  const viewFor = (p: ParsedInteraction, lang: Lang, ephemeral: boolean, owner = p.userId): View => ({
    lang,
    owner,
    version: app.version,
    ephemeral,
    labels,
    ...(articleUrl ? { articleUrl } : {}),
    ...(p.commandId ? { commandId: p.commandId } : {}),
  });

  const rendered = new Map<string, Rendered>();

  /** A finished command reply from the cache of renderings, or rendered, finished and cached now. */
  function renderedCommand(p: Extract<ParsedInteraction, { kind: 'command' }>, lang: Lang, outcome: Outcome) {
    const key = [p.subcommand, p.query, p.locale, p.private === true, p.commandId].join('\u0000');
    let r = rendered.get(key);
    if (r) {
      rendered.delete(key);
      rendered.set(key, r);
    } else {
      const draft: Outcome = { ...outcome };
      const [response, results] = command({ ...p, userId: OWNER_PLACEHOLDER }, lang, draft);
      const finished = finishResponse(response, isTraditional(p.locale));
      r = { response: finished, json: JSON.stringify(finished), results, answer: draft.answer };
      if (rendered.size >= RENDERED_CACHE_SIZE) rendered.delete(rendered.keys().next().value!);
      rendered.set(key, r);
    }
    if (r.answer !== undefined) outcome.answer = r.answer;
    return {
      response: forOwner(r.response, p.userId),
      json: r.json.replace(OWNER_IN_JSON, `$1${p.userId}:`),
      results: r.results,
    };
  }

  function command(p: Extract<ParsedInteraction, { kind: 'command' }>, lang: Lang, outcome: Outcome): Step {
    const view = viewFor(p, lang, p.private === true);
    if (p.subcommand === 'help') return [reply(helpMessage(view)), 1];
    if (p.subcommand === 'timeline') {
      if (!timelineImage) return [reply(timelineMessage(events(), 0, view)), events().length];
      const file = { name: TIMELINE_IMAGE, contentType: 'image/png', data: timelineImage(lang) };
      return [reply(timelineMessage(events(), 0, view, 'attach')), events().length, [file]];
    }
    if (typeof p.query !== 'string') {
      outcome.answer = 'invalid';
      return [reply(notice(MESSAGES[lang].badOption)), 0];
    }
    const answer = app.answer({ command: p.subcommand, query: p.query });
    outcome.answer = answer.kind;
    return [reply(answerMessage(answer, view)), answer.kind === 'found' ? answer.results.length : 0];
  }

  /** "Ask feud-bot" on a message: its text asked as a free-form question, answered privately with Share. */
  function messageCommand(p: Extract<ParsedInteraction, { kind: 'message' }>, lang: Lang, outcome: Outcome): Step {
    const m = MESSAGES[lang];
    const asked = messageQuestion(p.target.content, QUERY_MAX_LENGTH);
    if (!asked) return [reply(notice(m.messageNoText(p.target.attachments > 0, mention('ask', lang)))), 0];
    outcome.query = asked.query;
    const lead = [...(asked.cut ? [m.messageCut([...p.target.content].length)] : []), m.asked(echo(asked.query))];
    const answer = app.answer({ command: 'ask', query: asked.query });
    outcome.answer = answer.kind;
    return [
      reply(answerMessage(answer, viewFor(p, lang, true), lead)),
      answer.kind === 'found' ? answer.results.length : 0,
    ];
  }

  function autocomplete(p: Extract<ParsedInteraction, { kind: 'autocomplete' }>, lang: Lang): Step {
    const partial = typeof p.partial === 'string' ? p.partial : '';
    const results = p.subcommand === 'timeline' || p.subcommand === 'help' ? [] : app.complete(p.subcommand, partial);
    const shown = results.slice(0, LIMITS.choices);
    const names = distinctLabels(shown, lang, labels, LIMITS.choiceName);
    const choices = shown.map((r, i) => ({
      name: names[i] ?? r.title,
      // The id finds exactly this result; free text typed instead still searches.
      value: `#${r.id}`.slice(0, LIMITS.choiceValue),
    }));
    return [{ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } }, choices.length];
  }

  /** The message a component's state shows, for its page. */
  function render(state: ComponentState, page: number, view: View): MessageData | undefined {
    if (state.view === 'help') return helpMessage(view);
    // A timeline message already carries its picture: paging points at the same upload and sends nothing.
    if (state.view === 'timeline') return timelineMessage(events(), page, view, timelineImage ? 'kept' : undefined);
    const results = app.resultsAt(state.command, state.docs);
    if (results.length === 0 || !Number.isInteger(page) || page < 0 || page >= results.length) return undefined;
    return resultsMessage(state.command, results, page, view);
  }

  function component(p: Extract<ParsedInteraction, { kind: 'component' }>, lang: Lang): Step {
    const m = MESSAGES[lang];
    const decoded = decodeState(p.customId);
    if (!decoded) return [reply(notice(m.unknownComponent)), 0];
    const { state, control } = decoded;
    if (state.version !== app.version) return [reply(notice(m.stale)), 0];
    if (state.owner !== p.userId) return [reply(notice(control === 'delete' ? m.deleteNotYours : m.notYours)), 0];
    if (control === 'delete') return [{ type: InteractionResponseType.DeferredMessageUpdate }, 0];
    if (control === 'share') {
      const shared = render(state, state.page, viewFor(p, lang, false, state.owner));
      return shared ? [reply(shared), 1] : [reply(notice(m.stale)), 0];
    }
    const page = control === 'menu' ? Number(p.values[0] ?? state.page) : state.page;
    // Paging keeps the message as it is: private stays private (it carries Share), public stays public.
    const ephemeral = (p.messageFlags & 64) !== 0;
    const next = render(state, page, viewFor(p, lang, ephemeral, state.owner));
    if (!next) return [reply(notice(state.view === 'results' ? m.unknownComponent : m.stale)), 0];
    return [update(next), 1];
  }

  return function handle(payload: unknown): Handled {
    const p = parseInteraction(payload);
    if (!p) return { response: undefined, outcome: { kind: 'invalid', results: 0, detail: 'not an interaction' } };
    const lang = langOf(p.locale);
    const target = { id: p.id, token: p.token, applicationId: p.applicationId };
    const outcome: Outcome = { id: p.id, kind: p.kind, locale: p.locale, results: 0 };
    let response: APIInteractionResponse;
    let results = 0;
    let files: AttachedFile[] | undefined;
    let finished = false;
    let json: string | undefined;
    switch (p.kind) {
      case 'ping':
        response = { type: InteractionResponseType.Pong };
        break;
      case 'command': {
        outcome.subcommand = p.subcommand;
        outcome.query = typeof p.query === 'string' ? p.query : undefined;
        const refused = limited(p, lang, outcome);
        // The timeline attaches its picture: rendered each time (from the picture already drawn).
        if (refused || p.subcommand === 'timeline') [response, results, files] = refused ?? command(p, lang, outcome);
        else {
          ({ response, results, json } = renderedCommand(p, lang, outcome));
          finished = true;
        }
        break;
      }
      case 'message':
        outcome.subcommand = 'message';
        [response, results] = limited(p, lang, outcome) ?? messageCommand(p, lang, outcome);
        break;
      case 'autocomplete':
        outcome.subcommand = p.subcommand;
        outcome.query = typeof p.partial === 'string' ? p.partial : undefined;
        [response, results] = autocomplete(p, lang);
        break;
      case 'component':
        [response, results] = limited(p, lang, outcome) ?? component(p, lang);
        break;
      case 'unsupported':
        outcome.detail = p.reason;
        response =
          p.type === AUTOCOMPLETE
            ? { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } }
            : reply(notice(MESSAGES[lang].unsupported(p.commandId)));
        break;
    }
    outcome.results = results;
    const deleteOriginal = response.type === InteractionResponseType.DeferredMessageUpdate;
    return {
      response: finished ? response : finishResponse(response, isTraditional(p.locale)),
      outcome,
      target,
      ...(deleteOriginal ? { deleteOriginal } : {}),
      ...(files && { files }),
      ...(json !== undefined && { json }),
    };
  };
}

export type InteractionHandler = ReturnType<typeof createInteractionHandler>;
