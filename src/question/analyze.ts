// Question analysis: what is asked (when, who, a quote), about whom, in which role, doing what.
import type { Corpus } from '../corpus/types.ts';
import type { Concept } from '../search/concept.ts';
import type { ResolvedQuery } from '../search/resolveQuery.ts';
import { hasHan, normalize, stem } from '../search/normalize.ts';
import { ENGLISH_STOPWORDS, PINYIN_STOPWORDS } from '../search/stopwords.ts';
import { toSimplified } from '../search/simplify.ts';
import { amountsIn } from './amounts.ts';
import { isCommonWord, isEnglishWord } from '../search/commonWords.ts';
import { latinWords, type ActionSpan, type Lexicon, type Word } from './lexicon.ts';
import { questionType, type QuestionType } from './questionType.ts';
import { scaffoldBlanked, scaffoldFree } from './scaffold.ts';

export type Role = 'agent' | 'patient' | 'with';

export interface Mention {
  entity: string;
  start: number;
  end: number;
  role: Role;
  /** The wording fixes the role ("by Musk", "did Musk sue", "被马斯克"); else it is read from word order. */
  definite: boolean;
  /** Word order alone would fix it: what the question word asks is read from this. */
  ordered: boolean;
  /** "before OpenAI", "after the lawsuit", "OpenAI之前": a time it is told against, no party to the deed. */
  anchor?: boolean;
}

export interface Analysis {
  type: QuestionType | undefined;
  normalized: string;
  actions: ActionSpan[];
  /** The action the roles are read around: the first that is not a verb of saying. */
  main: ActionSpan | undefined;
  mentions: Mention[];
  /** Names the article does not hold: "Satya Nadella", "GPT-3", "Sora". */
  unknown: string[];
  /** US dollars named in the question. */
  amounts: number[];
  /** The role the question asks for, in a `who` question. */
  asked: Role | undefined;
  /** The action right after the question word ("who refused…", "是谁攒的"): what is asked about. */
  whAction: ActionSpan | undefined;
  /**
   * Stretches that grant something in passing ("despite his 2015 pledge, …", "尽管承诺过给钱,…"), as [from, to)
   * over `normalized`: their deeds and years are not what is asked about.
   */
  concessions: Array<[number, number]>;
  /** The question without its question words, for the search engine. */
  topic: string;
  /**
   * The verb of "when did Musk rebrand Twitter": the deed asked about, when neither the lexicon nor the
   * article's vocabulary knows it (nor a near miss of a word it knows). The article tells no such deed.
   */
  unknownDeed: string | undefined;
  /**
   * Things a deed was done to that the article knows, yet no entity: "found Neuralink", "buy Twitter's
   * blue check". With their Chinese terms, so a fact can be checked for telling of them.
   */
  things: Array<{ text: string; actions: string[]; zh: string[] }>;
}

/** Word lookups the reader needs from the search engine's vocabulary. */
export type Resolve = (text: string) => ResolvedQuery;

const AUX = new Set(['did', 'does', 'do', 'will', 'would', 'has', 'have', 'had', 'can', 'could', 'should']);
// "bei" is 被 typed in pinyin ("masike bei tichu dongshihui"): no English word, and before a verb it is 被.
const PASSIVE = new Set(['was', 'were', 'got', 'get', 'gets', 'getting', 'been', 'being', 'is', 'are', 'bei']);
/** Deeds whose object is a thing with a name: a product released, a company founded or bought. */
const MAKES_THINGS = new Set(['release', 'found', 'buy']);
/** Deeds done to a company or a person: "who runs anthropic", "when did musk sue xai". */
const DONE_TO_NAMES = new Set(['ceo', 'control', 'president', 'cto', 'fund', 'sue', 'merge', 'join', 'leave']);
const PREPOSITIONS = new Set(['in', 'into', 'on', 'at', 'with', 'from', 'for', 'of', 'to', 'against', 'over']);
const ARTICLES = new Set(['a', 'an', 'the', 'its', 'his', 'their', 'her', 'new', 'first']);
const ADVERBS = new Set([
  'really',
  'then',
  'later',
  'also',
  'just',
  'first',
  'finally',
  'eventually',
  'actually',
  'ever',
  'once',
  'basically',
]);
/** "finally", "officially", "quietly": an adverb before the deed is not the deed. */
const isAdverb = (w: string) => ADVERBS.has(w) || (w.length > 4 && w.endsWith('ly'));
const LIGHT_VERBS = new Set(['get', 'got', 'go', 'went', 'be', 'become', 'became']);
const TIME_BEFORE_EN = new Set(['before', 'after', 'since', 'until', 'till']);
const WITH_EN = new Set(['with', 'between', 'and', 'from', 'at', 'against', 'besides', 'except', 'than', 'per']);
const WH_EN = /\b(who|whom|whose|which [a-z]+)\b/;
const WH_ZH = /谁|誰|哪位|哪家|哪个人|哪些人|哪个公司/;
/** Chinese words before a name that make it the one acted on (让 OpenAI 并进, 把邮件, 给 OpenAI 砸钱). */
const PATIENT_BEFORE_ZH = /[把将给向对]$/;
/** 跟/和/与 join a party; 让/使 make one the subject of a second verb ("ChatGPT让OpenAI大火"). */
const WITH_BEFORE_ZH = /[跟和与同及让使从]$/;

