import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { cooldownFromEnv, createCooldown } from '../src/interactions/cooldown.ts';
import { createInteractionHandler } from '../src/interactions/handleInteraction.ts';
import { MESSAGES } from '../src/render/messages.ts';
import { autocomplete, button, chatInput } from './fake-discord/payloads.ts';
import { checkCallbackBody } from './fake-discord/schemas.ts';

function clock(startMs = 1_000_000) {
  let at = startMs;
  return {
    now: () => at,
    advance: (ms: number) => {
      at += ms;
    },
  };
}

describe('createCooldown', () => {
  it('allows 5 answers in 10 s, then refuses the 6th with the seconds until the oldest leaves the window', () => {
    const c = clock();
    const cooldown = createCooldown({ answers: 5, seconds: 10, now: c.now });
    const waits = [];
    for (let i = 0; i < 5; i++) {
      waits.push(cooldown.take('alice'));
      c.advance(1_000);
    }
    expect(waits).toEqual([0, 0, 0, 0, 0]);
    // 5 s after the first answer: it leaves the window in 5 s.
    expect(cooldown.take('alice')).toBe(5);
    c.advance(4_200);
    // 0.8 s left rounds up: never "try again in 0 s".
    expect(cooldown.take('alice')).toBe(1);
  });

  it('slides: each answer frees a slot exactly 10 s after it was given', () => {
    const c = clock();
    const cooldown = createCooldown({ answers: 2, seconds: 10, now: c.now });
    expect(cooldown.take('u')).toBe(0);
    c.advance(3_000);
    expect(cooldown.take('u')).toBe(0);
    c.advance(6_999);
    expect(cooldown.take('u')).toBe(1);
    c.advance(1);
    expect(cooldown.take('u')).toBe(0);
    // The slot of the answer at 3 s frees at 13 s, 3 s from now.
    expect(cooldown.take('u')).toBe(3);
  });

  it('does not count refusals, so hammering does not extend the wait', () => {
    const c = clock();
    const cooldown = createCooldown({ answers: 1, seconds: 10, now: c.now });
    expect(cooldown.take('u')).toBe(0);
    for (let i = 0; i < 9; i++) {
      c.advance(1_000);
      expect(cooldown.take('u')).toBe(9 - i);
    }
    c.advance(1_000);
    expect(cooldown.take('u')).toBe(0);
  });

  it('keeps each user to their own window', () => {
    const c = clock();
    const cooldown = createCooldown({ answers: 5, seconds: 10, now: c.now });
    for (let i = 0; i < 5; i++) expect(cooldown.take('alice')).toBe(0);
    expect(cooldown.take('alice')).toBeGreaterThan(0);
    for (let i = 0; i < 5; i++) expect(cooldown.take('bob')).toBe(0);
    expect(cooldown.take('bob')).toBe(10);
  });

  it('forgets users whose window has passed, so memory follows the active users only', () => {
    const c = clock();
    const cooldown = createCooldown({ answers: 5, seconds: 10, now: c.now });
    for (let i = 0; i < 10_000; i++) cooldown.take(`user${i}`);
    expect(cooldown.size).toBe(10_000);
    c.advance(10_001);
    cooldown.take('late');
    expect(cooldown.size).toBe(1);
  });

  it('never remembers more than maxUsers, forgetting the least recently active first', () => {
    const c = clock();
    const cooldown = createCooldown({ answers: 1, seconds: 10, now: c.now, maxUsers: 3 });
    for (const user of ['a', 'b', 'c', 'd']) cooldown.take(user);
    expect(cooldown.size).toBe(3);
    // 'a' was forgotten, so it may answer again; 'd' is still limited.
    expect(cooldown.take('d')).toBe(10);
    expect(cooldown.take('a')).toBe(0);
  });

  it('is off with 0 answers', () => {
    const cooldown = createCooldown({ answers: 0, seconds: 10, now: () => 0 });
    for (let i = 0; i < 100; i++) expect(cooldown.take('u')).toBe(0);
    expect(cooldown.size).toBe(0);
  });

  it('rejects a nonsensical configuration', () => {
    expect(() => createCooldown({ answers: -1, seconds: 10 })).toThrow(RangeError);
    expect(() => createCooldown({ answers: 1.5, seconds: 10 })).toThrow(RangeError);
    expect(() => createCooldown({ answers: 5, seconds: 0 })).toThrow(RangeError);
  });
});

