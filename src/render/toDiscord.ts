// Answer → Discord message payloads. The one place that sets flags, allowed_mentions and limits.
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  type APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import type { Answer, Result } from '../answer/types.ts';
import { encodeState, type ComponentState, type ResultsState, type TimelineState } from '../interactions/customId.ts';
import type { Command } from '../search/createSearch.ts';
import { dateLine } from './dateText.ts';
import { LIMITS } from './limits.ts';
import { boldHighlights, escapeMarkdown, truncate } from './markdown.ts';
import { MESSAGES, type Lang } from './messages.ts';
import { problemText } from './toText.ts';

export type MessageData = APIInteractionResponseCallbackData;

const COLOURS: Record<Command | 'timeline', number> = {
  when: 0x3b82f6,
  quote: 0xf59e0b,
  who: 0x10b981,
  timeline: 0x8b5cf6,
};

export const TIMELINE_PAGE_SIZE = 8;

/** Every message the bot sends goes through here: nobody is ever pinged. */
function message(data: Omit<MessageData, 'allowed_mentions'>, ephemeral: boolean): MessageData {
  return {
    ...data,
    content: data.content === undefined ? undefined : truncate(data.content, LIMITS.content),
    flags: ephemeral ? MessageFlags.Ephemeral : undefined,
    allowed_mentions: { parse: [] },
  };
}

/** A short ephemeral text: errors, refusals, notes. */
export function notice(text: string): MessageData {
  return message({ content: text }, true);
}

function field(name: string, value: string, inline = false): APIEmbedField {
  return { name: truncate(name, LIMITS.fieldName), value: truncate(value || '—', LIMITS.fieldValue), inline };
}

function published(r: Result, lang: Lang): string {
  return lang === 'zh' ? r.citation.publishedZh : r.citation.published;
}

function footer(r: Result, lang: Lang, position?: string): string {
  const cite = MESSAGES[lang].footer(r.citation.title, r.citation.publisher, published(r, lang));
  return truncate(position ? `${position} · ${cite}` : cite, LIMITS.footerText);
}

export function embedLength(e: APIEmbed): number {
  const fields = (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return [e.title, e.description, e.footer?.text, e.author?.name].reduce((n, t) => n + (t ?? '').length, fields);
}

/** One result as an embed: passage with the matched words in bold, date and how we know it, gloss. */
export function resultEmbed(r: Result, command: Command, lang: Lang, position?: string): APIEmbed {
  const m = MESSAGES[lang];
  const fields: APIEmbedField[] = [];
  if (r.speaker && r.medium) {
    fields.push(field(m.fields.speaker, `${r.speaker.en} (${r.speaker.zh}) · ${m.medium[r.medium] ?? r.medium}`));
  }
  if (r.english) fields.push(field(m.fields.english, escapeMarkdown(r.english)));
  if (r.role) fields.push(field(m.fields.role, escapeMarkdown(r.role[lang])));
  fields.push(field(m.fields.when, escapeMarkdown(dateLine(r.date, lang, published(r, lang)))));
  fields.push(field(m.fields.where, `${r.section.zh} · ${r.section.en} · ${m.paragraph(r.ref)}`, true));
  if (!r.english) fields.push(field(m.fields.gloss, escapeMarkdown(r.gloss)));
  const embed: APIEmbed = {
    title: truncate(r.title, LIMITS.embedTitle),
    description: truncate(boldHighlights(r.passage, r.highlights), LIMITS.embedDescription),
    color: COLOURS[command],
    fields: fields.slice(0, LIMITS.embedFields),
    footer: { text: footer(r, lang, position) },
  };
  return fitEmbed(embed);
}

/** Keeps an embed within the 6000-character total: the description gives way first, then field values. */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  let over = embedLength(embed) - LIMITS.embedsTotal;
  if (over > 0 && embed.description) {
    const len = embed.description.length;
    embed.description = truncate(embed.description, Math.max(1, len - over));
    over -= len - embed.description.length;
  }
  for (const f of [...(embed.fields ?? [])].reverse()) {
    if (over <= 0) break;
    const len = f.value.length;
    f.value = truncate(f.value, Math.max(1, len - over));
    over -= len - f.value.length;
  }
  return embed;
}