interface Names {
  han: Array<{ entity: string; name: string }>;
  latin: Array<{ entity: string; words: string[] }>;
  kind: ReadonlyMap<string, string>;
}

export function entityNames(corpus: Corpus): Names {
  const han: Names['han'] = [];
  const latin: Names['latin'] = [];
  for (const e of corpus.entities) {
    for (const n of [e.name.zh, e.name.en, ...e.article, ...e.renderings]) {
      const k = normalize(n);
      if (k === '') continue;
      if (hasHan(k)) han.push({ entity: e.id, name: k });
      else latin.push({ entity: e.id, words: k.split(' ') });
    }
  }
  han.sort((a, b) => b.name.length - a.name.length);
  latin.sort((a, b) => b.words.length - a.words.length);
  return { han, latin, kind: new Map(corpus.entities.map((e) => [e.id, e.kind])) };
}

export class QuestionReader {
  private readonly names: Names;
  private readonly hanChars: ReadonlySet<string>;

  private readonly displayName: ReadonlyMap<string, { en: string; zh: string }>;
  private readonly roleHolders: ReadonlyMap<string, ReadonlySet<string>>;

  constructor(
    corpus: Corpus,
    private readonly lexicon: Lexicon,
    private readonly resolve: Resolve,
    private readonly lookup: (word: string) => Concept | undefined = (w) => resolve(w).concepts.find((c) => !c.fuzzy),
  ) {
    this.names = entityNames(corpus);
    this.displayName = new Map(corpus.entities.map((e) => [e.id, e.name]));
    // Per standing role and organisation ("president\0y-combinator"): the people the facts give it.
    const holders = new Map<string, Set<string>>();
    for (const f of corpus.facts) {
      for (const role of f.action) {
        if (lexicon.byId.get(role)?.kind !== 'relation') continue;
        for (const org of f.patient) {
          const key = `${role}\u0000${org}`;
          const set = holders.get(key) ?? new Set<string>();
          for (const id of f.agent) if (this.names.kind.get(id) === 'person') set.add(id);
          holders.set(key, set);
        }
      }
    }
    this.roleHolders = holders;
    const chars = new Set<string>();
    for (const p of corpus.paragraphs) for (const ch of p.text) chars.add(ch);
    for (const n of this.names.han) for (const ch of n.name) chars.add(ch);
    for (const a of corpus.actions) for (const t of a.zh) for (const ch of t) chars.add(ch);
    this.hanChars = chars;
  }

  read(question: string): Analysis {
    const first = this.readOnce(question);
    const described = this.describedPeople(first);
    return described === undefined ? first : this.readOnce(described);
  }

  /**
   * "Which scientist did the YC boss set Elon up with?": an organisation's role held by one person the facts
   * name is that person, read again with the name in its place. Only beside something else asked: "who is the
   * YC boss" is the role question itself.
   */
  private describedPeople(a: Analysis): string | undefined {
    const others = (span: { start: number; end: number }) =>
      a.actions.some((x) => x !== span && this.kinds(x).includes('event')) || a.mentions.length > 1;
    for (const role of a.actions) {
      if (!this.kinds(role).every((k) => k === 'relation')) continue;
      if (WH_BEFORE.test(a.normalized.slice(0, role.start))) continue;
      for (const org of a.mentions) {
        if (this.names.kind.get(org.entity) === 'person') continue;
        const gap =
          org.end <= role.start
            ? a.normalized.slice(org.end, role.start)
            : role.end <= org.start
              ? a.normalized.slice(role.end, org.start)
              : undefined;
        const adjacent = org.end <= role.start ? ROLE_AFTER_ORG : ROLE_BEFORE_ORG;
        if (gap === undefined || !adjacent.test(gap) || !others(role)) continue;
        // "who is the YC president that…", "the ex-Stripe tech chief who…", "饭局上认识的谷歌科学家是谁": the
        // role is the one asked about.
        const from = Math.min(org.start, role.start);
        const to = Math.max(org.end, role.end);
        if (ASKED_BEFORE.test(a.normalized.slice(0, from)) || ASKED_AFTER.test(a.normalized.slice(to))) continue;
        // "When was Sutskever president of YC?": the role is said of someone named, not a way to name its holder.
        const heldBy = a.mentions.some(
          (m) =>
            this.names.kind.get(m.entity) === 'person' &&
            m.end <= from &&
            HELD_BY.test(a.normalized.slice(m.end, from)),
        );
        if (heldBy) continue;
        const people = this.holders(role.actions, org.entity);
        if (people.length !== 1) continue;
        const name = this.displayName.get(people[0]!)!;
        const said = hasHan(a.normalized.slice(from, to)) ? name.zh : name.en;
        return `${a.normalized.slice(0, from)} ${said} ${a.normalized.slice(to)}`;
      }
    }
    return undefined;
  }

  /** The people the facts give a standing role at an organisation. */
  private holders(roles: readonly string[], org: string): string[] {
    const out = new Set<string>();
    for (const role of roles) for (const id of this.roleHolders.get(`${role}\u0000${org}`) ?? []) out.add(id);
    return [...out];
  }

  private kinds(a: ActionSpan): Array<string | undefined> {
    return a.actions.map((id) => this.lexicon.byId.get(id)?.kind);
  }