describe('cooldownFromEnv', () => {
  it('defaults to 5 answers per 10 s', () => {
    const cooldown = cooldownFromEnv({});
    for (let i = 0; i < 5; i++) expect(cooldown?.take('u')).toBe(0);
    expect(cooldown?.take('u')).toBeGreaterThanOrEqual(9);
  });

  it('takes the configured limit, and COOLDOWN_ANSWERS=0 turns it off', () => {
    const cooldown = cooldownFromEnv({ COOLDOWN_ANSWERS: 1, COOLDOWN_SECONDS: 60 });
    expect(cooldown?.take('u')).toBe(0);
    expect(cooldown?.take('u')).toBeGreaterThanOrEqual(59);
    expect(cooldownFromEnv({ COOLDOWN_ANSWERS: 0 })).toBeUndefined();
  });
});

describe('the interaction handler with a cooldown', () => {
  const app = createApp();
  const alice = { id: '1200000000000000001' };
  const bob = { id: '1200000000000000002' };
  const when = (user: { id: string }, locale: 'en-US' | 'zh-CN' = 'en-US') =>
    chatInput({ subcommand: 'when', options: [{ name: 'query', value: 'GPT-2' }], user, locale });
  const typing = (user: { id: string }) =>
    autocomplete({ subcommand: 'when', focused: { name: 'query', value: 'GP' }, user });

  function limitedHandler(answers = 5) {
    const c = clock();
    return {
      c,
      handle: createInteractionHandler(app, { cooldown: createCooldown({ answers, seconds: 10, now: c.now }) }),
    };
  }

  it('answers 5 commands, then tells the 6th, ephemerally and in its language, when to try again', () => {
    const { c, handle } = limitedHandler();
    for (let i = 0; i < 5; i++) {
      expect(handle(when(alice)).response).toMatchObject({ type: 4, data: { embeds: expect.any(Array) } });
      c.advance(500);
    }
    const refused = handle(when(alice, 'zh-CN'));
    expect(refused.response).toEqual({
      type: 4,
      data: { content: MESSAGES.zh.cooldown(8), flags: 64, allowed_mentions: { parse: [] } },
    });
    expect(checkCallbackBody(refused.response)).toEqual([]);
    expect(refused.outcome).toMatchObject({ kind: 'command', cooldown: 8, results: 0 });
    // Bob is not held back by Alice.
    expect(handle(when(bob)).response).toMatchObject({ data: { embeds: expect.any(Array) } });
  });

  it('counts component clicks, but never autocomplete', () => {
    const { handle } = limitedHandler(2);
    const reply = handle(when(alice)).response;
    const customId = JSON.stringify(reply).match(/"custom_id":"([^"]+)"/)?.[1];
    expect(customId).toBeDefined();
    for (let i = 0; i < 50; i++) expect(handle(typing(alice)).response?.type).toBe(8);
    expect(handle(button({ customId: customId ?? '', user: alice })).response?.type).toBe(7);
    const third = handle(button({ customId: customId ?? '', user: alice }));
    expect(third.response).toMatchObject({ type: 4, data: { content: MESSAGES.en.cooldown(10), flags: 64 } });
    expect(handle(typing(alice)).response).toMatchObject({ type: 8, data: { choices: expect.any(Array) } });
  });

  it('without a cooldown, answers every command', () => {
    const handle = createInteractionHandler(app);
    for (let i = 0; i < 20; i++) expect(handle(when(alice)).outcome.cooldown).toBeUndefined();
    expect(handle(when(alice)).response).toMatchObject({ data: { embeds: expect.any(Array) } });
  });
});
