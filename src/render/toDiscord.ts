// Answer → Discord message payloads. The one place that sets flags, allowed_mentions and limits.
// The article's own words carry verbatim marks (traditional.ts): finishResponse, which the handler runs on every
// response, converts the rest for zh-TW readers and removes the marks.
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  type APIInteractionResponseCallbackData,
} from 'discord-api-types/payloads/v10';
import type { Answer, Result } from '../answer/types.ts';
import {
  encodeState,
  type ComponentState,
  type HelpState,
  type ResultsState,
  type TimelineState,
} from '../interactions/customId.ts';
import type { Command } from '../search/createSearch.ts';
import { dateHow, dateLine } from './dateText.ts';
import { bilingual, createLabels, distinctLabels, type Labels } from './labels.ts';
import { LIMITS } from './limits.ts';
import { boldHighlights, escapeMarkdown, truncate } from './markdown.ts';
import { MESSAGES, mention, type Lang } from './messages.ts';
import { problemText } from './toText.ts';
import { verbatim } from './traditional.ts';

export type MessageData = APIInteractionResponseCallbackData;

const COLOURS: Record<Command | 'timeline' | 'help', number> = {
  when: 0x3b82f6,
  quote: 0xf59e0b,
  who: 0x10b981,
  timeline: 0x8b5cf6,
  help: 0x64748b,
};

export const TIMELINE_PAGE_SIZE = 8;
/** Lines of "what they did" on a person's card. */
const CARD_EVENTS = 8;

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
  // The article's title and publisher are its own words: verbatim, whatever the reader's script.
  const cite = MESSAGES[lang].footer(verbatim(r.citation.title), verbatim(r.citation.publisher), published(r, lang));
  return truncate(position ? `${position} · ${cite}` : cite, LIMITS.footerText);
}