  private readOnce(question: string): Analysis {
    const traditional = [...question].some((ch) => hasHan(ch) && !this.hanChars.has(ch));
    // "ousting-and-comeback", "billion-dollar": words joined by hyphens are read one by one (GPT-2 stays whole).
    const split = question.replace(/(?<=[A-Za-z]{2})-(?=[A-Za-z]{2})/g, ' ');
    const text = traditional ? toSimplified(split) : split;
    const normalized = normalize(text);
    const words = latinWords(normalized);
    // Question words are no actions or names ("tell me about", "是干嘛的"); blanked, so positions still line up.
    const blanked = scaffoldBlanked(normalized);
    // An action word inside a name is part of the name: 书 in 脸书.
    const found = this.actionsIn(blanked).filter(
      (x) => !this.names.han.some(({ name }) => insideName(blanked, name, x.start, x.end)),
    );
    const kindOf = (a: ActionSpan) => a.actions.map((id) => this.lexicon.byId.get(id)?.kind);
    const { concessions, dating } =
      CONCESSIVE.test(normalized) || TIME_CLAUSE.test(normalized)
        ? concessionsIn(normalized, found, this.mentions(blanked, words, found, undefined, text))
        : { concessions: [], dating: [] };
    // A deed that only dates the one asked about ("before he joined OpenAI") is not read as asked.
    const actions = found.filter((x) => !dating.some(([from, to]) => from <= x.start && x.start < to));
    const asked = actions.filter((x) => !concessions.some(([from, to]) => from <= x.start && x.start < to));
    // Roles are read around a deed first ("co-signed the post hitting back at Musk"), a standing role next.
    const main =
      asked.find((a) => kindOf(a).includes('event')) ??
      asked.find((a) => kindOf(a).includes('relation')) ??
      asked[0] ??
      actions[0];
    // A name in a clause that only dates the question ("before he joined OpenAI") dates it too: no party to it.
    const mentions = this.mentions(blanked, words, actions, main, text).map((m) =>
      dating.some(([from, to]) => from <= m.start && m.end <= to) ? { ...m, anchor: true } : m,
    );
    return {
      type: questionType(text),
      normalized,
      actions,
      main,
      mentions,
      unknown: this.unknownNames(text, normalized, words, actions, mentions),
      things: this.things(words, actions, mentions),
      amounts: amountsIn(normalized),
      asked: this.asked(normalized, main, mentions, actions, words),
      whAction: whAction(normalized, actions),
      concessions,
      topic: scaffoldFree(normalized),
      unknownDeed:
        main === undefined
          ? (this.unknownDeed(words, mentions) ?? this.unknownZhDeed(normalized, mentions))
          : undefined,
    };
  }

  /** The known, non-entity word right after a deed that makes things ("found Neuralink"). */
  private things(words: Word[], actions: ActionSpan[], mentions: Mention[]): Analysis['things'] {
    return actions
      .filter((x) => x.actions.some((id) => MAKES_THINGS.has(id)))
      .flatMap((span) => {
        const next = words.find((x) => x.start >= span.end && !ARTICLES.has(x.text));
        if (!next || next.start - span.end > 8 || ENGLISH_STOPWORDS.has(next.text)) return [];
        if (mentions.some((n) => n.start <= next.start && next.end <= n.end)) return [];
        if (actions.some((x) => x.start <= next.start && next.end <= x.end)) return [];
        const c = this.lookup(next.text);
        if (!c || c.entities.length > 0 || c.zh.length === 0) return [];
        return [{ text: next.text, actions: span.actions.filter((id) => MAKES_THINGS.has(id)), zh: c.zh }];
      });
  }

  /**
   * "When did Musk rebrand Twitter", "Why did OpenAI sack…": the word after the auxiliary and its subject is
   * the deed. Only a word the vocabulary has never seen, not even as a typo, counts: "leave", "tweet" and
   * "laeve" all search as before.
   */
  private unknownDeed(words: Word[], mentions: Mention[]): string | undefined {
    const aux = words.findIndex((w, i) => i <= 2 && AUX.has(w.text));
    if (aux < 0) return undefined;
    let at = aux + 1;
    while (words[at] && ARTICLES.has(words[at]!.text)) at += 1;
    const subject = mentions.find((m) => m.start === words[at]?.start);
    if (!subject) return undefined;
    while (words[at] && words[at]!.end <= subject.end) at += 1;
    while (words[at] && isAdverb(words[at]!.text)) at += 1;
    // "get married", "go bust": a light verb hands the deed to the word after it.
    if (words[at] && LIGHT_VERBS.has(words[at]!.text) && words[at + 1]) at += 1;
    const verb = words[at];
    if (!verb || !/^[a-z]{3,}$/.test(verb.text) || ENGLISH_STOPWORDS.has(verb.text)) return undefined;
    if (mentions.some((m) => m.start <= verb.start && verb.end <= m.end)) return undefined;
    return this.resolve(verb.text).concepts.length === 0 ? verb.text : undefined;
  }

