// Raw data files → a validated Corpus. Pure: it is handed a reader, it never opens a file itself.
import { createHash } from 'node:crypto';
import { DataError, parseWith } from './dataError.ts';
import { dateInText, fromSpec, inherit } from './dates.ts';
import { parseArticle, type RawParagraph } from './parseArticle.ts';
import {
  actionsSchema,
  aliasesSchema,
  factsSchema,
  dateOverridesSchema,
  entitiesSchema,
  eventsSchema,
  externalDatesSchema,
  glossesSchema,
  noiseSchema,
  quotesSchema,
  sourcesSchema,
  type Dated,
  type ExternalDate,
  type Source,
} from './schema.ts';
import type { Corpus, DateContext, EventEntry, FactEntry, Paragraph, QuoteEntry } from './types.ts';

/** Reads a data file by its path relative to the project root ("data/sources.json"); undefined if absent. */
export type ReadData = (path: string) => string | undefined;

function readText(read: ReadData, path: string): string {
  const text = read(path);
  if (text === undefined) throw new DataError(path, undefined, undefined, 'file is missing');
  return text;
}

function readJson(read: ReadData, path: string): unknown {
  const text = readText(read, path);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new DataError(path, undefined, undefined, `not valid JSON (${(err as Error).message})`);
  }
}

/**
 * Each body paragraph's date: its own (curated, or read from its text), else the nearest earlier own date,
 * carried down the narrative as approximate and flagged when it crosses a section heading.
 */
function narrativeDates(
  raw: RawParagraph[],
  ownDate: (p: RawParagraph) => DateContext | null,
  ref: (local: string) => string,
): Array<DateContext | null> {
  let anchor: { date: DateContext; ref: string; sectionIndex: number } | undefined;
  return raw.map((p) => {
    if (p.kind !== 'body') return null;
    const own = ownDate(p);
    if (own) {
      anchor = { date: own, ref: ref(p.localRef), sectionIndex: p.sectionIndex };
      return own;
    }
    return anchor ? inherit(anchor.date, anchor.ref, anchor.sectionIndex !== p.sectionIndex) : null;
  });
}

function entryName(index: number, id?: string): string {
  return `#${index + 1}${id ? ` (${id})` : ''}`;
}

interface SourceParse {
  source: Source;
  paragraphs: Paragraph[];
  quotes: QuoteEntry[];
  events: EventEntry[];
  facts: FactEntry[];
}

/** Makes a paragraph reference global: the first source keeps "p12", later ones are "source:p12". */
function globalRef(sourceIndex: number, source: Source, local: string): string {
  return sourceIndex === 0 ? local : `${source.id}:${local}`;
}

function checkDated(
  spec: Dated,
  externals: ReadonlyMap<string, ExternalDate>,
  articleText: string,
  file: string,
  entry: string,
  field: string,
): void {
  const specs = [spec, ...(spec.alternative ? [spec.alternative] : [])];
  specs.forEach((s, i) => {
    const at = i === 0 ? field : `${field}.alternative`;
    if (s.external !== undefined) {
      const ext = externals.get(s.external);
      if (ext === undefined)
        throw new DataError(file, entry, `${at}.external`, `unknown external date "${s.external}"`);
      if (s.basis === 'external' && s.start !== ext.start) {
        throw new DataError(
          file,
          entry,
          `${at}.start`,
          `${s.start} differs from external date ${s.external} (${ext.start})`,
        );
      }
    }
    if (s.evidence !== undefined && s.basis !== 'external' && !articleText.includes(s.evidence)) {
      throw new DataError(file, entry, `${at}.evidence`, `"${s.evidence}" does not occur in the article`);
    }
  });
}

function buildFacts(
  read: ReadData,
  dir: string,
  sourceId: string,
  known: { entities: Set<string>; actions: Set<string>; events: Set<string>; quotes: Set<string> },
  paragraphAt: (file: string, entry: string, field: string, local: string) => Paragraph,
): FactEntry[] {
  const file = `${dir}/facts.json`;
  // A source without curated facts is still searchable; only a present file is checked.
  if (read(file) === undefined) return [];
  const facts = parseWith(factsSchema, file, readJson(read, file)).map((f, i): FactEntry => {
    const entry = entryName(i, f.id);
    f.action.forEach((a, j) => {
      if (!known.actions.has(a))
        throw new DataError(file, entry, `action.${j}`, `unknown action "${a}" (data/actions.json)`);
    });
    for (const role of ['agent', 'patient', 'other'] as const) {
      f[role].forEach((id, j) => {
        if (!known.entities.has(id)) throw new DataError(file, entry, `${role}.${j}`, `unknown entity "${id}"`);
      });
    }
    if (f.event !== undefined && !known.events.has(f.event))
      throw new DataError(file, entry, 'event', `unknown event "${f.event}"`);
    if (f.quote !== undefined && !known.quotes.has(f.quote))
      throw new DataError(file, entry, 'quote', `unknown quote "${f.quote}"`);
    const para = paragraphAt(file, entry, 'ref', f.ref);
    if (!para.text.includes(f.evidence))
      throw new DataError(file, entry, 'evidence', `"${f.evidence}" is not verbatim in ${f.ref}`);
    return { ...f, ref: para.ref, sourceId };
  });
  checkUnique(
    file,
    facts.map((f) => f.id),
  );
  return facts;
}

