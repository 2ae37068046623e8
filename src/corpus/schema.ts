// zod schemas for every hand-curated data file. The data is validated here, once, at load time.
import * as z from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    if (m !== undefined && (m < 1 || m > 12)) return false;
    if (d !== undefined && y !== undefined && m !== undefined) {
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      if (d < 1 || d > last) return false;
    }
    return true;
  }, 'not a real calendar date');

export const paragraphRef = z.string().regex(/^p\d+$/, 'expected a paragraph id like "p47"');
const entityId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a lower-case id like "musk"');
const nonEmpty = z.string().trim().min(1);

export const precisionSchema = z.enum(['year', 'month', 'day']);
export const basisSchema = z.enum(['stated', 'relative', 'narrative', 'external']);

const dateFields = {
  start: isoDate,
  end: isoDate.optional(),
  precision: precisionSchema,
  basis: basisSchema,
  /** The article's own words the date rests on ("2018年2月", "去年"), for stated/relative/narrative. */
  evidence: nonEmpty.optional(),
  /** Where a known external date comes from: an id in data/external-dates.json. */
  external: entityId.optional(),
  approximate: z.boolean().optional(),
  note: nonEmpty.optional(),
};

type DateFields = { basis: string; external?: string; evidence?: string; start: string; end?: string };

function checkDate(d: DateFields, ctx: z.RefinementCtx): void {
  if (d.basis === 'external' && d.external === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['external'],
      message: 'an external date needs "external": an id from external-dates.json',
    });
  }
  if (d.basis !== 'external' && d.evidence === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['evidence'],
      message: 'a stated, relative or narrative date needs "evidence": the article words it rests on',
    });
  }
  if (d.end !== undefined && d.end < d.start)
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'end is before start' });
}

/** A date as a curator writes it; labels are generated from it. */
export const dateSpecSchema = z.object(dateFields).strict().superRefine(checkDate);

/** A date, optionally with a second honest reading (e.g. the narrative says 2018, the known date is 2019). */
export const datedSchema = z
  .object({ ...dateFields, alternative: dateSpecSchema.optional() })
  .strict()
  .superRefine(checkDate);

export const sectionSchema = z
  .object({
    id: entityId,
    /** The heading line as printed (after noise is stripped); null for the lead before the first heading. */
    heading: nonEmpty.nullable(),
    en: nonEmpty,
    zh: nonEmpty,
  })
  .strict();

export const sourceSchema = z
  .object({
    id: entityId,
    file: z.string().regex(/^[\w.-]+\.txt$/),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    title: nonEmpty,
    titleEn: nonEmpty,
    publisher: nonEmpty,
    language: nonEmpty,
    published: z
      .object({
        start: isoDate,
        precision: precisionSchema,
        label: nonEmpty,
        labelZh: nonEmpty,
        how: nonEmpty,
      })
      .strict(),
    /** Folder under data/ with this source's noise, quotes, events, glosses and date overrides. */
    annotations: z.string().regex(/^[\w-]+$/),
    sections: z.array(sectionSchema).min(1),
  })
  .strict();
export const sourcesSchema = z.array(sourceSchema).min(1);

export const externalDateSchema = z
  .object({
    id: entityId,
    event: nonEmpty,
    start: isoDate,
    end: isoDate.optional(),
    precision: precisionSchema,
    source: nonEmpty,
  })
  .strict();
export const externalDatesSchema = z.array(externalDateSchema);

export const noiseSchema = z.array(
  z
    .object({
      text: nonEmpty,
      /** line: the whole line is noise; suffix: the text is glued to the end of a real line. */
      match: z.enum(['line', 'suffix']),
      reason: nonEmpty,
    })
    .strict(),
);

export const entitySchema = z
  .object({
    id: entityId,
    kind: z.enum(['person', 'organisation', 'product']),
    name: z.object({ en: nonEmpty, zh: nonEmpty }).strict(),
    /** Every other way the article writes the name; each must occur in the article. */
    article: z.array(nonEmpty).default([]),
    /** Renderings the article does not use but readers type: 杨立昆, 阿尔特曼, Zuck, Elon. */
    renderings: z.array(nonEmpty).default([]),
    role: z.object({ en: nonEmpty, zh: nonEmpty }).strict(),
    /** The paragraph that best introduces the entity. */
    ref: paragraphRef,
  })
  .strict();