  /**
   * "特斯拉啥时候拆股的", "马斯克是哪年出生的", "aoteman shenme shihou jiehun de": the word right after the
   * question word (or right before 是 and it) is the deed. Only a word the article's vocabulary lacks counts.
   */
  private unknownZhDeed(normalized: string, mentions: Mention[]): string | undefined {
    if (mentions.length === 0) return undefined;
    const wh = ZH_WHEN.exec(normalized);
    if (!wh) return undefined;
    const after =
      normalized
        .slice(wh.index + wh[0].length)
        .replace(ZH_MORE_WHEN, ' ')
        .replace(ZH_PARTICLES, ' ')
        .trim()
        .split(' ')[0] ?? '';
    // Before "是哪年": what stands between the last name and 是, its fillers (那阵子, 那次) taken off.
    const head = normalized.slice(0, wh.index);
    const lastName = Math.max(0, ...mentions.filter((m) => m.end <= wh.index).map((m) => m.end));
    // "…气到不行,那是哪一年": a pronoun before 是 points back at the whole story, not at a deed.
    const pointsBack = /[那这]\s*是?\s*$/.test(head);
    const before =
      !pointsBack && (/是\s*$/.test(head) || wh[0].startsWith('是'))
        ? head
            .slice(lastName)
            .replace(/是\s*$/, '')
            .replace(ZH_FILLER, '')
            .replace(ZH_PARTICLES, '')
            .trim()
        : '';
    // "奥特曼那出宫斗大戏是哪年": a thing pointed at (那出…, 这次…) names an event, not a deed.
    for (const deed of [after, /[那这][出次件场个回]/.test(before) ? '' : before]) {
      if (hasHan(deed)) {
        const run = /^\p{Script=Han}+/u.exec(deed)?.[0] ?? '';
        if (run.length >= 2 && !this.resolve(run).concepts.some((c) => c.priority > 0)) return run;
      } else if (
        /^[a-z]{4,}$/.test(deed) &&
        !isCommonWord(deed) &&
        // Pinyin is typed on purpose: a near spelling of some other word ("lihun" of "lirun") is not it.
        !this.resolve(deed).concepts.some((c) => !c.fuzzy || c.entities.length > 0)
      ) {
        return deed;
      }
    }
    return undefined;
  }

  /** The lexicon's actions, and pinyin of its Chinese words ("qisu" is 起诉) through the vocabulary. */
  private actionsIn(blanked: string): ActionSpan[] {
    const words = latinWords(blanked);
    const spans = this.lexicon.match(blanked, words);
    // Pinyin typed a syllable at a time ("ti chu") is tried glued as well ("tichu").
    for (let n = 1; n <= 3; n++) {
      for (let i = 0; i + n <= words.length; i++) {
        const run = words.slice(i, i + n);
        const start = run[0]!.start;
        const end = run[n - 1]!.end;
        if (spans.some((s) => s.start < end && start < s.end) || (n === 1 && ENGLISH_STOPWORDS.has(run[0]!.text)))
          continue;
        const key = run.map((w) => w.text).join('');
        if (n > 1 && key.length < 4) continue;
        const c = this.lookup(key);
        // An English word is read by the lexicon itself; only pinyin goes through the Chinese words.
        const english = c?.en.includes(key) || c?.en.includes(stem(key));
        if (!c || c.fuzzy || english || c.entities.length > 0 || (n > 1 && c.key !== key)) continue;
        const found = new Set(c.zh.flatMap((zh) => this.lexicon.match(zh, []).flatMap((s) => s.actions)));
        if (found.size > 0) spans.push({ actions: [...found], start, end, text: key });
      }
    }
    return spans.sort((a, b) => a.start - b.start);
  }

