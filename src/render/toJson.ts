// Answer → the ask CLI's JSON contract: {command, query, results, suggestions}.
import type { Answer, Result } from '../answer/types.ts';
import { problemText } from './toText.ts';

export function resultJson(r: Result) {
  return {
    title: r.title,
    passage: r.passage,
    date: r.date,
    section: `${r.section.en} (${r.section.zh})`,
    ref: r.ref,
    score: r.score,
    kind: r.kind,
    id: r.id,
    gloss: r.gloss,
    ...(r.speaker ? { speaker: r.speaker.en, medium: r.medium, english: r.english } : {}),
    ...(r.role ? { role: r.role.en } : {}),
  };
}

export function toJson(answer: Answer): Record<string, unknown> {
  if (answer.kind === 'invalid')
    return { error: problemText(answer, 'en'), command: answer.command, query: answer.query };
  return {
    command: answer.command,
    ...(answer.routed ? { routed: answer.command } : {}),
    query: answer.query,
    ...(answer.reading ? { read_as: answer.reading.text.en } : {}),
    results: answer.kind === 'found' ? answer.results.map(resultJson) : [],
    suggestions: answer.kind === 'notFound' ? answer.suggestions : [],
    ...(answer.note ? { note: answer.note.en } : {}),
  };
}

/** The timeline for the ask CLI: every dated event in date order. */
export function timelineJson(events: readonly Result[]): Record<string, unknown> {
  return { command: 'timeline', results: events.map(resultJson) };
}