export function embedLength(e: APIEmbed): number {
  const fields = (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return [e.title, e.description, e.footer?.text, e.author?.name].reduce((n, t) => n + (t ?? '').length, fields);
}

export interface View {
  lang: Lang;
  owner: string;
  version: string;
  ephemeral: boolean;
  /** Titles and list labels from the corpus; without it, the answer's own titles. */
  labels?: Labels;
  /** The /feud command's id, for clickable mentions. */
  commandId?: string;
  /** The query as typed: its own forms (GPT-2, gpt2) are bolded in the passage. */
  query?: string;
  /** The article page's URL (ARTICLE_URL): paragraph numbers become links to it. */
  articleUrl?: string;
}

/** "¶35", linked to the article page's paragraph (anchor as site/articleHtml's anchorOf) when its URL is set. */
function paragraphRef(ref: string, lang: Lang, articleUrl: string | undefined): string {
  const label = MESSAGES[lang].paragraph(ref);
  return articleUrl ? `[${label}](${articleUrl.split('#')[0]}#${ref.replace(/[^\w-]/g, '-')})` : label;
}

const FALLBACK_LABELS = createLabels();
const labelsOf = (view: Pick<View, 'labels'>) => view.labels ?? FALLBACK_LABELS;

/** What the reader needs first: for English, the gloss (or translation, or role); for Chinese, the passage. */
function description(r: Result, lang: Lang, query: string): string {
  const passage = `> ${verbatim(boldHighlights(r.passage, r.highlights, query))}`;
  if (lang === 'zh') return passage;
  const lead = r.english ?? r.role?.en ?? r.gloss;
  return `${escapeMarkdown(lead)}\n\n${passage}`;
}

/** One result as an embed: the reader's lead, the passage with the matched words in bold, when and how we know. */
export function resultEmbed(
  r: Result,
  command: Command,
  view: Pick<View, 'lang' | 'labels' | 'query' | 'articleUrl'>,
  position?: string,
): APIEmbed {
  const { lang } = view;
  const m = MESSAGES[lang];
  const labels = labelsOf(view);
  const fields: APIEmbedField[] = [];
  if (r.speaker && r.medium) {
    fields.push(
      field(m.fields.speaker, `${escapeMarkdown(bilingual(r.speaker, lang))} · ${m.medium[r.medium] ?? r.medium}`),
    );
  }
  if (lang === 'zh' && r.english) fields.push(field(m.fields.english, escapeMarkdown(r.english)));
  if (lang === 'zh' && r.role) fields.push(field(m.fields.role, escapeMarkdown(r.role.zh)));
  const card = labels.card(r, lang);
  if (card) {
    // A person's card says where they appear and what they did, not one paragraph's date.
    if (card.appears.length) fields.push(field(m.fields.appears, card.appears.map(m.paragraph).join(', ')));
    if (card.did.length) {
      const lines = card.did.slice(0, CARD_EVENTS).map((l) => `• ${escapeMarkdown(l)}`);
      if (card.did.length > CARD_EVENTS) lines.push('…');
      fields.push(field(m.fields.did, lines.join('\n')));
    }
  } else {
    fields.push(field(m.fields.when, escapeMarkdown(dateLine(r.date, lang, published(r, lang)))));
  }
  const section = lang === 'zh' ? r.section.zh : bilingual(r.section, 'en');
  fields.push(
    field(m.fields.where, `${escapeMarkdown(section)} · ${paragraphRef(r.ref, lang, view.articleUrl)}`, true),
  );
  if (lang === 'zh' && !r.english && !r.role) fields.push(field(m.fields.gloss, escapeMarkdown(r.gloss)));
  const embed: APIEmbed = {
    title: truncate(labels.title(r, lang), LIMITS.embedTitle),
    description: truncate(description(r, lang, view.query ?? ''), LIMITS.embedDescription),
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

const button = (
  label: string,
  customId: string,
  disabled = false,
  style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Danger = ButtonStyle.Secondary,
): APIButtonComponent => ({
  type: ComponentType.Button,
  style,
  label: truncate(label, LIMITS.buttonLabel),
  custom_id: customId,
  disabled,
});

/**
 * The button row: Previous/Next when there are pages, then Share on a private answer (posts it for everyone)
 * or Delete on a public one (its asker only).
 */
function actions(
  state: ComponentState,
  pages: number,
  lang: Lang,
  ephemeral: boolean,
): APIActionRowComponent<APIComponentInMessageActionRow> {
  const m = MESSAGES[lang];
  const components: APIButtonComponent[] = [];
  if (pages > 1) {
    components.push(
      button(m.previous, encodeState({ ...state, page: Math.max(0, state.page - 1) }, 'prev'), state.page <= 0),
      button(
        m.next,
        encodeState({ ...state, page: Math.min(pages - 1, state.page + 1) }, 'next'),
        state.page >= pages - 1,
      ),
    );
  }
  components.push(
    ephemeral
      ? button(m.share, encodeState(state, 'share'), false, ButtonStyle.Primary)
      : button(m.delete, encodeState(state, 'delete'), false, ButtonStyle.Danger),
  );
  return { type: ComponentType.ActionRow, components };
}

function menu(
  state: ResultsState,
  results: Result[],
  view: View,
): APIActionRowComponent<APIComponentInMessageActionRow> {
  const shown = results.slice(0, LIMITS.selectOptions);
  const labels = distinctLabels(shown, view.lang, labelsOf(view), LIMITS.selectLabel - 4);
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: encodeState(state, 'menu'),
        placeholder: MESSAGES[view.lang].otherMatches,
        options: shown.map((r, i) => ({
          label: truncate(`${i + 1}. ${labels[i] ?? r.title}`, LIMITS.selectLabel),
          description: r.date
            ? truncate(view.lang === 'zh' ? r.date.labelZh : r.date.label, LIMITS.selectDescription)
            : undefined,
          value: String(i),
          default: i === state.page,
        })),
      },
    ],
  };
}

/** One page of results, with buttons and a menu when there is more than one. */
export function resultsMessage(
  command: Command,
  results: Result[],
  page: number,
  view: View,
  content?: string,
): MessageData {
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
  const components = [actions(state, results.length, view.lang, view.ephemeral)];
  if (results.length > 1) components.push(menu(state, results, view));
  return message(
    {
      ...(content ? { content } : {}),
      embeds: [resultEmbed(r, command, view, position)],
      components,
    },
    view.ephemeral,
  );
}

/** What the user typed, shown back: markdown escaped, and @everyone/@here broken so they read as plain text. */
export const echo = (typed: string): string => escapeMarkdown(typed).replace(/@(everyone|here)/gi, '@\u200b$1');

