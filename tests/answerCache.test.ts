// Remembered answers: the same answer for the same request, and one that nothing downstream changes.
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { answerMessage } from '../src/render/toDiscord.ts';
import { toText } from '../src/render/toText.ts';
import { createLabels } from '../src/render/labels.ts';
import { goldenQueries } from './helpers/golden.ts';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const app = createApp();
const golden = goldenQueries();

describe('remembered answers', () => {
  it('answer a repeated request with the answer a fresh answerer gives', () => {
    const fresh = createApp();
    for (const { command, query } of golden) {
      const first = app.answer({ command, query });
      expect(app.answer({ command, query }), `${command} ${query}`).toBe(first);
      expect(first).toEqual(fresh.answer({ command, query }));
    }
  });

  it('are never changed by rendering them, for Discord or for the terminal, in either language', () => {
    const labels = createLabels(app.corpus);
    for (const { command, query } of golden) {
      app.clearCaches();
      const answer = deepFreeze(app.answer({ command, query }));
      const before = JSON.stringify(answer);
      for (const lang of ['en', 'zh'] as const) {
        // A frozen object throws on any write in strict mode (ES modules are strict).
        answerMessage(answer, { lang, owner: '1', version: app.version, ephemeral: false, labels });
        toText(answer, lang);
      }
      expect(JSON.stringify(app.answer({ command, query }))).toBe(before);
    }
  });

  it('are forgotten by clearCaches', () => {
    const first = app.answer({ command: 'who', query: 'altman' });
    app.clearCaches();
    const again = app.answer({ command: 'who', query: 'altman' });
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
