// npm start as a user meets it: the console without a token, one clear line for a bad setting, and the gateway bot.
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InteractionResponseType } from 'discord.js';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildCorpus, type ReadData } from '../src/corpus/buildCorpus.ts';
import { displayWidth } from '../src/render/labels.ts';
import { DataError } from '../src/corpus/dataError.ts';
import { readFrom } from '../src/io/readData.ts';
import { chatInput } from './fake-discord/payloads.ts';
import { checkCallbackBody } from './fake-discord/schemas.ts';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/server.ts';
import { PROJECT_DIR, run, start, tsxArgs, type Running } from './helpers/runEntry.ts';

const main = tsxArgs('src/main.ts');
const STACK_FRAME = /^\s+at /m;

describe('npm start without DISCORD_TOKEN: the local console', () => {
  it('prints the help, answers /feud commands the way the bot would, and exits 0 on "exit"', async () => {
    const input = ['/feud when GPT-2', '/feud who 奥特曼', '/feud quote LeCun', '/feud when asdfqwer', 'exit'];
    const { code, stdout, stderr } = await run(main, { input: `${input.join('\n')}\n` });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // The help tells a newcomer how to go from here to Discord.
    expect(stdout).toContain('no DISCORD_TOKEN is set');
    expect(stdout).toMatch(/set DISCORD_TOKEN\s+and\s+DISCORD_APPLICATION_ID/);
    // Every line fits an 80-column terminal.
    for (const line of stdout.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
    expect(stdout).toContain('npm run deploy');

    const replies = stdout.split('feud> ').slice(1);
    expect(replies).toHaveLength(input.length);
    const [when, who, quote, nothing] = replies;
    expect(when).toContain('GPT-2');
    expect(when).toContain('「2019年2月,OpenAI推出了');
    expect(when).toContain('February 2019');
    expect(who).toContain('Sam Altman (奥特曼)');
    // The English reader's lead: the role, before the passage.
    expect(who).toMatch(/Sam Altman \(奥特曼\)\nThen president of Y Combinator/);
    expect(quote).toContain('Yann LeCun');
    expect(quote).toContain('人工智能威胁论是蒙昧主义');
    expect(nothing).toContain('No good match for “asdfqwer”');
    expect(nothing).toMatch(/Try:\n• \S/);
  });

  it('keeps the last answer pageable after an error reply, pages the timeline by number, and reads private:True', async () => {
    const input = [
      'next',
      '/feud when GPT-2',
      '9',
      'next',
      '/feud timeline',
      '3',
      'prev',
      '/feud who Ilya private:True',
      'exit',
    ];
    const { code, stdout } = await run(main, { input: `${input.join('\n')}\n` });
    expect(code).toBe(0);
    const [nothing, , outOfRange, next, timeline, third, back, secret] = stdout.split('feud> ').slice(1);
    expect(nothing).toBe('nothing to page\n');
    expect(outOfRange).toBe('choose a number from 1 to 3\n');
    expect(next).toMatch(/Result 2 of \d+/);
    expect(timeline).toContain('Timeline · Page 1 of 3');
    expect(third).toContain('Timeline · Page 3 of 3');
    expect(back).toContain('Timeline · Page 2 of 3');
    expect(secret).toMatch(/^\(only you can see this\)\n/);
    expect(secret).toContain('Ilya');
    expect(secret).not.toMatch(/No good match/);
  });

  it('pages with "next", picks from the menu by number, and answers in Chinese after "lang zh"', async () => {
    // "3" comes after "next" on purpose: with the Previous button enabled, the number must still pick from the menu.
    const input = ['lang zh', '/feud when GPT-2', 'next', '3', 'exit'];
    const { code, stdout } = await run(main, { input: `${input.join('\n')}\n` });
    expect(code).toBe(0);
    const [lang, first, second, third] = stdout.split('feud> ').slice(1);
    expect(lang).toBe('界面语言:zh-CN\n');
    expect(first).toMatch(/第 1 条,共 \d+ 条/);
    expect(first).toContain('时间: 2019年2月');
    expect(second).toMatch(/第 2 条,共 \d+ 条/);
    expect(second).toMatch(/^ {2}2\. [^◀]*?◀$/m);
    expect(third).toMatch(/第 3 条,共 \d+ 条/);
    expect(third).toMatch(/^ {2}3\. [^◀]*?◀$/m);
  });
});

describe('npm start with a setting that needs its partner: one warning line, then the console', () => {
  it.each([
    ['PORT without DISCORD_PUBLIC_KEY', { PORT: '8080' }, /^feud-bot: warning: PORT .*DISCORD_PUBLIC_KEY/],
    ['SHARD_COUNT without DISCORD_TOKEN', { SHARD_COUNT: '2' }, /^feud-bot: warning: SHARD_COUNT .*DISCORD_TOKEN/],
  ])('%s', async (_name, env, warning) => {
    const { code, stdout, stderr } = await run(main, { env, input: 'exit\n' });
    expect(code).toBe(0);
    const lines = stderr.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(warning);
    expect(stdout).toContain('feud-bot local console');
  });
});

describe('npm start with a bad setting: one line naming the variable, exit code 1', () => {
  const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.secret-token-value';
  const APP = '1100000000000000001';
  const KEY = 'ab'.repeat(32);
  const cases: [string, Record<string, string>, string][] = [
    ['a malformed DISCORD_APPLICATION_ID', { DISCORD_APPLICATION_ID: 'abc' }, 'DISCORD_APPLICATION_ID'],
    ['DISCORD_TOKEN without DISCORD_APPLICATION_ID', { DISCORD_TOKEN: TOKEN }, 'DISCORD_APPLICATION_ID'],
    [
      'a DISCORD_TOKEN that is no token',
      { DISCORD_TOKEN: 'not a token', DISCORD_APPLICATION_ID: APP },
      'DISCORD_TOKEN',
    ],
    [
      'a malformed DISCORD_API_BASE_URL',
      { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_API_BASE_URL: 'discord.example/api' },
      'DISCORD_API_BASE_URL',
    ],
    [
      'a malformed DISCORD_GUILD_ID',
      { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_GUILD_ID: 'my-server' },
      'DISCORD_GUILD_ID',
    ],
    ['LOG_LEVEL=loud', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    ['PORT=99999 with DISCORD_PUBLIC_KEY', { DISCORD_PUBLIC_KEY: KEY, PORT: '99999' }, 'PORT'],
    ['a malformed DISCORD_PUBLIC_KEY', { DISCORD_PUBLIC_KEY: 'not-hex', PORT: '8080' }, 'DISCORD_PUBLIC_KEY'],
  ];

  it.each(cases)('%s', async (_name, env, variable) => {
    const { code, stdout, stderr } = await run(main, { env });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^feud-bot: configuration: ${variable}: \\S`));
    expect(stderr).not.toMatch(STACK_FRAME);
    // A secret value is never echoed, not even the part that made it invalid.
    for (const [name, value] of Object.entries(env)) {
      if (/TOKEN|KEY/.test(name) && value !== '') expect(stderr).not.toContain(value);
    }
  });
});

describe('npm start with DISCORD_TOKEN: the gateway bot against a fake Discord', () => {
  let fake: FakeDiscord | undefined;
  let bot: Running | undefined;

  afterEach(async () => {
    if (bot && bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
    await bot?.exited;
    await fake?.stop();
    bot = undefined;
    fake = undefined;
  });

  const startBot = async () => {
    fake = await startFakeDiscord();
    bot = start(main, {
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_BASE_URL: fake.apiBase,
      LOG_LEVEL: 'info',
    });
    // Starting node and tsx is the slow part; this is a ceiling, not a measurement.
    await fake.waitForIdentify(1, 15_000);
    return { fake, bot };
  };

  const ask = (query: string) => chatInput({ subcommand: 'when', options: [{ name: 'query', value: query }] });

  it('connects, answers a /feud command with an embed, and exits 0 on SIGTERM', async () => {
    const { fake, bot } = await startBot();
    // The fake accepts an IDENTIFY only with its token: one identify means the bot logged in with DISCORD_TOKEN.
    expect(fake.identifies).toHaveLength(1);

    const interaction = fake.dispatchInteraction(ask('GPT-2'));
    const body = await fake.waitForCallback(interaction.id, 10_000);
    expect(body.type).toBe(4);
    expect(checkCallbackBody(body)).toEqual([]);
    const embeds = body.type === InteractionResponseType.ChannelMessageWithSource ? (body.data?.embeds ?? []) : [];
    expect(embeds.length).toBeGreaterThan(0);
    expect(JSON.stringify(embeds)).toContain('2019年2月');

    bot.child.kill('SIGTERM');
    const { code, signal, stdout, stderr } = await bot.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    const output = stdout + stderr;
    expect(output).toContain('connected to Discord');
    expect(output).toContain('shutting down');
    expect(output).not.toContain(fake.token);
  });

  it('survives interactions it cannot make sense of and answers the next one', async () => {
    const { fake, bot } = await startBot();
    const good = ask('Musk');
    // Options that are not an array: discord.js and the bot's parser both have to cope.
    const garbled = fake.dispatchInteraction({ ...ask('x'), data: { id: '1', name: 'feud', type: 1, options: 'x' } });
    // No member and no user: discord.js throws inside its own event handler (see DISCORD-TESTING.md).
    const { member: _member, ...anonymous } = ask('y');
    const stranger = fake.dispatchInteraction(anonymous);
    fake.dispatchInteraction(good);

    const answer = await fake.waitForCallback(good.id, 10_000);
    expect(answer.type).toBe(4);
    expect(checkCallbackBody(answer)).toEqual([]);
    // The garbled command still gets a polite reply rather than "The application did not respond".
    const refusal = await fake.waitForCallback(garbled.id, 10_000);
    expect(refusal.type).toBe(4);
    expect(checkCallbackBody(refusal)).toEqual([]);
    expect((await fake.waitForCallback(stranger.id, 10_000)).type).toBe(4);
    expect(bot.child.exitCode).toBeNull();

    bot.child.kill('SIGTERM');
    const { code, stderr } = await bot.exited;
    expect(code).toBe(0);
    // The faults did happen (discord.js threw), and were logged rather than fatal: one line per event, no bare stack.
    expect(stderr).toMatch(/ ERROR .*TypeError/);
    for (const line of stderr.trimEnd().split('\n'))
      expect(line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z (DEBUG|INFO|WARN|ERROR) /);
    expect(stderr).not.toContain(fake.token);
  });
});

// The real data files, read once; each case breaks one thing in memory.
const shipped = readFrom();
const QUOTES = 'data/musk-openai/quotes.json';
const EVENTS = 'data/musk-openai/events.json';
const ENTITIES = 'data/entities.json';
const ARTICLE = 'data/musk-openai.zh.txt';
const FACTS = 'data/musk-openai/facts.json';
const ACTIONS = 'data/actions.json';

type Edit = (text: string) => string | undefined;

function readerWith(edits: Record<string, Edit>): ReadData {
  return (path) => {
    const text = shipped(path);
    const edit = edits[path];
    return edit && text !== undefined ? edit(text) : text;
  };
}

/** The fields of a data entry that the cases below change; each file has only some of them. */
interface Entry {
  text: string;
  speaker: string;
  kind: string;
  name: { zh: string };
  date: { start: string };
  evidence: string;
  action: string[];
  agent: string[];
  zh: string[];
}

/** Parses a JSON data file, changes entry 0, and writes it back as the curator's editor would. */
const editFirst =
  (change: (entry: Entry) => void): Edit =>
  (text) => {
    const entries = JSON.parse(text) as Entry[];
    change(entries[0]!);
    return JSON.stringify(entries, null, 2);
  };

function dataError(read: ReadData): DataError {
  try {
    buildCorpus(read);
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('buildCorpus accepted broken data');
}

const first = (file: string): { id: string } => (JSON.parse(shipped(file)!) as { id: string }[])[0]!;

describe('bad data stops start-up with one line naming the file, the entry and the field', () => {
  it('accepts the shipped data', () => {
    expect(() => buildCorpus(shipped)).not.toThrow();
  });

  const cases: [string, Record<string, Edit>, RegExp][] = [
    [
      'a quote whose text is not in its paragraph',
      { [QUOTES]: editFirst((q) => (q.text = `${q.text}并不存在`)) },
      new RegExp(`^${QUOTES}: entry #1 \\(${first(QUOTES).id}\\), field text: not found verbatim in p\\d+$`),
    ],
    [
      'a quote by an unknown speaker',
      { [QUOTES]: editFirst((q) => (q.speaker = 'nobody')) },
      new RegExp(`^${QUOTES}: entry #1 \\(${first(QUOTES).id}\\), field speaker: unknown entity "nobody"$`),
    ],
    [
      'an entity whose Chinese name the article never uses',
      { [ENTITIES]: editFirst((e) => (e.name.zh = '不存在的人')) },
      new RegExp(`^${ENTITIES}: entry #1 \\(${first(ENTITIES).id}\\), field name\\.zh: "不存在的人" does not occur`),
    ],
    [
      'an event dated 2019-13',
      { [EVENTS]: editFirst((e) => (e.date.start = '2019-13')) },
      new RegExp(`^${EVENTS}: entry #1 \\(${first(EVENTS).id}\\), field date\\.start: not a real calendar date$`),
    ],
    [
      'a fact whose evidence is not in its paragraph',
      { [FACTS]: editFirst((f) => (f.evidence = `${f.evidence}并不存在`)) },
      new RegExp(`^${FACTS}: entry #1 \\(${first(FACTS).id}\\), field evidence: ".+" is not verbatim in p\\d+$`),
    ],
    [
      'a fact with an action the lexicon does not have',
      { [FACTS]: editFirst((f) => (f.action = ['teleport'])) },
      new RegExp(`^${FACTS}: entry #1 \\(${first(FACTS).id}\\), field action\\.0: unknown action "teleport"`),
    ],
    [
      'a fact naming an unknown entity',
      { [FACTS]: editFirst((f) => (f.agent = ['nobody'])) },
      new RegExp(`^${FACTS}: entry #1 \\(${first(FACTS).id}\\), field agent\\.0: unknown entity "nobody"$`),
    ],
    [
      'an action with no Chinese words',
      { [ACTIONS]: editFirst((a) => (a.zh = [])) },
      new RegExp(`^${ACTIONS}: entry #1 \\(${first(ACTIONS).id}\\), field zh: `),
    ],
    [
      'a truncated JSON file',
      { [QUOTES]: (text) => text.slice(0, text.length / 2) },
      new RegExp(`^${QUOTES}: not valid JSON \\(.+\\)$`),
    ],
    [
      'a missing file',
      { 'data/musk-openai/glosses.json': () => undefined },
      /^data\/musk-openai\/glosses\.json: file is missing$/,
    ],
    [
      'one changed byte in the article',
      { [ARTICLE]: (text) => text.replace('2019年2月', '2019年3月') },
      new RegExp(`^${ARTICLE}: SHA-256 [0-9a-f]{64} differs from sources\\.json \\([0-9a-f]{64}\\)`),
    ],
  ];

  it.each(cases)('%s', (_name, edits, message) => {
    const error = dataError(readerWith(edits));
    expect(error.message).not.toContain('\n');
    expect(error.message).toMatch(message);
  });

  it('reports the first problem with its field path when a quote has two', () => {
    const error = dataError(
      readerWith({
        [QUOTES]: editFirst((q) => {
          q.speaker = 'nobody';
          q.kind = 'rumour';
        }),
      }),
    );
    expect(error.file).toBe(QUOTES);
    expect(error.entry).toBe(`#1 (${first(QUOTES).id})`);
    expect(error.field).toBe('kind');
  });
});

describe('npm start on a copy of the project with broken data', () => {
  const copy = mkdtempSync(join(tmpdir(), 'feud-bad-data-'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('prints one "bad data" line naming the file, entry and field, and exits 1', async () => {
    for (const dir of ['src', 'commands', 'data']) cpSync(join(PROJECT_DIR, dir), join(copy, dir), { recursive: true });
    cpSync(join(PROJECT_DIR, 'package.json'), join(copy, 'package.json'));
    symlinkSync(join(PROJECT_DIR, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const quotesPath = join(copy, QUOTES);
    const quotes = JSON.parse(readFileSync(quotesPath, 'utf8')) as { speaker: string }[];
    quotes[0]!.speaker = 'nobody';
    writeFileSync(quotesPath, JSON.stringify(quotes, null, 2));

    const { code, stdout, stderr } = await run([process.execPath, ['--import', 'tsx', join(copy, 'src/main.ts')]]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      new RegExp(
        `^feud-bot: bad data: ${QUOTES}: entry #1 \\(${first(QUOTES).id}\\), field speaker: unknown entity "nobody"\\n$`,
      ),
    );
  });
});