  private mentions(
    normalized: string,
    words: Word[],
    actions: ActionSpan[],
    main: ActionSpan | undefined,
    original: string,
  ): Mention[] {
    const spans: Array<{ entity: string; start: number; end: number }> = [];
    const relation = actions.filter((a) => a.actions.some((id) => this.lexicon.byId.get(id)?.kind === 'relation'));
    // A name inside a role phrase is part of it: "the world's richest man" asks who, not about Musk.
    const free = (start: number, end: number) =>
      !spans.some((s) => start < s.end && s.start < end) && !relation.some((a) => start < a.end && a.start < end);
    for (const { entity, name } of this.names.han) {
      for (let at = normalized.indexOf(name); at >= 0; at = normalized.indexOf(name, at + 1)) {
        if (free(at, at + name.length)) spans.push({ entity, start: at, end: at + name.length });
      }
    }
    for (let i = 0; i < words.length; i++) {
      for (const { entity, words: name } of this.names.latin) {
        if (!name.every((w, j) => words[i + j]?.text === w)) continue;
        const start = words[i]!.start;
        const end = words[i + name.length - 1]!.end;
        if (free(start, end)) spans.push({ entity, start, end });
      }
    }
    // Pinyin typed a syllable at a time ("ma si ke", "ao te man"): two to four words glued.
    for (let n = 4; n >= 2; n--) {
      for (let i = 0; i + n <= words.length; i++) {
        const run = words.slice(i, i + n);
        const key = run.map((w) => w.text).join('');
        const start = run[0]!.start;
        const end = run[n - 1]!.end;
        if (key.length < 5 || !free(start, end)) continue;
        const found = this.lookup(key);
        const c = found && found.entities.length > 0 && found.priority >= 3 ? found : undefined;
        if (c?.entities[0]) spans.push({ entity: c.entities[0], start, end });
      }
    }
    // Typos and pinyin: a word the vocabulary resolves to a person or organisation ("Muks", "aoteman").
    for (const w of words) {
      if (ENGLISH_STOPWORDS.has(w.text) || PINYIN_STOPWORDS.has(w.text) || !free(w.start, w.end)) continue;
      // A word of an action phrase is no misspelt name ("got OpenAI going" is not Google).
      if (actions.some((x) => x.start <= w.start && w.end <= x.end) || ENGLISH_STOPWORDS.has(w.stem)) continue;
      // Four letters typed in lower case are as often a pinyin syllable (nian) as a misspelt name.
      if (w.text.length < 4 || (w.text.length === 4 && !capitalised(original, w.text) && !/\d/.test(w.text))) continue;
      const c = this.resolve(w.text).concepts.find(
        // Model numbers are exact: "gpt3" is no typo of GPT-2, "gtp2" is.
        (k) =>
          k.entities.length > 0 &&
          k.priority >= 3 &&
          !(k.fuzzy && /\d/.test(w.text) && k.key.replace(/\D/g, '') !== w.text.replace(/\D/g, '')),
      );
      const entity = c?.entities[0];
      if (entity) spans.push({ entity, start: w.start, end: w.end });
    }
    spans.sort((a, b) => a.start - b.start);
    const eventive = actions.filter((x) => x.actions.some((id) => this.lexicon.byId.get(id)?.kind === 'event'));
    const seen = new Set<string>();
    const out: Mention[] = [];
    for (const s of spans) {
      if (seen.has(s.entity)) continue;
      seen.add(s.entity);
      const role = this.role(normalized, words, s, main);
      // Two clauses ("started OpenAI, then got pushed out"): word order fixes a role only in its own clause.
      const explicit = role.definite && this.explicitMarker(normalized, words, s);
      const anchor = this.timeAnchor(normalized, words, s);
      out.push({
        ...s,
        ...role,
        definite: eventive.length > 1 ? explicit : role.definite,
        ordered: role.definite,
        ...(anchor ? { anchor } : {}),
      });
    }
    return out;
  }

  /** "before OpenAI", "since the lawsuit", "加入OpenAI之前": the name marks a time, not a party. */
  private timeAnchor(normalized: string, words: Word[], s: { start: number; end: number }): boolean {
    const prevWord = [...words].reverse().find((w) => w.end <= s.start)?.text;
    if (prevWord !== undefined && TIME_BEFORE_EN.has(prevWord) && hasNoHanBetween(normalized, prevWord, s)) return true;
    return /^\s*(之前|以前|之后|以后|前|后)/.test(normalized.slice(s.end));
  }

  private role(
    normalized: string,
    words: Word[],
    s: { entity: string; start: number; end: number },
    main: ActionSpan | undefined,
  ): { role: Role; definite: boolean } {
    const before = normalized.slice(Math.max(0, s.start - 2), s.start).trim();
    const prevWord = [...words].reverse().find((w) => w.end <= s.start)?.text;
    if (!main) return { role: 'with', definite: false };
    const kind = this.lexicon.byId.get(main.actions[0]!)?.kind;
    // "Stripe's CTO", "OpenAI LP的CEO": the organisation holds the role, the person fills it.
    if (kind === 'relation') {
      return { role: this.names.kind.get(s.entity) === 'person' ? 'agent' : 'patient', definite: true };
    }
    if (/^according to\s*$/.test(normalized.slice(Math.max(0, s.start - 13), s.start)))
      return { role: 'with', definite: false };
    if (prevWord === 'by' && s.start > main.start) return { role: 'agent', definite: true };
    if (before.endsWith('被')) return { role: 'agent', definite: true };
    if (PATIENT_BEFORE_ZH.test(before)) return { role: 'patient', definite: true };
    if (
      WITH_BEFORE_ZH.test(before) ||
      (prevWord !== undefined && WITH_EN.has(prevWord) && hasNoHanBetween(normalized, prevWord, s))
    )
      return { role: 'with', definite: false };
    if (s.end <= main.start) {
      // "When was Musk kicked off", "Was OpenAI sued": the auxiliary before the name makes it passive.
      const auxBefore = prevWord !== undefined && PASSIVE.has(prevWord) && !main.text.split(' ')[0]!.endsWith('ing');
      // "OpenAI got started", "got going": get + verb says what happened to the name before it.
      const passive =
        this.passiveBetween(normalized, words, s.end, main.start) || /^(get|got|gets|getting)\b/.test(main.text);
      // Nothing named after the verb ("did GPT-2 come out", "did ChatGPT take off"): many such verbs say
      // what happened to the name, so word order alone does not fix its role.
      const definite = prevWord !== undefined && AUX.has(prevWord) && this.namedAfter(normalized, words, main.end);
      if (auxBefore) return { role: 'patient', definite: true };
      return { role: passive ? 'patient' : 'agent', definite: definite || passive };
    }
    // "被踢出OpenAI董事会", "got pushed out of the board": after a passive verb comes where from, not who.
    // "When was Musk kicked off the board": the auxiliary before the subject makes the verb passive.
    const subjectPassive =
      words
        .filter((w) => w.end <= main.start)
        .slice(-3)
        .some((w) => PASSIVE.has(w.text)) && !main.text.split(' ')[0]!.endsWith('ing');
    if (subjectPassive || this.passiveBetween(normalized, words, Math.max(0, main.start - 3), main.start))
      return { role: 'with', definite: false };
    return { role: 'patient', definite: true };
  }

