// Command replies are rendered once per wording and copied per user: each user's copy carries their own id,
// works for them and refuses anyone else, and is the same reply a fresh handler renders.
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { createInteractionHandler } from '../src/interactions/handleInteraction.ts';
import { button, chatInput } from './fake-discord/payloads.ts';

const app = createApp();
const ask = (query: string, user: string, locale: 'en-US' | 'zh-TW' = 'en-US') =>
  chatInput({ subcommand: 'when', options: [{ name: 'query', value: query }], user: { id: user }, locale });
const ids = (response: unknown) => JSON.stringify(response).match(/feud1:[a-z]:\d+/g) ?? [];
const withoutOwners = (response: unknown) => JSON.stringify(response).replace(/(feud1:[a-z]:)\d+:/g, '$1#:');

describe('rendered command replies', () => {
  it('give every user the reply a fresh handler renders for them, their own id in every custom_id', () => {
    const handle = createInteractionHandler(app);
    const first = handle(ask('lawsuit', '111111111111111111')).response;
    const second = handle(ask('lawsuit', '222222222222222222')).response;
    const fresh = createInteractionHandler(app)(ask('lawsuit', '222222222222222222')).response;
    expect(second).toEqual(fresh);
    expect(ids(first).length).toBeGreaterThan(0);
    expect(ids(first).every((id) => id.endsWith(':111111111111111111'))).toBe(true);
    expect(ids(second).every((id) => id.endsWith(':222222222222222222'))).toBe(true);
    expect(withoutOwners(first)).toBe(withoutOwners(second));
  });

  it('come serialised for HTTP exactly as their response serialises, each with its asker in every custom_id', () => {
    const handle = createInteractionHandler(app);
    for (const [query, locale] of [
      ['lawsuit', 'en-US'],
      ['诉讼', 'zh-TW'],
      ['GPT-2', 'en-US'],
      ['no such thing at all', 'en-US'],
    ] as const) {
      for (const user of ['111111111111111111', '222222222222222222', '9']) {
        const handled = handle(ask(query, user, locale));
        expect(handled.json, `${query} ${user}`).toBe(JSON.stringify(handled.response));
      }
    }
  });

  it('keep paging their own: the second user pages their copy, the first may not', () => {
    const handle = createInteractionHandler(app);
    handle(ask('OpenAI', '111111111111111111'));
    const mine = handle(ask('OpenAI', '222222222222222222')).response;
    const next = JSON.stringify(mine).match(/feud1:n:[^"]+/)?.[0];
    expect(next).toBeDefined();
    const paged = handle(button({ customId: next!, user: { id: '222222222222222222' } })).response;
    expect(paged?.type).toBe(7); // UpdateMessage: the next page
    const other = handle(button({ customId: next!, user: { id: '111111111111111111' } })).response;
    expect(other?.type).toBe(4);
    expect(JSON.stringify(other)).toMatch(/not yours|only the person/i);
  });

  it('convert to Traditional once: a repeated zh-TW question gets the same reply, its passages verbatim', () => {
    const handle = createInteractionHandler(app);
    const replies = ['333333333333333333', '333333333333333333', '444444444444444444'].map((u) =>
      withoutOwners(handle(ask('诉讼', u, 'zh-TW')).response),
    );
    expect(replies[1]).toBe(replies[0]);
    expect(replies[2]).toBe(replies[0]);
    expect(replies[0]).toBe(
      withoutOwners(createInteractionHandler(app)(ask('诉讼', '555555555555555555', 'zh-TW')).response),
    );
    // The article's words stay Simplified (诉讼), the interface is Traditional.
    expect(replies[0]).toContain('诉讼');
  });
});
