// Question frames against curated facts: the same action, the named entities in the roles the question gives them.
import type { Corpus, FactEntry } from '../corpus/types.ts';
import { conceded, type Analysis, type Mention, type Role } from './analyze.ts';
import type { Lexicon } from './lexicon.ts';

export interface FactMatch {
  fact: FactEntry;
  /** The fact's place in corpus.facts (FactIndex.facts). */
  at: number;
  score: number;
}

/** How much one shared action counts; saying is the weakest evidence (almost every fact is said by someone). */
const ACTION_WEIGHT = { event: 1, relation: 1, speech: 0.3 } as const;
const NAMED_IN_ROLE = 1;
const NAMED_IN_EVENT = 0.3;
const NAMED_MISSING = -1.5;
const TIE_BONUS = 0.5;
const RECENCY = 0;
/** The action the question word asks about ("who refused") decides between facts of its other actions. */
const WH_ACTION_WEIGHT = 1.5;
/** Each further question action the candidate's facts cover ("joined OpenAI", "sued by Musk"). */
const CLAUSE_BONUS = 0.5;

/** A story told in order: what comes after its last "then" is the point. */
const THEN = /\b(?:then|and then|after that|finally|eventually|in the end)\b|然后|后来|最后|结果|接着|再后来/g;
const THEN_WEIGHT = 1.5;
/** A deed granted in passing ("despite having promised more", "尽管承诺过") is not the one asked about. */
const CONCEDED_WEIGHT = 0.4;

const rolesOf = (f: FactEntry, role: Role): readonly string[] => (role === 'with' ? f.other : f[role]);

export function hasEventAction(a: Analysis, lexicon: Lexicon): boolean {
  return a.actions.some((s) => s.actions.some((id) => lexicon.byId.get(id)?.kind !== 'speech'));
}

/** The curated facts keyed for questions: a question touches only the facts of its own actions and names. */
export class FactIndex {
  readonly facts: readonly FactEntry[];
  /** Per action, its facts' places in `facts`, ascending. */
  private readonly byAction = new Map<string, number[]>();
  readonly byEntity = new Map<string, FactEntry[]>();
  readonly eventEntities: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every action some fact has: the others are deeds the article never reports. */
  readonly reported: ReadonlySet<string>;
  /** Every word that names a fact's object ("openai lp", a book title), each once, in lower case. */
  readonly objectTerms: ReadonlySet<string>;
  /**
   * Facts that score alike for every question share a shape: the same actions, roles, event entities,
   * object and amount (a fact told again by another source). A question scores each shape once.
   */
  readonly shapeOf: Int32Array;
  /** Per shape, its object's words in lower case (empty: no object). */
  readonly shapeObject: ReadonlyArray<readonly string[]>;
  /** Entity pairs some fact names together (in any roles), as "a\u0000b". */
  private readonly together = new Set<string>();
  /** withActions' marks, by place: a fact met through two actions is taken once. */
  private readonly seen: Uint8Array;
  /** matchFacts' marks, by shape, all 0 between calls: a shape is scored once per question. */
  readonly shapeMarks: Int32Array;

  constructor(corpus: Corpus) {
    const push = <T>(map: Map<string, T[]>, key: string, f: T) => {
      const list = map.get(key);
      if (list) list.push(f);
      else map.set(key, [f]);
    };
    this.facts = corpus.facts;
    this.eventEntities = new Map(corpus.events.map((e) => [e.id, new Set(e.entities)]));
    const shapes = new Map<string, number>();
    const shapeOf = new Int32Array(corpus.facts.length);
    const shapeObject: string[][] = [];
    corpus.facts.forEach((f, at) => {
      for (const id of new Set(f.action)) push(this.byAction, id, at);
      const named = new Set([...f.agent, ...f.patient, ...f.other]);
      for (const id of named) push(this.byEntity, id, f);
      for (const x of named) for (const y of named) this.together.add(`${x}\u0000${y}`);
      const inEvent = f.event ? [...(this.eventEntities.get(f.event) ?? [])] : null;
      const key = JSON.stringify([f.action, f.agent, f.patient, f.other, inEvent, f.object ?? null, f.amount ?? null]);
      let shape = shapes.get(key);
      if (shape === undefined) {
        shape = shapes.size;
        shapes.set(key, shape);
        shapeObject.push(f.object ? [...f.object.en, ...f.object.zh].map((t) => t.toLowerCase()) : []);
      }
      shapeOf[at] = shape;
    });
    this.shapeOf = shapeOf;
    this.shapeMarks = new Int32Array(shapes.size);
    this.seen = new Uint8Array(corpus.facts.length);
    this.shapeObject = shapeObject;
    this.reported = new Set(this.byAction.keys());
    this.objectTerms = new Set(
      corpus.facts.flatMap((f) => (f.object ? [...f.object.en, ...f.object.zh] : [])).map((t) => t.toLowerCase()),
    );
  }