/** The reply to a question: results, or an ephemeral "no match" with suggestions, or a refusal. */
export function answerMessage(answer: Answer, view: View, lead: string[] = []): MessageData {
  const m = MESSAGES[view.lang];
  if (answer.kind === 'invalid') return notice([...lead, problemText(answer, view.lang)].join('\n'));
  const reading = answer.reading ? [m.readAs(escapeMarkdown(answer.reading.text[view.lang]))] : [];
  if (answer.kind === 'notFound') {
    const where = mention(answer.command, view.lang, view.commandId);
    const lines = [...lead, ...reading, m.notFound(where, echo(truncate(answer.query, 100)))];
    if (answer.note) lines.push(escapeMarkdown(answer.note[view.lang]));
    if (answer.suggestions.length) {
      lines.push(`${m.tryThese}:`, ...answer.suggestions.map((s) => `• ${where} ${escapeMarkdown(s)}`));
    }
    return notice(lines.join('\n'));
  }
  const content = [...lead, ...reading].join('\n');
  return resultsMessage(answer.command, answer.results, 0, { ...view, query: answer.query }, content || undefined);
}

/** The timeline picture's file name; the embed points at it as attachment://timeline.png. */
export const TIMELINE_IMAGE = 'timeline.png';

/**
 * The dated events, in date order, a page of them at a time; each date is printed once. `image`: 'attach' when
 * this message uploads the timeline picture, 'kept' when it edits a message that already carries it.
 */
export function timelineMessage(events: Result[], page: number, view: View, image?: 'attach' | 'kept'): MessageData {
  const m = MESSAGES[view.lang];
  const labels = labelsOf(view);
  const pages = Math.max(1, Math.ceil(events.length / TIMELINE_PAGE_SIZE));
  const at = Math.min(Math.max(0, page), pages - 1);
  const slice = events.slice(at * TIMELINE_PAGE_SIZE, (at + 1) * TIMELINE_PAGE_SIZE);
  const first = events[0];
  const embed: APIEmbed = {
    title: `${m.commandTitle.timeline} · ${m.pageOf(at + 1, pages)}`,
    color: COLOURS.timeline,
    description: slice.length ? undefined : m.timelineEmpty,
    fields: slice.map((r) =>
      field(
        `${view.lang === 'zh' ? (r.date?.labelZh ?? '') : (r.date?.label ?? '')} · ${labels.title(r, view.lang)}`,
        `${escapeMarkdown(dateHow(r.date, view.lang, published(r, view.lang)))}\n${paragraphRef(r.ref, view.lang, view.articleUrl)}`,
      ),
    ),
    footer: first ? { text: footer(first, view.lang) } : undefined,
    image: image ? { url: `attachment://${TIMELINE_IMAGE}` } : undefined,
  };
  const state: TimelineState = { view: 'timeline', owner: view.owner, version: view.version, page: at };
  return message(
    {
      embeds: [fitEmbed(embed)],
      components: [actions(state, pages, view.lang, view.ephemeral)],
      attachments: image === 'attach' ? [{ id: '0', filename: TIMELINE_IMAGE }] : undefined,
    },
    view.ephemeral,
  );
}

/** /feud help: what each subcommand is for, two examples each, as clickable mentions. */
export function helpMessage(view: View): MessageData {
  const m = MESSAGES[view.lang];
  const fields = m.help
    .entries()
    .map((e) =>
      field(
        m.commandTitle[e.sub],
        [
          `${mention(e.sub, view.lang, view.commandId)} — ${e.what}`,
          ...e.examples.map((x) => `• ${mention(e.sub, view.lang, view.commandId)} ${escapeMarkdown(x)}`),
        ].join('\n'),
      ),
    );
  const embed: APIEmbed = {
    title: m.help.title,
    description: m.help.intro,
    color: COLOURS.help,
    fields,
    footer: { text: m.help.footer },
  };
  const state: HelpState = { view: 'help', owner: view.owner, version: view.version, page: 0 };
  return message(
    { embeds: [fitEmbed(embed)], components: [actions(state, 1, view.lang, view.ephemeral)] },
    view.ephemeral,
  );
}
