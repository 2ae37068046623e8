// Warming an answerer loads its typo indexes and dictionaries ahead: it answers nothing and changes no answer.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { goldenQueries } from './helpers/golden.ts';

const natural = readFileSync(new URL('./golden/natural.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => ({ command: 'ask', query: (JSON.parse(l) as { query: string }).query }));

describe('warm', () => {
  it('leaves every golden answer (keywords, typos, Traditional, natural questions) as a cold answerer gives it', () => {
    const warmed = createApp();
    warmed.warm();
    const cold = createApp();
    for (const request of [...goldenQueries(), ...natural]) {
      expect(warmed.answer(request), `${request.command} ${request.query}`).toEqual(cold.answer(request));
    }
  });
});