  /** The places of the facts with any of these actions, each once: an action's facts in curation order, action by action. */
  withActions(ids: Iterable<string>): number[] {
    const { seen } = this;
    const out: number[] = [];
    for (const id of ids) {
      for (const at of this.byAction.get(id) ?? []) {
        if (seen[at] === 1) continue;
        seen[at] = 1;
        out.push(at);
      }
    }
    for (const at of out) seen[at] = 0;
    return out;
  }

  /** The places of the facts with this action, in curation order. */
  placesOf(action: string): readonly number[] {
    return this.byAction.get(action) ?? [];
  }

  /** Per action: its facts' object words in lower case, and their distinct evidence texts (copies tell alike). */
  private readonly told = new Map<string, { objects: ReadonlySet<string>; evidence: readonly string[] }>();

  toldOf(action: string): { objects: ReadonlySet<string>; evidence: readonly string[] } {
    let t = this.told.get(action);
    if (!t) {
      const facts = this.placesOf(action).map((at) => this.facts[at]!);
      t = {
        objects: new Set(
          facts.flatMap((f) => [...(f.object?.en ?? []), ...(f.object?.zh ?? [])].map((o) => o.toLowerCase())),
        ),
        evidence: [...new Set(facts.map((f) => f.evidence))],
      };
      this.told.set(action, t);
    }
    return t;
  }

  /** Whether some fact names both entities. */
  namedTogether(a: string, b: string): boolean {
    return this.together.has(`${a}\u0000${b}`);
  }
}

/** Narrows matchFacts' answer: only the facts `keep` accepts, and of those only the ones within `slack` of the best. */
export interface FactFilter {
  keep: (at: number) => boolean;
  slack: number;
}

/**
 * The facts that share an action with the question, scored, best first (ties in the order withActions
 * gives). `among` narrows which actions' facts are looked at (the caller needs no others); the scores
 * still count every action asked.
 */

