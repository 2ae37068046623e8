// A question → an Answer, through the question reader: facts for relations and actions, the engine for the rest.
import type { Corpus, DateContext, FactEntry } from '../corpus/types.ts';
import { conceded, QuestionReader, type Analysis } from '../question/analyze.ts';
import { Lexicon } from '../question/lexicon.ts';
import {
  FactIndex,
  fillers,
  hasEventAction,
  matchFacts,
  unreported,
  untold,
  type FactMatch,
} from '../question/matchFacts.ts';
import type { SearchDoc } from '../search/documents.ts';
import { amountsIn } from '../question/amounts.ts';
import { commandFor } from '../question/questionType.ts';
import { normalize, stem } from '../search/normalize.ts';
import { textOverlap } from '../question/overlap.ts';
import {
  absentNote,
  amountNote,
  deedNote,
  noQuotesNote,
  readingOf,
  unknownNote,
  unnamedNote,
} from '../question/notes.ts';
import type { Command, Hit, Search } from '../search/createSearch.ts';
import { SEARCH } from '../search/options.ts';
import type { Answer, Localized, Result } from './types.ts';

/** Facts scoring this far under the best one answer another question. */
const FACT_SLACK = 0.5;
/** The Chinese words before a speaker's verb: "纳德拉对…说了啥" names 纳德拉 as the speaker. */
const ZH_SPEAKER_END = /对|說|说|怎么|怎麼|咋|如何|评价|認為|认为|觉得|是怎么|发推|在/;
/** The asker and hearsay, not a speaker: 我朋友说, 听说, 有人说. */
const ZH_NOT_SPEAKER =
  /^(我|你|他|她|它|有人|大家|网友|听说|据说|朋友|别人)|[之前后刷到听看说我你他她它们的了在有是这那想要会能把被给跟和与就都也还又才再很太最]/;
/** A year the question names ("2018 or so", "2019年"): an event of that year is likelier meant. */
const YEAR = /(?<!\d)(20[12]\d)(?!\d)/g;
const DATE_BONUS = 1;
/** The first time something happened is asked for. */
const FIRST =
  /\b(first|earliest|initial|very first|at first|originally)\b|最早|第一次|第一笔|最初|起初|头一回|首次|启动资金/;
/** Characters from which a question counts as rambling. */
const LONG_QUESTION = 60;
/** How much the fact's paragraph sharing the question's other words counts. */
const OVERLAP_WEIGHT = 0.8;
/** Family and partners: asked after them, the answer is someone the article never names. */
const KIN =
  /\b(brother|brothers|sister|sisters|wife|wives|husband|son|sons|daughter|daughters|kid|kids|child|children|father|dad|mother|mom|mum|parents|girlfriend|boyfriend|partner|spouse|family|cousin|uncle|aunt)\b|弟弟|哥哥|姐姐|妹妹|兄弟姐妹|老婆|妻子|太太|丈夫|老公|儿子|女儿|孩子|父亲|爸爸|母亲|妈妈|父母|女友|女朋友|男友|男朋友|家人|亲戚|前妻|前夫|夫人|伴侣|ex-wife|ex wife/;
/** A verb of saying somewhere after a name: it makes the name the speaker. */
const SAID_AFTER =
  /\b(say|said|says|think|thought|thinks|tweet|tweeted|write|wrote|respond|responded|reply|replied|react|reacted|claim|claimed|call|called|comment|commented|put it|feel|felt)\b|说|讲|评价|看|回应|回复|表示|认为|觉得|称|发推|原话/;
/** A quote matching a who-question this well names its speaker as the answer. */
const SAID_BY_SCORE = 0.5;
const SAID_OF_NAMED_SCORE = 0.7;
/** A fact naming the quote counts for a share of a full-coverage text match. */
const QUOTE_FACT_WEIGHT = 0.3;

/** Actions that are done in words: a question about them asks for a quote. */
const SAYING_ACTIONS = new Set(['criticise', 'reply', 'warn', 'promise']);

/** "which carmaker", "哪家公司", "the guy who": the noun after the question word. */
const WH_NOUN =
  /\b(?:which|what) ([a-z]+)|哪(?:家|个|位)?(公司|企业|人|平台|机构|大厂)|\b(guy|person|man|woman|dude)\b/;
