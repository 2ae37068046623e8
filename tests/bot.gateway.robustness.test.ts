// The gateway transport under interactions it should not get: every one answered or refused, none fatal, all logged safely.
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../src/render/messages.ts';
import { autocomplete, chatInput } from './fake-discord/payloads.ts';
import type { DispatchedInteraction } from './fake-discord/interactions.ts';
import { checkCallbackBody } from './fake-discord/schemas.ts';
import { choicesOf, embedOf, messageOf, botPerTest, type RunningBot } from './helpers/gatewayHarness.ts';

const start = botPerTest();

const query = (value: string | number | boolean, subcommand = 'when') =>
  chatInput({ subcommand, options: [{ name: 'query', value }] });

/** Any valid question after a bad one must still be answered: the transport survived. */
async function expectStillAnswering(running: RunningBot): Promise<void> {
  const body = await running.ask(query('GPT-2'));
  expect(checkCallbackBody(body)).toEqual([]);
  expect(embedOf(body).description).toContain('2019年2月');
}

/** An ephemeral text reply: the clean way to refuse. */
function expectRefusal(body: Awaited<ReturnType<RunningBot['ask']>>, text?: string | RegExp): void {
  expect(body.type).toBe(4);
  expect(checkCallbackBody(body)).toEqual([]);
  const data = messageOf(body);
  expect(data.flags).toBe(64);
  expect(data.embeds ?? []).toEqual([]);
  if (typeof text === 'string') expect(data.content).toBe(text);
  else if (text) expect(data.content).toMatch(text);
}

describe('interactions Discord would not send, or the bot does not handle', () => {
  const en = MESSAGES.en;
  // The refusal names every command, as clickable mentions when the interaction carried /feud's id.
  const unsupported =
    /^I answer (<\/feud ask:\d+>|\/feud ask), .*(<\/feud help:\d+>|\/feud help) and “Ask feud-bot” on a message\.$/;
  const modalSubmit = () => ({
    ...chatInput(),
    type: 5,
    data: { custom_id: 'feedback-form', components: [] },
  });
  const cases: [string, () => DispatchedInteraction, string | RegExp][] = [
    ['an unknown subcommand', () => chatInput({ subcommand: 'dance' }), unsupported],
    ['another command', () => chatInput({ command: 'weather', subcommand: 'when' }), unsupported],
    ['no query option', () => chatInput({ subcommand: 'when' }), en.badOption],
    ['a numeric query', () => query(42), en.badOption],
    ['a boolean query', () => query(true, 'who'), en.badOption],
    ['a 1000-character query', () => query('马'.repeat(1000)), /^That query is too long: \d+ characters at most\.$/],
    ['a blank query', () => query('   '), en.problem.empty],
    ['a modal submit (type 5)', modalSubmit, unsupported],
  ];

  it.each(cases)('%s: a clean ephemeral refusal, then the next question is answered', async (_what, make, text) => {
    const running = await start();
    const body = await running.ask(make());
    expectRefusal(body, text);
    expect([...(messageOf(body).content ?? '')].length).toBeLessThanOrEqual(2000);
    await expectStillAnswering(running);
  });

  it('an autocomplete with an unknown subcommand or a 1000-character partial: type 8, no choices', async () => {
    const running = await start();
    for (const payload of [
      autocomplete({ subcommand: 'dance', focused: { name: 'query', value: 'x' } }),
      autocomplete({ subcommand: 'when', focused: { name: 'query', value: 'GPT'.repeat(334) } }),
    ]) {
      const body = await running.ask(payload);
      expect(body.type).toBe(8);
      expect(checkCallbackBody(body)).toEqual([]);
      expect(choicesOf(body)).toEqual([]);
    }
    await expectStillAnswering(running);
  });

  // Shapes discord.js itself tolerates; with `data: null` or non-array options discord.js's own INTERACTION_CREATE
  // handler throws after the bot has answered (main.ts logs that as an unhandled rejection).
  const queryOption = (value: unknown) => [{ name: 'when', type: 1, options: [{ name: 'query', type: 3, value }] }];
  it.each([
    ['data: a string', 'garbage', unsupported],
    ['data: an array', [], unsupported],
    ['data: an empty object', {}, unsupported],
    ['a numeric command name', { id: '1', name: 7, type: 1 }, unsupported],
    ['a subcommand without a name', { id: '1', name: 'feud', type: 1, options: [{ type: 1 }] }, unsupported],
    ['an object as the query', { id: '1', name: 'feud', type: 1, options: queryOption({ $ne: null }) }, en.badOption],
    ['a null query', { id: '1', name: 'feud', type: 1, options: queryOption(null) }, en.badOption],
  ])('malformed, %s: a clean refusal, and the next question is answered', async (_what, data, text) => {
    const running = await start();
    const body = await running.ask({ ...chatInput({ subcommand: 'when' }), data });
    expectRefusal(body, text);
    await expectStillAnswering(running);
  });

  it('a payload with no id or token to answer: logged as unanswerable, nothing sent, next answered', async () => {
    const running = await start();
    const { token: _token, ...tokenless } = query('GPT-2');
    running.fake.dispatch('INTERACTION_CREATE', tokenless);
    await running.waitForLine(/WARN unanswerable interaction payload/);
    await expectStillAnswering(running);
    expect(running.fake.requests.filter((r) => r.path.startsWith(`/interactions/${tokenless.id}/`))).toEqual([]);
  });
});