export function matchFacts(
  a: Analysis,
  index: FactIndex,
  lexicon: Lexicon,
  among?: ReadonlySet<string>,
  filter?: FactFilter,
): FactMatch[] {
  const asked = new Set(a.actions.flatMap((s) => s.actions));
  const { eventEntities } = index;
  // Two actions ("joined OpenAI … got sued by Musk") may be two facts: a name missing from one is no veto.
  const clauses = a.actions.filter((s) => s.actions.some((id) => lexicon.byId.get(id)?.kind !== 'speech')).length;
  // In a rambling story the point comes last ("…then got pushed out, when was that?"): later actions weigh more.
  const recency = new Map<string, number>();
  // "…they said no, then he got kicked off: when?": the deed after the last "then" is the one asked about.
  const thenAt = Math.max(-1, ...[...a.normalized.matchAll(THEN)].map((m) => m.index));
  // Only a "then" followed by a deed tells a story ("fired-then-unfired" is one description).
  const lastThen = a.actions.some((x) => x.start > thenAt) ? thenAt : -1;
  a.actions.forEach((span, i) => {
    const told = lastThen >= 0 && span.start < lastThen;
    const aside = conceded(a, span.start) || told ? CONCEDED_WEIGHT : lastThen >= 0 ? THEN_WEIGHT : 1;
    for (const id of span.actions)
      recency.set(
        id,
        Math.max(
          recency.get(id) ?? 0,
          aside *
            (span === a.whAction ? WH_ACTION_WEIGHT : 1) *
            (1 + (a.actions.length > 1 ? (RECENCY * i) / (a.actions.length - 1) : 0)),
        ),
      );
  });
  const scoreOf = (fact: FactEntry, shape: number): number | null => {
    const shared = fact.action.filter((id) => asked.has(id));
    if (shared.length === 0) return null;
    let score = shared.reduce(
      (s, id) => s + ACTION_WEIGHT[lexicon.byId.get(id)?.kind ?? 'event'] * (recency.get(id) ?? 1),
      0,
    );
    let rejected = false;
    const inEvent = fact.event ? eventEntities.get(fact.event) : undefined;
    // Done together ("when did Musk and Altman meet"): any side of the fact will do.
    const together = shared.some((id) => lexicon.byId.get(id)?.symmetric);
    // The question names the fact's object ("OpenAI LP"): a name inside it is no role to check.
    const objectNamed = index.shapeObject[shape]!.some((t) => a.normalized.includes(t));
    // A standing role ("Stripe's CTO") has no word order to read: "the Stripe CTO that Musk sued" puts Stripe
    // before the verb, yet Stripe is the organisation the role is held at, never its holder.
    const standing = fact.action.every((id) => lexicon.byId.get(id)?.kind === 'relation');
    for (const m of a.mentions) {
      // "before OpenAI lured him away": a name that dates the deed is no party to it.
      if (m.anchor) continue;
      const fit = roleFit(fact, together || objectNamed || standing ? { ...m, definite: false } : m);
      // A name only in the story before the last "then" is background: it counts little, and its absence nothing.
      if (
        lastThen >= 0 &&
        m.start < lastThen &&
        a.normalized.indexOf(a.normalized.slice(m.start, m.end), lastThen) < 0
      ) {
        if (fit === 'in') score += NAMED_IN_ROLE * CONCEDED_WEIGHT;
        continue;
      }
      if (fit === 'swapped') rejected = true;
      else if (fit === 'in') score += NAMED_IN_ROLE;
      else if (inEvent?.has(m.entity)) score += NAMED_IN_EVENT;
      else if (clauses <= 1) rejected = true;
      else score += NAMED_MISSING;
    }
    if (objectNamed) score += NAMED_IN_ROLE;
    if (a.amounts.length > 0) {
      // Numbers are exact: $10 billion is not the $1 billion the article reports.
      if (fact.amount !== undefined && a.amounts.includes(fact.amount)) score += NAMED_IN_ROLE;
      else rejected = true;
    }
    return rejected ? null : score;
  };
  // A stable sort by score, as buckets: the few distinct scores are sorted, the facts keep their order.
  // Per shape, scored once: its bucket's place in `lists` + 1, or -1 when the question rules it out (0: not yet).
  const bucketOf = index.shapeMarks;
  const scored: number[] = [];
  const buckets = new Map<number, number>();
  const lists: FactMatch[][] = [];
  const scores: number[] = [];
  /** Scores the fact's shape, marks its bucket, and returns the score (-Infinity: ruled out). */
  const scoreShape = (at: number): number => {
    const shape = index.shapeOf[at]!;
    const score = scoreOf(index.facts[at]!, shape);
    scored.push(shape);
    if (score === null) {
      bucketOf[shape] = -1;
      return -Infinity;
    }
    let known = buckets.get(score);
    if (known === undefined) {
      known = lists.length;
      buckets.set(score, known);
      lists.push([]);
      scores.push(score);
    }
    bucketOf[shape] = known + 1;
    return score;
  };
  const places = index.withActions(among ?? asked);
  // With a filter, the shapes are scored first, so only facts within the slack of the best kept one are made.
  let floor = -Infinity;
  if (filter) {
    let top = -Infinity;
    for (const at of places) {
      if (!filter.keep(at)) continue;
      const b = bucketOf[index.shapeOf[at]!]!;
      const score = b > 0 ? scores[b - 1]! : b < 0 ? -Infinity : scoreShape(at);
      if (score > top) top = score;
    }
    floor = top - filter.slack;
  }
  for (const at of places) {
    if (filter && !filter.keep(at)) continue;
    const shape = index.shapeOf[at]!;
    let b = bucketOf[shape]!;
    if (b === 0) {
      scoreShape(at);
      b = bucketOf[shape]!;
    }
    if (b < 0 || scores[b - 1]! < floor) continue;
    lists[b - 1]!.push({ fact: index.facts[at]!, at, score: scores[b - 1]! });
  }
  for (const shape of scored) bucketOf[shape] = 0;
  // A loop, not flatMap: a thousand articles' facts make buckets of thousands, and flatMap copies them slowly.
  const out: FactMatch[] = [];
  for (const b of [...lists.keys()].sort((x, y) => scores[y]! - scores[x]!)) for (const m of lists[b]!) out.push(m);
  return out;
}