  /** Whether any entity name stands after this point of the question. */
  private namedAfter(normalized: string, words: Word[], from: number): boolean {
    const rest = normalized.slice(from);
    if (this.names.han.some((n) => rest.includes(n.name))) return true;
    const after = words.filter((w) => w.start >= from);
    return this.names.latin.some(({ words: name }) =>
      after.some((w, i) => name.every((x, j) => after[i + j]?.text === x)),
    );
  }

  private explicitMarker(normalized: string, words: Word[], s: { start: number }): boolean {
    const before = normalized.slice(Math.max(0, s.start - 2), s.start).trim();
    const prevWord = [...words].reverse().find((w) => w.end <= s.start)?.text;
    return prevWord === 'by' || before.endsWith('被') || PATIENT_BEFORE_ZH.test(before);
  }

  /** "OpenAI 被马斯克告了", "Musk was kicked out": the name before the verb is the one acted on. */
  private passiveBetween(normalized: string, words: Word[], from: number, to: number): boolean {
    if (normalized.slice(from, to).includes('被')) return true;
    // "was kicked out", "got really pushed out": the auxiliary stands just before the verb, and the verb is
    // no -ing form ("is pulling the strings" is active).
    const before = words.filter((w) => w.start >= from && w.end <= to && !ADVERBS.has(w.text));
    const last = before[before.length - 1];
    const verb = words.find((w) => w.start >= to);
    return last !== undefined && PASSIVE.has(last.text) && !(verb?.text.endsWith('ing') ?? false);
  }

  private asked(
    normalized: string,
    main: ActionSpan | undefined,
    mentions: Mention[],
    actions: ActionSpan[],
    words: Word[],
  ): Role | undefined {
    const kindsOf = (x: ActionSpan) => x.actions.map((id) => this.lexicon.byId.get(id)?.kind);
    const wh = WH_EN.exec(normalized) ?? WH_ZH.exec(normalized);
    if (!wh) return undefined;
    const named = new Set(mentions.filter((m) => m.ordered).map((m) => m.role));
    // "Stripe's CTO", "深度学习三巨头": a standing role is asked of a person.
    if (main && this.lexicon.byId.get(main.actions[0]!)?.kind === 'relation')
      return named.has('agent') ? 'patient' : 'agent';
    if (/被(谁|誰)|\bby (whom|who)\b/.test(normalized)) return 'agent';
    // "跟谁抢人", "with whom": the other party is asked.
    if (/(跟|和|与|同)(谁|誰)|\b(with|against) (whom|who)\b/.test(normalized)) return 'with';
    // "Who got the billion from Microsoft?": a deed told from the receiving end asks who it was done to.
    if (main && RECEIVING.test(main.text)) return 'patient';
    // "说AI威胁论是蒙昧主义的是哪位": "the one who did it is who", when no one is named before the deed.
    const firstDeed = actions[0];
    if (ONE_WHO_ZH.test(normalized) && firstDeed && !mentions.some((m) => m.end <= firstDeed.start)) return 'agent';
    // "Who got shown the door", "谁被踢出": a passive verb after the question word asks who it was done to.
    if (main && wh.index < main.start && this.passiveBetween(normalized, words, wh.index + wh[0].length, main.start))
      return 'patient';
    // "是谁攒的", "谁牵线", "who sued": the question word right before a verb asks who did it.
    const next = whAction(normalized, actions);
    if (next && kindsOf(next).includes('event')) return 'agent';
    // "Who else did Musk take to court?": the doer is named after the auxiliary; the question asks whom.
    // "Who was OpenAI hoping to beat?": a name between the auxiliary and a verb in -ing is the doer.
    const doing = /\b(?:who|whom)\s+(?:was|were|is|are)\s+(\S+(?:\s\S+)?)\s+[a-z]+ing\b/.exec(normalized);
    if (doing && mentions.some((m) => m.start >= doing.index && m.end <= doing.index + doing[0].length))
      return 'patient';
    if (/\b(who|whom|which [a-z]+)( else)? (did|does|do|will|would|has|have|had|could|can) /.test(normalized))
      return 'patient';
    // "Who did Altman introduce Musk to?": both sides named, the question is after a further one.
    if (named.has('agent') && named.has('patient')) return 'patient';
    // "并进哪家公司", "sued whom": the question word after the verb asks for what it was done to.
    if (main && wh.index > main.start) return 'patient';
    if (named.has('agent')) return 'patient';
    return 'agent';
  }