describe('a handler that throws', () => {
  it('the user gets an ephemeral apology, the error is logged with the interaction id, the next is answered', async () => {
    const running = await start({
      wrap: (real) => (payload) => {
        if (JSON.stringify(payload).includes('explode')) throw new Error('handler exploded');
        return real(payload);
      },
    });
    const doomed = query('explode', 'quote');
    const body = await running.ask(doomed);
    expectRefusal(body, MESSAGES.en.error);
    const line = await running.waitForLine(/ERROR interaction failed/);
    expect(line).toContain(`id=${doomed.id}`);
    expect(line).toContain('handler exploded');

    const zh = await running.ask({ ...query('explode'), locale: 'zh-CN' });
    expectRefusal(zh, MESSAGES.zh.error);

    // An autocomplete can only be answered with choices.
    const typing = await running.ask(
      autocomplete({ subcommand: 'when', focused: { name: 'query', value: 'explode' } }),
    );
    expect(typing).toEqual({ type: 8, data: { choices: [] } });
    await expectStillAnswering(running);
  });
});

describe('log lines', () => {
  it('one info line per interaction with subcommand, locale, results and ms; the query only at debug; never a token', async () => {
    const running = await start();
    const secret = 'Sutskever';
    const asked = [
      query(secret, 'who'),
      { ...query('asdfqwer'), locale: 'zh-CN' as const },
      autocomplete({ subcommand: 'quote', focused: { name: 'query', value: secret } }),
    ];
    for (const payload of asked) await running.ask(payload);
    const [who, none, typing] = await Promise.all(
      asked.map((p) => running.waitForLine(new RegExp(`INFO interaction .*id=${p.id}`))),
    );
    expect(who).toMatch(/ subcommand=who /);
    expect(who).toMatch(/ locale=en-US /);
    expect(who).toMatch(/ results=[1-9]\d* /);
    expect(who).toMatch(/ ms=\d+(\.\d+)? /);
    expect(none).toMatch(/ subcommand=when locale=zh-CN results=0 /);
    expect(typing).toMatch(/ kind=autocomplete subcommand=quote /);
    for (const p of asked) {
      expect(running.lines.filter((l) => l.includes(` INFO interaction `) && l.includes(`id=${p.id}`))).toHaveLength(1);
    }

    await running.waitForLine(new RegExp(`DEBUG interaction query id=${asked[0]!.id} query=${secret}`));
    const withQuery = running.lines.filter((l) => l.includes(secret));
    expect(withQuery.length).toBeGreaterThan(0);
    for (const line of withQuery) expect(line).toMatch(/^\S+ DEBUG /);

    const tokens = [running.fake.token, ...asked.map((p) => p.token)];
    for (const line of running.lines) for (const token of tokens) expect(line).not.toContain(token);
  });

  it('no token in the log when callbacks fail for good', async () => {
    const running = await start();
    running.fake.setResponse(
      { method: 'POST', path: /\/callback$/ },
      { status: 404, body: { message: 'Unknown interaction', code: 10062 } },
    );
    const lost = running.fake.dispatchInteraction(query('GPT-2'));
    await running.waitForLine(/ERROR could not tell the user about the failure/);
    const errors = running.lines.filter((l) => / ERROR /.test(l));
    expect(errors.some((l) => l.includes(`id=${lost.id}`))).toBe(true);
    for (const line of running.lines) {
      expect(line).not.toContain(lost.token);
      expect(line).not.toContain(running.fake.token);
    }
  });
});