function roleFit(f: FactEntry, m: Mention): 'in' | 'swapped' | 'absent' {
  const inRole = (r: Role) => rolesOf(f, r).includes(m.entity);
  if (!inRole('agent') && !inRole('patient') && !inRole('with')) return 'absent';
  if (m.definite && m.role === 'agent' && inRole('patient') && !inRole('agent')) return 'swapped';
  if (m.definite && m.role === 'patient' && inRole('agent') && !inRole('patient')) return 'swapped';
  return 'in';
}

/**
 * Who fills the role the question asks about, from the best facts: the names it did not say itself.
 * Returns the candidates best first; an empty list when the best facts name nobody new.
 */
export function fillers(
  a: Analysis,
  matches: FactMatch[],
  index: FactIndex,
): Array<{ entity: string; score: number; fact: FactEntry }> {
  const named = new Set(a.mentions.map((m) => m.entity));
  // Asked for the doer, only a doer answers; asked for the one acted on, a party to it may ("并进哪家公司").
  const order: Role[] =
    a.asked === 'patient' ? ['patient', 'with'] : a.asked === 'agent' ? ['agent'] : ['agent', 'patient', 'with'];
  const best = new Map<string, { entity: string; score: number; fact: FactEntry; actions: Set<string> }>();
  for (const { fact, score } of matches) {
    let found: readonly string[] = [];
    for (const r of order) {
      found = rolesOf(fact, r).filter((id) => !named.has(id));
      if (found.length > 0) break;
    }
    for (const entity of found) {
      const old = best.get(entity);
      // One set per candidate, added to: a thousand articles' facts would otherwise copy it per fact.
      if (!old) best.set(entity, { entity, score, fact, actions: new Set(fact.action) });
      else {
        for (const id of fact.action) old.actions.add(id);
        if (score > old.score) {
          old.score = score;
          old.fact = fact;
        }
      }
    }
  }
  // Named by facts of several of the question's actions: each further action covered adds to it.
  const asked = new Set(a.actions.flatMap((s) => s.actions));
  for (const c of best.values())
    c.score += CLAUSE_BONUS * Math.max(0, [...c.actions].filter((id) => asked.has(id)).length - 1);
  // "some guy from Stripe": a name the question ties the answer to, in any fact with the candidate. With two
  // clauses ("the Stripe CTO that Musk sued"), a name the candidate's own fact leaves out ties it the same way.
  const withs = a.mentions.filter((m) => m.role === 'with').map((m) => m.entity);
  const twoClauses = new Set(a.actions.map((s) => s.start)).size > 1;
  for (const c of best.values()) {
    const own = new Set([...c.fact.agent, ...c.fact.patient, ...c.fact.other]);
    const ties = twoClauses ? [...new Set([...withs, ...[...named].filter((e) => !own.has(e))])] : withs;
    for (const t of ties) if (index.namedTogether(c.entity, t)) c.score += TIE_BONUS;
  }
  return [...best.values()].sort((x, y) => y.score - x.score);
}

/**
 * Actions the question names that no curated fact has at all ("bought Twitter", "dropped the lawsuit",
 * "countersued"): the article never reports such a thing, whoever did it.
 */
export function unreported(a: Analysis, index: FactIndex, lexicon: Lexicon): string[] {
  return a.actions
    .filter((s) => s.actions.every((id) => lexicon.byId.get(id)?.kind === 'event' && !index.reported.has(id)))
    .map((s) => s.text);
}

/** "found Neuralink": the things named after a deed that no fact of that deed tells of (by object or evidence). */
export function untold(a: Analysis, index: FactIndex): string[] {
  return a.things
    .filter(
      (t) =>
        !t.actions.some((id) => {
          // Per action, not per fact: a thousand articles tell each deed a thousand times.
          const { objects, evidence } = index.toldOf(id);
          return objects.has(t.text) || t.zh.some((z) => evidence.some((e) => e.includes(z)));
        }),
    )
    .map((t) => t.text);
}