  /** Capitalised names and model names that no key of the vocabulary holds, not even as a typo. */
  private unknownNames(
    original: string,
    normalized: string,
    words: Word[],
    actions: ActionSpan[],
    mentions: Mention[],
  ): string[] {
    const out: string[] = [];
    const typed = [...original.normalize('NFKC').matchAll(/[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*/g)];
    const chinese = hasHan(original);
    for (const m of typed) {
      const raw = m[0];
      const sentenceStart = /^\s*$|[.?!。?!]\s*$/.test(original.normalize('NFKC').slice(0, m.index));
      const looksNamed =
        /\d/.test(raw) ||
        (!sentenceStart && /^[A-Z]/.test(raw) && raw.length >= 4) ||
        /[a-z][A-Z]|^[A-Z]{2,}[a-z]/.test(raw) ||
        // In a Chinese question a Latin word is a name ("Grok是用什么训练的"), unless it is everyday English.
        (chinese && raw.length >= 4 && !isCommonWord(raw.toLowerCase())) ||
        // An acronym ("CFO", "PBC"), unless it begins a name the article has ("GPT" of GPT-2).
        (/^[A-Z]{2,5}$/.test(raw) && !this.names.latin.some((n) => n.words[0] === raw.toLowerCase()));
      if (!looksNamed) continue;
      if (/\d{4}/.test(raw)) continue;
      const key = normalize(raw);
      const w = words.find((x) => x.text === key);
      if (!w || ENGLISH_STOPWORDS.has(key)) continue;
      if (mentions.some((n) => n.start <= w.start && w.end <= n.end)) continue;
      if (actions.some((a) => a.start <= w.start && w.end <= a.end)) continue;
      // Pinyin typed a syllable at a time: "Wei Ruan" is 微软.
      const at = words.indexOf(w);
      const glued = [`${words[at - 1]?.text ?? ''}${key}`, `${key}${words[at + 1]?.text ?? ''}`];
      if (glued.some((k) => (this.lookup(k)?.entities.length ?? 0) > 0)) continue;
      const c = this.resolve(key).concepts[0];
      // A typed name is known only as itself or as a typo of a name; GPT-3 is no typo of GPT-2, but "gtp-2" is.
      const sameNumber = (c?.key.replace(/\D/g, '') ?? '') === key.replace(/\D/g, '');
      if (!c || (c.fuzzy && ((/\d/.test(key) && !sameNumber) || c.entities.length === 0))) out.push(raw);
    }
    // "what did mira murati say", "what does hinton think": the speaker's place holds a name, in any case.
    const slot = SPEAKER_SLOT.exec(normalized)?.[3]?.split(' ') ?? [];
    const named = words.some(
      (w) => slot.includes(w.text) && mentions.some((m) => m.start <= w.start && w.end <= m.end),
    );
    for (const w of named ? [] : slot) {
      if (w.length < 3 || ENGLISH_STOPWORDS.has(w) || isEnglishWord(w) || out.some((o) => normalize(o) === w)) continue;
      if (!this.resolve(w).concepts.some((c) => !c.fuzzy || c.entities.length > 0)) out.push(w);
    }
    // "release sora", "launch grok": what a deed was done to is a name, even typed in lower case.
    for (const span of actions.filter((x) => x.actions.some((id) => MAKES_THINGS.has(id) || DONE_TO_NAMES.has(id)))) {
      const next = words.find((x) => x.start >= span.end && !ARTICLES.has(x.text) && !PREPOSITIONS.has(x.text));
      if (
        !next ||
        next.start - span.end > 8 ||
        ENGLISH_STOPWORDS.has(next.text) ||
        PINYIN_STOPWORDS.has(next.text) ||
        isCommonWord(next.text) ||
        // A number or a year ("mid-2019") is no name.
        /^\d+$|\d{4}/.test(next.text)
      )
        continue;
      if (mentions.some((n) => n.start <= next.start && next.end <= n.end)) continue;
      if (actions.some((x) => x.start <= next.start && next.end <= x.end)) continue;
      const at = words.indexOf(next);
      const runs = [1, 2, 3].map((n) =>
        words
          .slice(at, at + n)
          .map((x) => x.text)
          .join(''),
      );
      const known = runs.flatMap((k) => [this.lookup(k) ?? []].flat().filter((c) => k === next.text || c.key === k));
      // Once: "xAI" typed with its capitals is already named above.
      if (known.length === 0 && !out.some((o) => normalize(o) === next.text)) out.push(next.text);
    }
    return out;
  }
}

/** Receiving words at the head of a deed's phrase ("got * billion"): the deed seen from the one it was done to. */
const RECEIVING = /^(got|get|gets|getting|receive|received|receives|拿到|收到|获得|得到)\b/;
/** "…的是谁", "…的人是哪位": the one who did what comes before. */
const ONE_WHO_ZH = /的(人)?(就)?是(谁|哪位|哪个人?|何人)/;
/** "What did X say", "what does X think about": the words in X's place, up to three. */
const SPEAKER_SLOT =
  /\b(what|how) (did|does|do|has|have|had) ((?:[a-z]+ ){0,2}[a-z]+) (say|said|think|thought|tweet|tweeted|write|wrote|post|posted|reckon|claim|claimed|argue|argued|feel|felt|believe|believed|respond|responded|reply|replied)\b/;
/** A role named right after its organisation ("the YC boss", "Stripe's former CTO", "Stripe的前CTO"). */
const ROLE_AFTER_ORG = /^\s*(former |then |old |ex |one time )?\s*$|^\s*的?(前|时任|当时的|之前的)?\s*$/;
/** A role named before its organisation ("the CTO of Stripe", "president at YC"). */
const ROLE_BEFORE_ORG = /^\s*(of|at|from|over at)( the)?\s*$/;
/** Between a person and a role said of them: "Sutskever (was) (the) president", "伊利亚是/当/担任". */
const HELD_BY = /^\s*((was|is|be|been|as|the|a|an|ever|once)\s+)*$|^\s*(是|当|当过|担任|担任过|做过)?\s*$/;
/** Words around a role that make it the one asked about. */
const ASKED_BEFORE =
  /(\b(who|whom)\s*(is|was|are|were)?\s*(the\s+)?((ex|former|then|one time)\s+)?|谁是|是谁)\s*$|^\s*(the\s+)?$/;
const ASKED_AFTER = /^\s*(who|that|whose|是谁|是哪位|叫啥|叫什么|是啥人)|的(人)?(就)?是(谁|哪位|何人)\s*$/;
/** A role right after a question word is the kind of answer asked for ("which scientist", "哪位大佬"). */
const WH_BEFORE = /(\b(which|what)\s+([a-z]+\s+)?|哪位|哪个|哪家)\s*$/;
/** A when-question word in Chinese or pinyin; the deed is told right after it or right before 是 and it. */
const ZH_WHEN =
  /什么时候|什麼時候|啥时候|啥時候|几时|何时|哪年哪月|是哪一?年|哪一?年|哪天|几月|\bshen ?me ?shi ?hou\b|\bsha ?shi ?hou\b|\b(?:shi )?na ?(?:yi ?)?nian\b/;
/** The rest of a when-question word: "是哪年哪月", "哪年几月几号". */
const ZH_MORE_WHEN = /哪月|几月|哪天|几号|哪一天|几点/g;
/** Particles and fillers around a Chinese deed: 的, 了, 来着. */
const ZH_PARTICLES = /来着|的|了|吗|呢|啊|呀|吧|\bde\b|\ble\b|\bne\b|\bma\b/g;
const ZH_FILLER = /(那阵子|那会儿|那时候|那段时间|那一年|那次|那件事|这件事|这事儿?|那事儿?|具体|到底|大概)$/;
/** A time clause: its deed dates the question's own ("before he joined", "加入OpenAI之前"). */
const TIME_CLAUSE = /\b(?:before|after|since|until)\b|之前|之后|以前|以后/;
const CONCESSIVE = /\b(?:despite|although|though|even though|in spite of|regardless of)\b|尽管|虽然|虽说|即使|即便/;
const WH_WORD = /\b(?:when|who|what|which|how)\b|什么时候|啥时候|谁|哪/g;

/**
 * Where each concession ends: at the first name or question word after its first deed ("尽管承诺过给钱 马斯克…",
 * "despite his 2015 pledge when did…"), else at the end of the question.
 */
function concessionsIn(
  normalized: string,
  actions: ActionSpan[],
  mentions: Mention[],
): { concessions: Array<[number, number]>; dating: Array<[number, number]> } {
  const wh = [...normalized.matchAll(WH_WORD)].map((m) => m.index);
  const granted = [...normalized.matchAll(new RegExp(CONCESSIVE, 'g'))].map((m): [number, number] => {
    const deed = actions.find((x) => x.start >= m.index);
    if (!deed) return [m.index, m.index];
    const after = [...mentions.map((x) => x.start), ...wh].filter((p) => p >= deed.end);
    return [m.index, after.length > 0 ? Math.min(...after) : normalized.length];
  });
  // "before he joined OpenAI", "加入OpenAI之前": a deed that only dates the one asked about.
  const dating = [...normalized.matchAll(new RegExp(TIME_CLAUSE, 'g'))].flatMap((m): Array<[number, number]> => {
    if (/^[a-z]/.test(m[0])) {
      const deed = actions.find((x) => x.start > m.index && x.start - (m.index + m[0].length) <= 12);
      // "before he joined OpenAI": the name the deed was done to is in the clause too.
      const object = deed && mentions.find((x) => x.start >= deed.end && x.start - deed.end <= 5);
      return deed ? [[m.index, object?.end ?? deed.end]] : [];
    }
    const deed = actions.filter((x) => x.end <= m.index && m.index - x.end <= 12).at(-1);
    return deed ? [[deed.start, m.index + m[0].length]] : [];
  });
  return { concessions: granted, dating };
}

/** Whether a position of the question lies in something it grants in passing. */
export function conceded(a: Analysis, at: number): boolean {
  return a.concessions.some(([from, to]) => from <= at && at < to);
}

function hasNoHanBetween(normalized: string, word: string, s: { start: number }): boolean {
  const at = normalized.lastIndexOf(word, s.start);
  return at >= 0 && !hasHan(normalized.slice(at, s.start));
}

/** The action right after the question word: "who refused", "which company drew flak", "是谁攒的". */
function whAction(normalized: string, actions: ActionSpan[]): ActionSpan | undefined {
  const wh = WH_EN.exec(normalized) ?? WH_ZH.exec(normalized);
  if (!wh) return undefined;
  const whEnd = wh.index + wh[0].length;
  const next = actions.find((x) => x.start >= whEnd);
  return next && /^(\s|是|\s[a-z]+\s)?\s*$/.test(normalized.slice(whEnd, next.start)) ? next : undefined;
}

function insideName(text: string, name: string, start: number, end: number): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (at <= start && end <= at + name.length) return true;
  }
  return false;
}

/** Whether the question typed the word with a capital ("Muks", not "nian"). */
function capitalised(text: string, word: string): boolean {
  const at = text.toLowerCase().indexOf(word);
  return at >= 0 && /[A-Z]/.test(text[at] ?? '');
}