function buildSource(
  read: ReadData,
  source: Source,
  sourceIndex: number,
  externals: ReadonlyMap<string, ExternalDate>,
  entityIds: ReadonlySet<string>,
  actionIds: ReadonlySet<string>,
): SourceParse {
  const known = { entities: new Set(entityIds), actions: new Set(actionIds) };
  const textPath = `data/${source.file}`;
  const text = readText(read, textPath);
  const digest = createHash('sha256').update(text, 'utf8').digest('hex');
  if (digest !== source.sha256) {
    throw new DataError(
      textPath,
      undefined,
      undefined,
      `SHA-256 ${digest} differs from sources.json (${source.sha256}): the article must stay byte for byte`,
    );
  }
  const dir = `data/${source.annotations}`;
  const noiseFile = `${dir}/noise.json`;
  const noise = parseWith(noiseSchema, noiseFile, readJson(read, noiseFile));
  const raw = parseArticle(source, text, noise, noiseFile);
  const ref = (local: string) => globalRef(sourceIndex, source, local);
  const localRefs = new Set(raw.map((p) => p.localRef));
  const cleanText = raw.map((p) => p.text).join('\n');

  const glossFile = `${dir}/glosses.json`;
  const glosses = parseWith(glossesSchema, glossFile, readJson(read, glossFile));
  for (const key of Object.keys(glosses)) {
    if (!localRefs.has(key)) throw new DataError(glossFile, key, undefined, 'no such paragraph (or it is noise)');
  }
  const datesFile = `${dir}/dates.json`;
  const overrides = parseWith(dateOverridesSchema, datesFile, readJson(read, datesFile) ?? {});
  for (const [key, spec] of Object.entries(overrides)) {
    if (!localRefs.has(key)) throw new DataError(datesFile, key, undefined, 'no such paragraph (or it is noise)');
    checkDated(spec, externals, cleanText, datesFile, key, 'date');
  }

  const dates = narrativeDates(
    raw,
    (p) => {
      const override = overrides[p.localRef];
      return override ? fromSpec(override, externals) : dateInText(p.text, { start: source.published.start });
    },
    ref,
  );
  const paragraphs: Paragraph[] = raw.map((p, i) => {
    const gloss = glosses[p.localRef];
    if (gloss === undefined)
      throw new DataError(glossFile, p.localRef, undefined, 'missing: every paragraph needs an English gloss');
    const section = source.sections[p.sectionIndex];
    if (section === undefined)
      throw new DataError('data/sources.json', source.id, 'sections', 'section index out of range');
    return {
      ref: ref(p.localRef),
      sourceId: source.id,
      line: p.line,
      kind: p.kind,
      section,
      text: p.text,
      gloss,
      date: dates[i] ?? null,
    };
  });
  const byLocal = new Map(raw.map((p, i) => [p.localRef, paragraphs[i]!] as const));
  const paragraphAt = (file: string, entry: string, field: string, local: string): Paragraph => {
    const found = byLocal.get(local);
    if (!found) throw new DataError(file, entry, field, `no paragraph ${local} (or it is noise)`);
    return found;
  };

  const quotesFile = `${dir}/quotes.json`;
  const quotes = parseWith(quotesSchema, quotesFile, readJson(read, quotesFile)).map((q, i): QuoteEntry => {
    const entry = entryName(i, q.id);
    if (!entityIds.has(q.speaker)) throw new DataError(quotesFile, entry, 'speaker', `unknown entity "${q.speaker}"`);
    const para = paragraphAt(quotesFile, entry, 'ref', q.ref);
    if (!para.text.includes(q.text)) throw new DataError(quotesFile, entry, 'text', `not found verbatim in ${q.ref}`);
    if (q.date) checkDated(q.date, externals, cleanText, quotesFile, entry, 'date');
    return { ...q, ref: para.ref, sourceId: source.id, date: q.date ? fromSpec(q.date, externals) : para.date };
  });

  const eventsFile = `${dir}/events.json`;
  const events = parseWith(eventsSchema, eventsFile, readJson(read, eventsFile)).map((e, i): EventEntry => {
    const entry = entryName(i, e.id);
    const para = paragraphAt(eventsFile, entry, 'ref', e.ref);
    const see = e.see.map((s, j) => paragraphAt(eventsFile, entry, `see.${j}`, s).ref);
    e.entities.forEach((id, j) => {
      if (!entityIds.has(id)) throw new DataError(eventsFile, entry, `entities.${j}`, `unknown entity "${id}"`);
    });
    checkDated(e.date, externals, cleanText, eventsFile, entry, 'date');
    return { ...e, ref: para.ref, see, sourceId: source.id, date: fromSpec(e.date, externals) };
  });
  checkUnique(
    quotesFile,
    quotes.map((q) => q.id),
  );
  checkUnique(
    eventsFile,
    events.map((e) => e.id),
  );
  const facts = buildFacts(
    read,
    dir,
    source.id,
    { ...known, events: new Set(events.map((e) => e.id)), quotes: new Set(quotes.map((q) => q.id)) },
    paragraphAt,
  );
  return { source, paragraphs, quotes, events, facts };
}

