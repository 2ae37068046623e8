// "Ask feud-bot" on a message: the part of its text worth asking. Pure.
import { questionType } from '../question/questionType.ts';

export interface MessageQuestion {
  /** What is asked: the whole text, or its most question-like sentence, within the query limit. */
  query: string;
  /** True when the text was longer than the limit and only part of it is asked. */
  cut: boolean;
}

const SENTENCE = /[^.!?。!?\n]+[.!?。!?]*/gu;

/** Undefined when the message has no text to ask. */
export function messageQuestion(text: string, max: number): MessageQuestion | undefined {
  const clean = text
    .replace(/<a?:\w+:\d+>/g, ' ') // custom emoji
    .replace(/<[@#][!&]?\d+>/g, ' ') // mentions
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!/[\p{L}\p{N}]/u.test(clean)) return undefined;
  if ([...clean].length <= max) return { query: clean, cut: false };
  const sentences = (clean.match(SENTENCE) ?? [clean]).map((s) => s.trim()).filter((s) => s !== '');
  const asks = (s: string) => (/[??]$/.test(s) ? 2 : 0) + (questionType(s) ? 1 : 0);
  const best = sentences.reduce((a, b) => (asks(b) > asks(a) ? b : a), sentences[0] ?? clean);
  return { query: cutWords(best, max), cut: true };
}

function cutWords(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const head = chars.slice(0, max).join('');
  const space = head.lastIndexOf(' ');
  return (space > max * 0.6 ? head.slice(0, space) : head).trim();
}