function pager(
  state: ComponentState,
  pages: number,
  lang: Lang,
): APIActionRowComponent<APIComponentInMessageActionRow> {
  const m = MESSAGES[lang];
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: m.previous,
        custom_id: encodeState({ ...state, page: Math.max(0, state.page - 1) }, 'prev'),
        disabled: state.page <= 0,
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: m.next,
        custom_id: encodeState({ ...state, page: Math.min(pages - 1, state.page + 1) }, 'next'),
        disabled: state.page >= pages - 1,
      },
    ],
  };
}

function menu(
  state: ResultsState,
  results: Result[],
  lang: Lang,
): APIActionRowComponent<APIComponentInMessageActionRow> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: encodeState(state, 'menu'),
        placeholder: MESSAGES[lang].otherMatches,
        options: results.slice(0, LIMITS.selectOptions).map((r, i) => ({
          label: truncate(`${i + 1}. ${r.title}`, LIMITS.selectLabel),
          description: r.date
            ? truncate(lang === 'zh' ? r.date.labelZh : r.date.label, LIMITS.selectDescription)
            : undefined,
          value: String(i),
          default: i === state.page,
        })),
      },
    ],
  };
}

export interface View {
  lang: Lang;
  owner: string;
  version: string;
  ephemeral: boolean;
}

/** One page of results, with buttons and a menu when there is more than one. */
export function resultsMessage(command: Command, results: Result[], page: number, view: View): MessageData {
  const m = MESSAGES[view.lang];
  const at = Math.min(Math.max(0, page), results.length - 1);
  const r = results[at]!;
  const position = results.length > 1 ? m.resultOf(at + 1, results.length) : undefined;
  const state: ResultsState = {
    view: 'results',
    command,
    owner: view.owner,
    version: view.version,
    docs: results.map((x) => x.index),
    page: at,
  };
  const components =
    results.length > 1 ? [pager(state, results.length, view.lang), menu(state, results, view.lang)] : [];
  return message({ embeds: [resultEmbed(r, command, view.lang, position)], components }, view.ephemeral);
}

/** What the user typed, shown back: markdown escaped, and @everyone/@here broken so they read as plain text. */
const echo = (typed: string): string => escapeMarkdown(typed).replace(/@(everyone|here)/gi, '@\u200b$1');

/** The reply to a question: results, or an ephemeral "no match" with suggestions, or a refusal. */
export function answerMessage(answer: Answer, view: View): MessageData {
  const m = MESSAGES[view.lang];
  if (answer.kind === 'invalid') return notice(problemText(answer, view.lang));
  if (answer.kind === 'notFound') {
    const tips = answer.suggestions.map((s) => `• ${escapeMarkdown(s)}`).join('\n');
    const text = `${m.notFound(answer.command, echo(truncate(answer.query, 100)))}${tips ? `\n${m.tryThese}:\n${tips}` : ''}`;
    return notice(text);
  }
  return resultsMessage(answer.command, answer.results, 0, view);
}

/** The dated events, oldest first, a page of them at a time. */
export function timelineMessage(events: Result[], page: number, view: View): MessageData {
  const m = MESSAGES[view.lang];
  const pages = Math.max(1, Math.ceil(events.length / TIMELINE_PAGE_SIZE));
  const at = Math.min(Math.max(0, page), pages - 1);
  const slice = events.slice(at * TIMELINE_PAGE_SIZE, (at + 1) * TIMELINE_PAGE_SIZE);
  const first = events[0];
  const embed: APIEmbed = {
    title: `${m.commandTitle.timeline} · ${m.resultOf(at + 1, pages)}`,
    color: COLOURS.timeline,
    description: slice.length ? undefined : m.timelineEmpty,
    fields: slice.map((r) =>
      field(
        `${view.lang === 'zh' ? (r.date?.labelZh ?? '') : (r.date?.label ?? '')} · ${r.title}`,
        `${escapeMarkdown(dateLine(r.date, view.lang, published(r, view.lang)))}\n${m.paragraph(r.ref)}`,
      ),
    ),
    footer: first ? { text: footer(first, view.lang) } : undefined,
  };
  const state: TimelineState = { view: 'timeline', owner: view.owner, version: view.version, page: at };
  return message(
    { embeds: [fitEmbed(embed)], components: pages > 1 ? [pager(state, pages, view.lang)] : [] },
    view.ephemeral,
  );
}