function checkUnique(file: string, ids: string[]): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) throw new DataError(file, entryName(i, id), 'id', 'duplicate id');
    seen.add(id);
  });
}

/** Quote and event ids are looked up without their source, so two sources may not share one. */
function checkUniqueAcross(
  built: SourceParse[],
  file: string,
  entries: (b: SourceParse) => ReadonlyArray<{ id: string }>,
): void {
  const firstFile = new Map<string, string>();
  for (const b of built) {
    const path = `data/${b.source.annotations}/${file}`;
    entries(b).forEach((e, i) => {
      const other = firstFile.get(e.id);
      if (other !== undefined) throw new DataError(path, entryName(i, e.id), 'id', `duplicate id: also in ${other}`);
      firstFile.set(e.id, path);
    });
  }
}

export function buildCorpus(read: ReadData): Corpus {
  const sources = parseWith(sourcesSchema, 'data/sources.json', readJson(read, 'data/sources.json'));
  checkUnique(
    'data/sources.json',
    sources.map((s) => s.id),
  );
  const externalsFile = 'data/external-dates.json';
  const externalList = parseWith(externalDatesSchema, externalsFile, readJson(read, externalsFile));
  checkUnique(
    externalsFile,
    externalList.map((e) => e.id),
  );
  const externals = new Map(externalList.map((e) => [e.id, e]));
  const entitiesFile = 'data/entities.json';
  const entities = parseWith(entitiesSchema, entitiesFile, readJson(read, entitiesFile));
  checkUnique(
    entitiesFile,
    entities.map((e) => e.id),
  );
  const entityIds = new Set(entities.map((e) => e.id));
  const aliasesFile = 'data/aliases.json';
  const aliases = parseWith(aliasesSchema, aliasesFile, readJson(read, aliasesFile));

  const actionsFile = 'data/actions.json';
  const actions = parseWith(actionsSchema, actionsFile, readJson(read, actionsFile));
  checkUnique(
    actionsFile,
    actions.map((a) => a.id),
  );
  const actionIds = new Set(actions.map((a) => a.id));
  const built = sources.map((s, i) => buildSource(read, s, i, externals, entityIds, actionIds));
  checkUniqueAcross(built, 'quotes.json', (b) => b.quotes);
  checkUniqueAcross(built, 'events.json', (b) => b.events);
  checkUniqueAcross(built, 'facts.json', (b) => b.facts);
  const paragraphs = built.flatMap((b) => b.paragraphs);
  const byRef = new Map(paragraphs.map((p) => [p.ref, p]));
  const allText = paragraphs.map((p) => p.text).join('\n');

  entities.forEach((e, i) => {
    const entry = entryName(i, e.id);
    [e.name.zh, ...e.article].forEach((name, j) => {
      if (!allText.includes(name)) {
        throw new DataError(
          entitiesFile,
          entry,
          j === 0 ? 'name.zh' : `article.${j - 1}`,
          `"${name}" does not occur in the article`,
        );
      }
    });
    if (!byRef.has(e.ref)) throw new DataError(entitiesFile, entry, 'ref', `no paragraph ${e.ref} (or it is noise)`);
  });
  aliases.forEach((a, i) => {
    a.zh.forEach((term, j) => {
      if (!allText.includes(term)) {
        throw new DataError(aliasesFile, entryName(i, a.en[0]), `zh.${j}`, `"${term}" does not occur in the article`);
      }
    });
  });

  return {
    sources,
    paragraphs,
    byRef,
    entities,
    entityById: new Map(entities.map((e) => [e.id, e])),
    quotes: built.flatMap((b) => b.quotes),
    events: built.flatMap((b) => b.events),
    aliases,
    actions,
    facts: built.flatMap((b) => b.facts),
  };
}