const PERSON_NOUNS = new Set([
  'computer',
  'godfather',
  'person',
  'guy',
  'man',
  'woman',
  'dude',
  'scientist',
  'researcher',
  'engineer',
  'executive',
  'founder',
  'cofounder',
  'investor',
  'billionaire',
  '人',
]);
const WH_NOUN_BONUS = 0.4;
/** A message asked about by its medium: its words are wanted, whoever the names before it are. */
const MEDIUM_ASKED =
  /那条|那封|那篇|那段|推文|帖子|邮件|发推|\b(?:tweet|tweets|tweeted|email|emails|emailed|post|posted|blog)\b/;

/**
 * The noun the question word asks for ("which carmaker", "the guy who", "哪家公司"). In "which famous computer
 * scientist" it is the person noun among the next few words, else the last of them.
 */
function askedNoun(a: Analysis): string | undefined {
  const m = WH_NOUN.exec(a.normalized);
  const words = (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').split(' ');
  return (words.find((w) => PERSON_NOUNS.has(w)) ?? words[words.length - 1]) || undefined;
}

/** The years a question names, but not in what it grants in passing. */
const yearsAsked = (a: Analysis) =>
  [...a.normalized.matchAll(YEAR)].filter((m) => !conceded(a, m.index)).map((m) => m[1]!);

const clauses = (a: Analysis) => new Set(a.actions.map((s) => s.start)).size;

export interface QuestionAnswerer {
  answer(command: Command, query: string): Answer;
  /** The subcommand a free-form question is for, or undefined when its words do not say. */
  route(query: string): Command | undefined;
  reader: QuestionReader;
  /** Forgets the last reading kept for `ask` (the benchmark's "uncached"). */
  clearCache(): void;
}

export function createQuestionAnswerer(
  corpus: Corpus,
  search: Search,
  toResult: (hit: Hit) => Result,
): QuestionAnswerer {
  const lexicon = new Lexicon(corpus.actions);
  const facts = new FactIndex(corpus);
  const quotesBy = new Map<string, SearchDoc[]>();
  for (const d of search.collections.quote) {
    if (d.subject === undefined) continue;
    const list = quotesBy.get(d.subject);
    if (list) list.push(d);
    else quotesBy.set(d.subject, [d]);
  }
  /** Per speaker: their quotes' places in the quote collection, and each quote's place among them. */
  const quotePlace = new Map(search.collections.quote.map((d, i) => [d, i]));
  const ownPlaces = new Map(
    [...quotesBy].map(([speaker, own]) => [speaker, Int32Array.from(own, (d) => quotePlace.get(d)!)]),
  );
  const ownPlace = new Map([...quotesBy.values()].flatMap((own) => own.map((d, i): [string, number] => [d.id, i])));
  // Every sum the article names: a question about another sum asks about something it does not report.
  const knownAmounts = new Set(corpus.paragraphs.flatMap((p) => amountsIn(normalize(p.text))));
  const reader = new QuestionReader(
    corpus,
    lexicon,
    (t) => search.resolve(t),
    (w) => search.lookup(w),
  );
  const byId = (command: Command) => new Map(search.collections[command].map((d) => [d.id, d]));
  const docs = { when: byId('when'), quote: byId('quote'), who: byId('who') };
  const quoteByDoc = new Map(corpus.quotes.map((q) => [`quote:${q.id}`, q]));
  const factsOfQuote = new Map<string, FactEntry[]>();
  for (const f of corpus.facts) {
    if (f.quote === undefined) continue;
    const list = factsOfQuote.get(f.quote);
    if (list) list.push(f);
    else factsOfQuote.set(f.quote, [f]);
  }
  /** The `when` document a fact answers with: its event's, else its paragraph's. */
  const whenPlace = new Map(search.collections.when.map((d, i) => [d.id, i]));
  /** Per fact (by place), its document's place in the `when` collection; -1: none. */
  const factWhen = Int32Array.from(
    corpus.facts,
    (f) => whenPlace.get(f.event ? `event:${f.event}` : `paragraph:${f.ref}`) ?? -1,
  );
  const docOf = (m: FactMatch) => search.collections.when[factWhen[m.at]!];
  /** when's marks, by place: a document several facts name is taken once. */
  const whenSeen = new Uint8Array(search.collections.when.length);
  // Suggestions, indexed once: the dated events by year, and each command's curated documents by entity.
  const events = search.collections.when.filter((d) => d.kind === 'event' && d.date !== null);
  const eventsByYear = new Map<number, SearchDoc[]>();
  for (const d of events) {
    const y = Number(d.date!.start.slice(0, 4));
    const list = eventsByYear.get(y);
    if (list) list.push(d);
    else eventsByYear.set(y, [d]);
  }
  const years = [...eventsByYear.keys()];
  const order = new Map(events.map((d, i) => [d, i]));
  const curatedBy = Object.fromEntries(
    (['when', 'quote', 'who'] as const).map((c) => {
      const by = new Map<string, number[]>();
      search.collections[c].forEach((d, i) => {
        if (d.kind === 'paragraph') return;
        for (const id of d.entities) {
          const list = by.get(id);
          if (list) list.push(i);
          else by.set(id, [i]);
        }
      });
      return [c, by];
    }),
  ) as Record<Command, Map<string, number[]>>;

  /** The first `k` dated events by distance from the year, ties in the article's order (a stable sort's). */
  function nearestEvents(year: number, k: number): SearchDoc[] {
    const byDistance = [...new Set(years.map((y) => Math.abs(y - year)))].sort((x, y) => x - y);
    const out: SearchDoc[] = [];
    for (const d of byDistance) {
      const tied = [eventsByYear.get(year - d) ?? [], d === 0 ? [] : (eventsByYear.get(year + d) ?? [])];
      // Both years at this distance: merged back into the article's order.
      const merged =
        tied[1]!.length === 0 ? tied[0]! : [...tied[0]!, ...tied[1]!].sort((x, y) => order.get(x)! - order.get(y)!);
      for (const doc of merged) {
        out.push(doc);
        if (out.length >= k) return out;
      }
    }
    return out;
  }
  /** The first `k` curated documents of the command (in its order) that are about any of the entities. */
  function curatedAbout(command: Command, entities: readonly string[], k: number): SearchDoc[] {
    const lists = entities.map((id) => curatedBy[command].get(id) ?? []);
    const picked = new Set<number>();
    // Each list is in collection order: the first k of each hold the first k of their union.
    for (const l of lists) for (const i of l.slice(0, k)) picked.add(i);
    return [...picked]
      .sort((x, y) => x - y)
      .slice(0, k)
      .map((i) => search.collections[command][i]!);
  }

  function found(command: Command, query: string, a: Analysis, results: Result[]): Answer {
    return {
      kind: 'found',
      command,
      query,
      reading: { command, text: readingOf(command, a, corpus, lexicon) },
      results,
    };
  }

  function notFound(command: Command, query: string, a: Analysis, note?: Localized): Answer {
    const suggestions = suggestionsFor(command, a).slice(0, SEARCH.maxSuggestions);
    return {
      kind: 'notFound',
      command,
      query,
      reading: { command, text: readingOf(command, a, corpus, lexicon) },
      suggestions: [...new Set(suggestions)],
      ...(note ? { note } : {}),
    };
  }

  /** What to try instead: near matches, else what the article holds near the year or about the names asked. */
  function suggestionsFor(command: Command, a: Analysis): string[] {
    const tried = search.search(command, a.topic);
    if (tried.hits.length > 0) return tried.hits.map((h) => h.doc.suggestion);
    const year = Number([...a.normalized.matchAll(YEAR)][0]?.[1]);
    // "2020": the events nearest to that year, not the first ones the article tells.
    if (command === 'when' && Number.isFinite(year))
      return nearestEvents(year, SEARCH.maxSuggestions).map((d) => d.suggestion);
    const named = a.mentions.map((m) => m.entity);
    if (named.length === 0) return tried.suggestions;
    if (command === 'who') {
      const people = named.flatMap((id) => docs.who.get(`entity:${id}`)?.suggestion ?? []);
      return [...people, ...tried.suggestions];
    }
    // The names asked about: the events and quotes the article has of them.
    const about = curatedAbout(command, named, SEARCH.maxSuggestions);
    return [...about.map((d) => d.suggestion), ...tried.suggestions];
  }

  function plain(command: Command, query: string, a: Analysis): Answer {
    // "when grok": a word met only as a near-spelling of some ordinary word is no question the article answers.
    const read = search.resolve(a.topic).concepts;
    if (read.length > 0 && read.every((c) => c.fuzzy && c.priority <= 1 && c.entities.length === 0))
      return notFound(command, query, a);
    let { hits } = search.search(command, a.topic);
    if (hits.length === 0 && (command === 'quote' || [...query].length >= LONG_QUESTION)) {
      // A rambling question loses its point in its own noise: ask again with only the words the article knows.
      const resolved = search.resolve(a.topic);
      const known = resolved.concepts.filter((c) => c.priority >= 2 && !c.fuzzy);
      // Only where the article knows most of what was said: "lorem ipsum dolor" is not retried as "donor".
      if (known.length < Math.max(2, resolved.unmatched.length)) known.length = 0;
      const core = known.map((c) => c.display ?? c.zh[0] ?? c.en[0] ?? '').join(' ');
      if (core.trim() !== '') hits = search.search(command, core).hits;
    }
    if (hits.length === 0) return notFound(command, query, a);
    return found(command, query, a, hits.map(toResult));
  }

  /** The facts within the slack of the best; `matches` is sorted best first, so a prefix. */
  const best = (matches: FactMatch[]) => {
    const floor = (matches[0]?.score ?? 0) - FACT_SLACK;
    const end = matches.findIndex((m) => m.score < floor);
    return end < 0 ? matches : matches.slice(0, end);
  };

  function when(query: string, a: Analysis): Answer {
    const objectNamed = [...facts.objectTerms].some((t) => a.normalized.includes(t));
    // Without a name, two deeds still single out an event ("the guy who got fired and came back").
    const deeds = new Set(
      a.actions.filter((x) => x.actions.some((id) => lexicon.byId.get(id)?.kind === 'event')).map((x) => x.start),
    ).size;
    if (!hasEventAction(a, lexicon) || (a.mentions.length === 0 && !objectNamed && deeds < 2))
      return plain('when', query, a);
    const years = yearsAsked(a);
    const withDoc = (at: number) => factWhen[at]! >= 0;
    // Without a year the best are those within the slack of the best, and matchFacts makes only those (a
    // thousand articles tell each deed a thousand times); a year asked about raises its facts, so all are scored.
    const near =
      years.length === 0
        ? matchFacts(a, facts, lexicon, undefined, { keep: withDoc, slack: FACT_SLACK })
        : best(
            matchFacts(a, facts, lexicon)
              .filter((m) => withDoc(m.at))
              .map((m) => ({
                ...m,
                score: m.score + (years.some((y) => docOf(m)!.date?.start.startsWith(y)) ? DATE_BONUS : 0),
              }))
              .sort((x, y) => y.score - x.score),
          );
    const matches = FIRST.test(a.normalized) ? best(earliestFirst(near)) : near;
    if (matches.length === 0) return notFound('when', query, a, absentNote(a, corpus, lexicon));
    // Best first, so a document's first fact is its best (floored at 0): the documents come in score order.
    const places: number[] = [];
    const placeScore: number[] = [];
    // A deed told only by someone's words (Musk's 2015 email pledging $1 billion, quoted in a 2024 paragraph)
    // happened when the words were said: its answer carries the quote's date, not the paragraph's.
    const saidWhen = new Map<SearchDoc, DateContext>();
    for (const m of matches) {
      const p = factWhen[m.at]!;
      if (whenSeen[p] === 1) continue;
      whenSeen[p] = 1;
      places.push(p);
      placeScore.push(Math.max(0, m.score));
      const said = m.fact.event === undefined && m.fact.quote ? quoteByDoc.get(`quote:${m.fact.quote}`)?.date : null;
      if (said) saidWhen.set(search.collections.when[p]!, said);
    }
    for (const p of places) whenSeen[p] = 0;
    const ranked = search.search('when', a.topic, { only: places, minCoverage: 0 }).hits;
    // Only the ranked few gain a text score; of the rest, the first few in order are the best.
    const rankedHit = new Map(ranked.map((h) => [h.doc, h]));
    const hits: Hit[] = [];
    let others = 0;
    let rankedSeen = 0;
    for (let i = 0; i < places.length && (rankedSeen < rankedHit.size || others < SEARCH.maxResults); i++) {
      const doc = search.collections.when[places[i]!]!;
      const hit = rankedHit.get(doc);
      if (hit) rankedSeen++;
      else if (others < SEARCH.maxResults) others++;
      else continue;
      hits.push({ doc, score: placeScore[i]! + (hit?.score ?? 0), terms: hit?.terms ?? [] });
    }
    hits.sort((x, y) => y.score - x.score);
    const top = hits[0]!.score;
    const results = hits.filter((h) => h.score >= top - FACT_SLACK).slice(0, SEARCH.maxResults);
    return found(
      'when',
      query,
      a,
      results.map((h) => {
        const r = toResult({ ...h, score: Math.min(1, h.score / top) });
        const said = saidWhen.get(h.doc);
        return said ? { ...r, date: said } : r;
      }),
    );
  }

  /** "The very first pile of cash", "最早那笔钱": of the facts within the slack of the best, the earliest first. */
  function earliestFirst(sorted: FactMatch[]): FactMatch[] {
    const near = best(sorted);
    const start = (m: FactMatch) => docOf(m)?.date?.start ?? '9999';
    const earliest = near.reduce((min, m) => (start(m) < min ? start(m) : min), '9999');
    return sorted
      .map((m) => (near.includes(m) && start(m) === earliest ? { ...m, score: m.score + DATE_BONUS } : m))
      .sort((x, y) => y.score - x.score);
  }

  /**
   * "Who's the Stripe guy?", "the Y Combinator person": a person asked after organisations alone, with no
   * deed: the people the article ties to all of them by a standing role (CTO of, president of, worked at).
   */
  function peopleOf(a: Analysis): Result[] {
    const noun = askedNoun(a);
    const orgs = a.mentions.map((x) => x.entity);
    if (
      noun === undefined ||
      !PERSON_NOUNS.has(noun) ||
      orgs.length === 0 ||
      orgs.some((id) => corpus.entityById.get(id)?.kind === 'person')
    )
      return [];
    return corpus.facts
      .filter((f) => f.action.some((id) => lexicon.byId.get(id)?.kind === 'relation'))
      .filter((f) => orgs.every((id) => f.patient.includes(id) || f.other.includes(id)))
      .flatMap((f) => f.agent.filter((id) => corpus.entityById.get(id)?.kind === 'person').map((id) => ({ id, f })))
      .filter((x, i, all) => all.findIndex((y) => y.id === x.id) === i)
      .slice(0, SEARCH.maxResults)
      .flatMap(({ id, f }) => entityWithFact(id, f.ref, f.evidence, 1) ?? []);
  }

  /** "Which carmaker", "which platform", "the guy who": the kind of answer the question word names. */
  function kindFit(a: Analysis, entity: string): number {
    const noun = askedNoun(a);
    const e = corpus.entityById.get(entity);
    if (!noun || !e) return 0;
    const wantsPerson = PERSON_NOUNS.has(noun);
    const kindOk = wantsPerson ? e.kind === 'person' : e.kind !== 'person';
    const described = /[a-z]/.test(noun) && e.role.en.toLowerCase().includes(stem(noun)) ? WH_NOUN_BONUS : 0;
    return (kindOk ? WH_NOUN_BONUS : -WH_NOUN_BONUS) + described;
  }

  /**
   * A standing role the question states of a person it names ("Altman was YC's president?"), confirmed by a
   * fact naming every party asked: that person, with the paragraph that says so.
   */
  function confirmedBy(a: Analysis, fact: FactEntry | undefined): Result | undefined {
    if (!fact || !fact.action.every((id) => lexicon.byId.get(id)?.kind === 'relation')) return undefined;
    const parties = new Set([...fact.agent, ...fact.patient, ...fact.other]);
    const named = a.mentions.filter((m) => !m.anchor).map((m) => m.entity);
    if (!named.every((id) => parties.has(id))) return undefined;
    const person = fact.agent.find((id) => named.includes(id) && corpus.entityById.get(id)?.kind === 'person');
    return person === undefined ? undefined : entityWithFact(person, fact.ref, fact.evidence, 1);
  }

  /** An entity's card, with the paragraph that states the fact as its passage. */
  function entityWithFact(entity: string, ref: string, evidence: string, score: number): Result | undefined {
    const doc = docs.who.get(`entity:${entity}`);
    const para = corpus.byRef.get(ref);
    if (!doc || !para) return undefined;
    const card = toResult({ doc, score, terms: [] });
    return {
      ...card,
      passage: para.text,
      ref: para.ref,
      section: { id: para.section.id, en: para.section.en, zh: para.section.zh },
      gloss: para.gloss,
      date: para.date,
      highlights: [evidence],
    };
  }

  function who(query: string, a: Analysis): Answer {
    // Whose words the question describes: looked up once, whichever step below asks first.
    let said: Result | undefined | null = null;
    const saidBy = () => (said === null ? (said = speakerOf(a)) : said);
    const saying = a.actions.some((x) => x.actions.some((id) => lexicon.byId.get(id)?.kind === 'speech'));
    // "Who called AI-threat talk obscurantism?": whoever said the words, before any deed they name.
    const askedOther = a.asked === 'patient' || a.asked === 'with';
    if (saying && a.type === 'who' && !askedOther) {
      const speaker = saidBy();
      if (speaker && speaker.score >= SAID_BY_SCORE) return found('who', query, a, [speaker]);
    }
    // "扎克伯格说谁不负责任?", "who did OpenAI label a hypocrite?": the one the words are about.
    if (hasEventAction(a, lexicon) || (saying && askedOther)) {
      const all = matchFacts(a, facts, lexicon);
      // One clause, one fact; "joined OpenAI … got sued by Musk" is two, and the answer is in both.
      const asked = new Set(
        a.actions.flatMap((x) => x.actions).filter((id) => lexicon.byId.get(id)?.kind !== 'speech'),
      );
      const coversAll = all[0] !== undefined && [...asked].every((id) => all[0]!.fact.action.includes(id));
      const matches = clauses(a) > 1 && !coversAll ? all : best(all);
      // "Which company…", "which platform…": the noun says what kind of answer, whichever role it fills.
      const byKind = WH_NOUN.test(a.normalized) ? { ...a, asked: undefined } : a;
      // "2019年夏天谁当了金主": a year asked raises the facts of that year.
      const years = yearsAsked(a);
      const ofYear = (f: FactEntry) => {
        const date = docs.when.get(f.event ? `event:${f.event}` : `paragraph:${f.ref}`)?.date;
        return years.some((y) => date?.start.startsWith(y)) ? DATE_BONUS : 0;
      };
      const candidates = fillers(byKind, matches, facts)
        .map((c) => ({
          ...c,
          score:
            c.score +
            OVERLAP_WEIGHT * textOverlap(a.topic, corpus.byRef.get(c.fact.ref)) +
            kindFit(a, c.entity) +
            ofYear(c.fact),
        }))
        .sort((x, y) => y.score - x.score);
      if (candidates.length === 0) {
        // "Altman was YC president or sth? who is he": the best fact names everyone asked, so it confirms them.
        const confirmed = confirmedBy(a, matches[0]?.fact);
        if (confirmed) return found('who', query, a, [confirmed]);
        const unnamed = matches[0]?.fact.unnamed;
        return notFound('who', query, a, unnamed ? unnamedNote(unnamed) : absentNote(a, corpus, lexicon));
      }
      const top = candidates[0]!.score;
      const results = candidates
        .filter((c) => c.score >= top - FACT_SLACK)
        .slice(0, SEARCH.maxResults)
        .flatMap((c) => entityWithFact(c.entity, c.fact.ref, c.fact.evidence, c.score / top) ?? []);
      if (results.length > 0) return found('who', query, a, results);
    }
    const tied = a.actions.length === 0 ? peopleOf(a) : [];
    if (tied.length > 0) return found('who', query, a, tied);
    // Words described with no name ("担心AGI被别有用心的人拿去干坏事的是哪位") or a deed no fact tells: their speaker.
    const words = a.type === 'who' && (a.actions.length > 0 || a.mentions.length === 0) ? saidBy() : undefined;
    if (words && (a.actions.length > 0 || words.score >= SAID_BY_SCORE)) return found('who', query, a, [words]);
    // "Who is Elon's brother?": the article names nobody's family.
    if (a.type === 'who' && KIN.test(a.normalized)) return notFound('who', query, a);
    const answer = plain('who', query, a);
    if (answer.kind === 'found' || a.type !== 'who') return answer;
    // "Who took the 'save the world if he's the saviour' shot at Musk?": no deed, no card, but someone's words.
    // With a name asked about, its card is the fallback: the words must match better to win over it.
    const speaker = saidBy();
    const bar = a.mentions.length > 0 ? SAID_OF_NAMED_SCORE : SAID_BY_SCORE;
    if (speaker && speaker.score >= bar) return found('who', query, a, [speaker]);
    // "who's greg again?", "伊利亚到底是何方神圣": one name and no deed asks who that is, unless it asks after
    // their kin ("Elon's brother", "马斯克的老婆"), whom the article does not name.
    const named = new Set(a.mentions.filter((m) => !m.anchor).map((m) => m.entity));
    if (a.actions.length === 0 && named.size === 1) {
      const card = docs.who.get(`entity:${[...named][0]!}`);
      if (card) return found('who', query, a, [toResult({ doc: card, score: 1, terms: [] })]);
    }
    return speaker ? found('who', query, a, [speaker]) : answer;
  }

  /** "Who called Musk a hypocrite?": whoever said it, found through the quotes. */
  function speakerOf(a: Analysis): Result | undefined {
    // The words asked about, without the names: a quote that only mentions them is not the one described.
    const names = a.mentions.map((m) => a.normalized.slice(m.start, m.end));
    const words = names.reduce((topic, name) => topic.split(name).join(' '), unsaid(a)).trim();
    if (words === '') return undefined;
    const quoted = search.search('quote', words).hits[0];
    const q = quoted ? quoteByDoc.get(quoted.doc.id) : undefined;
    if (!quoted || !q) return undefined;
    // Words a quote reports of someone else ("他随后告诉我们注定会失败" in OpenAI's post): the fact of the deed
    // asked about names who said them.
    const deeds = new Set(a.actions.flatMap((x) => x.actions).filter((id) => lexicon.byId.get(id)?.kind !== 'speech'));
    const reported = (factsOfQuote.get(q.id) ?? []).find((f) => f.action.some((id) => deeds.has(id)));
    const speaker = reported?.agent[0] ?? quoted.doc.subject;
    return speaker ? entityWithFact(speaker, q.ref, q.text, quoted.score) : undefined;
  }

  /** A Chinese speaker the article does not know: the words before 对/说/怎么 name nobody it has. */
  function unknownZhSpeaker(a: Analysis): string | undefined {
    const end = a.normalized.search(ZH_SPEAKER_END);
    if (end < 2) return undefined;
    const head = a.normalized.slice(0, end).trim();
    if (!/^\p{Script=Han}{2,5}$/u.test(head) || ZH_NOT_SPEAKER.test(head) || a.mentions.some((m) => m.start < end))
      return undefined;
    const known = search.resolve(head).concepts.some((c) => c.priority > 1 || c.entities.length > 0);
    return known ? undefined : head;
  }

  /**
   * The topic without its verbs of saying: "what did Elon claim was…" asks about what, not about claims. A verb
   * that names a medium ("tweet") stays: it says where the words are.
   */
  function unsaid(a: Analysis): string {
    const said = a.actions.filter((x) => x.actions.every((id) => lexicon.byId.get(id)?.kind === 'speech'));
    if (said.length === 0) return a.topic;
    const words = new Set(said.flatMap((x) => x.text.split(' ')).filter((w) => !MEDIUM_ASKED.test(w)));
    const rest = a.topic
      .split(' ')
      .filter((w) => !words.has(w))
      .join(' ');
    return rest === '' ? a.topic : rest;
  }

  function quote(query: string, a: Analysis): Answer {
    const stranger = unknownZhSpeaker(a);
    if (stranger) return notFound('quote', query, a, unknownNote([stranger], corpus, a));
    // A bare name ("Tesla") is a topic; a speaker is asked for ("what did X say", "X怎么评价").
    // "马斯克在邮件里说…被谷歌甩开": the one name before the verb of saying speaks, whatever roles come after it.
    const saying = a.actions.find((x) => x.actions.every((id) => lexicon.byId.get(id)?.kind === 'speech'));
    const beforeSaying = saying ? a.mentions.filter((m) => !m.anchor && m.end <= saying.start) : [];
    const first =
      (beforeSaying.length === 1 ? beforeSaying[0] : undefined) ??
      a.mentions.find((m) => m.role === 'agent' && m.definite) ??
      a.mentions[0];
    const asksSpeaker =
      a.type === 'quote' ||
      a.actions.some((s) => s.actions.some((id) => lexicon.byId.get(id)?.kind === 'speech')) ||
      // "Altman 怎么 diss Musk": the one doing it is the one quoted.
      (first?.role === 'agent' &&
        a.actions.some((s) => s.start >= first.end && s.actions.some((id) => SAYING_ACTIONS.has(id))));
    const speaker = first?.entity;
    if (!speaker || !asksSpeaker) return plain('quote', query, a);
    const own = quotesBy.get(speaker) ?? [];
    if (own.length === 0) {
      // "What did Microsoft say": asked of a speaker with no quotes, that is the honest answer; a name
      // that only leads the sentence ("Tesla 跟 OpenAI 抢人那条 tweet") is a topic.
      // "the email about Google…", "Tesla…那条 tweet 怎么说的": the words asked for are the medium's, not the
      // name's ("What did Microsoft say in its blog post" still asks Microsoft).
      const before = a.normalized.slice(0, first.start);
      const after = a.normalized.slice(first.end);
      const aboutMedium = MEDIUM_ASKED.test(before) || (/\p{Script=Han}/u.test(after) && MEDIUM_ASKED.test(after));
      // Named as a speaker only when a verb of saying follows the name ("What did Microsoft say"); "tesla = only
      // hope vs google?? what was the exact line" asks for words about Tesla.
      const said = SAID_AFTER.test(after);
      const named = first.definite || (a.type === 'quote' && said && !aboutMedium);
      return named ? notFound('quote', query, a, noQuotesNote(speaker, corpus)) : plain('quote', query, a);
    }
    const { hits } = search.search('quote', unsaid(a), { only: ownPlaces.get(speaker)!, minCoverage: 0 });
    // The quotes whose facts the question's actions name ("what OpenAI has become") rank first.
    const factBoost = new Map<string, number>();
    const done = new Set(a.actions.flatMap((x) => x.actions).filter((id) => lexicon.byId.get(id)?.kind !== 'speech'));
    for (const m of matchFacts(a, facts, lexicon, done)) {
      if (m.fact.quote)
        factBoost.set(`quote:${m.fact.quote}`, Math.max(factBoost.get(`quote:${m.fact.quote}`) ?? 0, m.score));
    }
    const byDoc = new Map(hits.map((h) => [h.doc.id, h]));
    // Only a hit or a quote a fact names can score above 0; with neither, every quote scores 0 and
    // none is shown (the cutoff is relative to 1). The rest are never looked at.
    const scored: Array<{ doc: SearchDoc; score: number; terms: string[]; place: number }> = [];
    for (const id of new Set([...byDoc.keys(), ...factBoost.keys()])) {
      const place = ownPlace.get(id);
      const doc = docs.quote.get(id);
      if (place === undefined || doc?.subject !== speaker) continue;
      const hit = byDoc.get(id);
      const score = (hit?.score ?? 0) + (factBoost.get(id) ?? 0) * QUOTE_FACT_WEIGHT;
      if (score > 0) scored.push({ doc, score, terms: hit?.terms ?? [], place });
    }
    let top = 0;
    for (const h of scored) if (h.score > top) top = h.score;
    top ||= 1;
    // The best few by score, then by place among the speaker's quotes, as sorting them all by place and
    // then by score would give: a thousand articles' facts name thousands of quotes, and few are shown.
    const shown: typeof scored = [];
    const before = (x: (typeof scored)[number], y: (typeof scored)[number]) =>
      x.score > y.score || (x.score === y.score && x.place < y.place);
    for (const h of scored) {
      if (h.score < top * SEARCH.relativeCutoff) continue;
      if (shown.length === SEARCH.maxResults && !before(h, shown[shown.length - 1]!)) continue;
      let at = shown.length;
      while (at > 0 && before(h, shown[at - 1]!)) at--;
      shown.splice(at, 0, h);
      if (shown.length > SEARCH.maxResults) shown.pop();
    }
    return found(
      'quote',
      query,
      a,
      shown.map((h) => toResult({ ...h, score: h.score / top })),
    );
  }

  // `ask` reads a question to route it, then the command it routes to (or all three) reads it again.
  let lastRead: { query: string; a: Analysis } | undefined;
  function readOnce(query: string): Analysis {
    if (lastRead?.query !== query) lastRead = { query, a: reader.read(query) };
    return lastRead.a;
  }

  function answer(command: Command, query: string): Answer {
    const a = readOnce(query);
    if (a.unknown.length > 0) return notFound(command, query, a, unknownNote(a.unknown, corpus, a));
    if (command !== 'quote' && unreported(a, facts, lexicon).length > 0)
      return notFound(command, query, a, absentNote(a, corpus, lexicon));
    if (command !== 'quote' && a.unknownDeed !== undefined)
      return notFound(command, query, a, deedNote(a.unknownDeed, a, corpus));
    const things = command === 'quote' ? [] : untold(a, facts);
    if (things.length > 0) return notFound(command, query, a, absentNote(a, corpus, lexicon, things));
    const strange = a.amounts.filter((n) => !knownAmounts.has(n));
    if (strange.length > 0) return notFound(command, query, a, amountNote(strange, corpus, a));
    if (command === 'when') return when(query, a);
    if (command === 'who') return who(query, a);
    return quote(query, a);
  }

  function route(query: string): Command | undefined {
    const a = readOnce(query);
    const kinds = new Set(a.actions.flatMap((s) => s.actions));
    const speech = [...kinds].some((id) => lexicon.byId.get(id)?.kind === 'speech');
    const first = a.mentions[0];
    // "Musk griping that…", "Altman 怎么 diss Musk", "马斯克在邮件里说要给多少钱": someone's words are asked for.
    const saying =
      speech ||
      (first?.role === 'agent' &&
        [...kinds].some((id) => SAYING_ACTIONS.has(id)) &&
        a.actions.some((s) => s.start >= first.end));
    if ((a.type === undefined || a.type === 'howMuch' || a.type === 'why' || a.type === 'what') && saying && first)
      return 'quote';
    return commandFor(a.type);
  }

  return {
    answer,
    route,
    reader,
    clearCache: () => {
      lastRead = undefined;
    },
  };
}