export const entitiesSchema = z.array(entitySchema).min(1);

export const quoteSchema = z
  .object({
    id: entityId,
    speaker: entityId,
    text: nonEmpty,
    ref: paragraphRef,
    kind: z.enum(['direct', 'reported', 'indirect']),
    medium: z.enum(['tweet', 'email', 'lawsuit', 'interview', 'blog post', 'statement', 'speech']),
    en: nonEmpty,
    /** English topic words a reader might search by. */
    topics: z.array(nonEmpty).default([]),
    /** Omit to inherit the paragraph's date context. */
    date: datedSchema.optional(),
  })
  .strict();
export const quotesSchema = z.array(quoteSchema).min(1);

export const eventSchema = z
  .object({
    id: entityId,
    label: z.object({ en: nonEmpty, zh: nonEmpty }).strict(),
    ref: paragraphRef,
    /** Further paragraphs that tell the same event. */
    see: z.array(paragraphRef).default([]),
    topics: z.array(nonEmpty).default([]),
    /** Who the event is about, its subject first ("microsoft" for Microsoft's investment). */
    entities: z.array(entityId).default([]),
    date: datedSchema,
  })
  .strict();
export const eventsSchema = z.array(eventSchema).min(1);

export const aliasSchema = z
  .object({
    en: z.array(nonEmpty).min(1),
    zh: z.array(nonEmpty).min(1),
  })
  .strict();
export const aliasesSchema = z.array(aliasSchema).min(1);

const localized = z.object({ en: nonEmpty, zh: nonEmpty }).strict();

/** One action of the bilingual lexicon: every way people say it, so questions meet the curated facts. */
export const actionSchema = z
  .object({
    id: entityId,
    label: localized,
    /** event: something done; relation: a standing role (CEO of); speech: saying, tweeting, calling. */
    kind: z.enum(['event', 'relation', 'speech']).default('event'),
    /** Done together ("Musk and Altman met", "split"): who is agent and who patient does not matter. */
    symmetric: z.boolean().default(false),
    /** English words and phrases, any form; `*` stands for up to three words ("take * to court"). */
    en: z.array(nonEmpty).min(1),
    /** Chinese words, formal and colloquial; `*` stands for up to eight characters. */
    zh: z.array(nonEmpty).min(1),
    /** Longer words that contain a Chinese term without meaning it (告诉 is not 告). */
    zhNot: z.array(nonEmpty).default([]),
  })
  .strict();
export const actionsSchema = z.array(actionSchema).min(1);

/** Who did what to whom, as the article states it in one paragraph. */
export const factSchema = z
  .object({
    id: entityId,
    action: z.array(entityId).min(1),
    agent: z.array(entityId).default([]),
    patient: z.array(entityId).default([]),
    /** Others taking part: the company Musk wanted OpenAI merged into. */
    other: z.array(entityId).default([]),
    ref: paragraphRef,
    /** The article's words that state the fact, verbatim in the paragraph. */
    evidence: nonEmpty,
    /** The curated event the fact belongs to: its date and title answer `when`. */
    event: entityId.optional(),
    quote: entityId.optional(),
    /** US dollars, where the text gives an amount. */
    amount: z.number().positive().optional(),
    /** A role held before the story ("Stripe's former CTO"). */
    former: z.boolean().optional(),
    /** What the action was done to when that is no entity: a book, a company form. */
    object: z
      .object({ en: z.array(nonEmpty), zh: z.array(nonEmpty) })
      .strict()
      .optional(),
    /** Who did it, when the article does not name them. */
    unnamed: localized.optional(),
  })
  .strict();
export const factsSchema = z.array(factSchema);

export const glossesSchema = z.record(paragraphRef, nonEmpty);

export const dateOverridesSchema = z.record(paragraphRef, datedSchema);

export type DateSpec = z.infer<typeof dateSpecSchema>;
export type Dated = z.infer<typeof datedSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type ExternalDate = z.infer<typeof externalDateSchema>;
export type NoiseEntry = z.infer<typeof noiseSchema>[number];
export type Entity = z.infer<typeof entitySchema>;
export type Quote = z.infer<typeof quoteSchema>;
export type CuratedEvent = z.infer<typeof eventSchema>;
export type Alias = z.infer<typeof aliasSchema>;
export type Action = z.infer<typeof actionSchema>;
export type Fact = z.infer<typeof factSchema>;
