// The Answerer's timeline → what the chart draws: each event's short label in the reader's language. Pure.
import type { Answerer } from '../answer/answerQuery.ts';
import type { Lang } from '../render/messages.ts';
import type { ChartCitation, ChartEvent } from './timelineSvg.ts';

/**
 * The events of the article the picture cites (chartCitation: the first source), in timeline order. One
 * article's timeline fits a picture; a thousand articles' would be neither drawable nor readable.
 */
export function chartEvents(app: Answerer, lang: Lang): ChartEvent[] {
  const cited = app.corpus.sources[0]?.id;
  const byId = new Map(app.corpus.events.filter((e) => e.sourceId === cited).map((e) => [`event:${e.id}`, e]));
  return app.timeline().flatMap((r) => {
    const event = byId.get(r.id);
    return event && r.date ? [{ id: r.id, ref: r.ref, label: event.label[lang], date: r.date }] : [];
  });
}

export function chartCitation(app: Answerer, lang: Lang): ChartCitation {
  const s = app.corpus.sources[0];
  if (!s) return { title: '', publisher: '', published: '' };
  return { title: s.title, publisher: s.publisher, published: lang === 'zh' ? s.published.labelZh : s.published.label };
}
