// npm run deploy against a fake Discord, and the /feud definition checked against Discord's rules for commands.
import {
  ApplicationCommandBooleanOptionSchema,
  ApplicationCommandStringOptionSchema,
  ApplicationCommandSubcommandOptionSchema,
  ApplicationCommandUpdateRequestSchema,
} from 'discord-api-spec/zod';
import { afterEach, describe, expect, it } from 'vitest';
import { config, locales, type ZodMiniObject } from 'zod/mini';
import { ASK_MESSAGE_COMMAND, COMMANDS, FEUD_COMMAND, QUERY_MAX_LENGTH, commandsFor } from '../commands/feud.ts';
import { SEARCH } from '../src/search/options.ts';
import { FAKE_GUILD_ID } from './fake-discord/ids.ts';
import { invalidFormBody, serverError } from './fake-discord/responses.ts';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/server.ts';
import { npmArgs, run, tsxArgs, type Finished } from './helpers/runEntry.ts';

config(locales.en());

const STACK_FRAME = /^\s+at /m;

describe('npm run deploy against a fake Discord', () => {
  let fake: FakeDiscord | undefined;

  afterEach(async () => {
    await fake?.stop();
    fake = undefined;
  });

  async function deploy(vars: Record<string, string> = {}, via: 'npm' | 'tsx' = 'tsx'): Promise<Finished> {
    fake ??= await startFakeDiscord();
    const env = {
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_BASE_URL: fake.apiBase,
      ...vars,
    };
    return run(via === 'npm' ? npmArgs('deploy') : tsxArgs('commands/deploy.ts'), { env });
  }

  const sent = () => fake?.requests.map((r) => `${r.method} ${r.path}`) ?? [];

  it('with DISCORD_GUILD_ID, PUTs both commands to the guild without the user-install fields, and exits 0', async () => {
    const { code, stdout, stderr } = await deploy({ DISCORD_GUILD_ID: FAKE_GUILD_ID }, 'npm');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^deploy: registered 2 command\\(s\\) in guild ${FAKE_GUILD_ID}`));
    expect(sent()).toEqual([`PUT /applications/${fake!.applicationId}/guilds/${FAKE_GUILD_ID}/commands`]);
    const [request] = fake!.requests;
    const body = request?.body as Record<string, unknown>[];
    expect(body).toEqual(JSON.parse(JSON.stringify(commandsFor('guild'))));
    // Guild commands ignore these fields, and do not support BOT_DM: a guild body carries neither.
    for (const entry of body) {
      expect(entry).not.toHaveProperty('integration_types');
      expect(entry).not.toHaveProperty('contexts');
    }
    expect(request?.headers.authorization).toBe(`Bot ${fake!.token}`);
    expect(fake!.deployedCommands(FAKE_GUILD_ID).map((c) => c.name)).toEqual(['feud', 'Ask feud-bot']);
    expect(fake!.deployedCommands()).toEqual([]);
    expect(stdout).not.toContain(fake!.token);
  });

  it('without DISCORD_GUILD_ID, PUTs both commands globally, installable to a user, and says it may take a while', async () => {
    const { code, stdout } = await deploy();
    expect(code).toBe(0);
    expect(stdout).toMatch(/^deploy: registered 2 command\(s\) globally/);
    expect(sent()).toEqual([`PUT /applications/${fake!.applicationId}/commands`]);
    const body = fake!.requests[0]?.body as Record<string, unknown>[];
    expect(body).toEqual(JSON.parse(JSON.stringify(COMMANDS)));
    for (const entry of body) {
      // Guild install and user install; in servers, the bot's DM, and any other DM or group DM.
      expect(entry.integration_types).toEqual([0, 1]);
      expect(entry.contexts).toEqual([0, 1, 2]);
    }
    expect(body[1]).toMatchObject({ type: 3, name: 'Ask feud-bot' });
    expect(body[1]).not.toHaveProperty('description');
    expect(fake!.deployedCommands().map((c) => c.name)).toEqual(['feud', 'Ask feud-bot']);
  });

  it('exits 1 with Discord’s message, including the field, when Discord answers 50035 Invalid Form Body', async () => {
    fake = await startFakeDiscord();
    fake.setResponse(
      { method: 'PUT' },
      invalidFormBody('0.options.0.name', 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid'),
    );
    const { code, stdout, stderr } = await deploy();
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^deploy: Discord refused \(HTTP 400, code 50035\): Invalid Form Body/);
    expect(stderr).toContain('0.options[0].name');
    expect(stderr).toContain('Command name is invalid');
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it('exits 1 with Discord’s 401 message when the token is refused, without printing the token', async () => {
    const wrongToken = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.wrong-token-value';
    fake = await startFakeDiscord();
    const { code, stdout, stderr } = await deploy({ DISCORD_TOKEN: wrongToken });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^deploy: Discord refused \(HTTP 401, code 0\): 401: Unauthorized\n$/);
    expect(fake.requests.map((r) => r.status)).toEqual([401]);
    expect(stderr + stdout).not.toContain(wrongToken);
  });

  it('exits 1 when Discord keeps failing with 503, after discord.js has retried', async () => {
    fake = await startFakeDiscord();
    fake.setResponse({ method: 'PUT' }, serverError(503));
    const { code, stdout, stderr } = await deploy();
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^deploy: .*Service Unavailable.*\n$/);
    expect(stderr).not.toMatch(STACK_FRAME);
    // discord.js retries a 5xx (rest.retries, 3 by default) before giving up.
    expect(fake.requests.map((r) => r.status)).toEqual([503, 503, 503, 503]);
  });

  it('exits 1 naming DISCORD_TOKEN when it is missing, and sends nothing', async () => {
    fake = await startFakeDiscord();
    const { code, stdout, stderr } = await deploy({ DISCORD_TOKEN: '' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^deploy: DISCORD_TOKEN: .+\n$/);
    expect(sent()).toEqual([]);
  });

  it('exits 1 naming DISCORD_APPLICATION_ID when only the token is set', async () => {
    fake = await startFakeDiscord();
    const { code, stderr } = await deploy({ DISCORD_APPLICATION_ID: '' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^deploy: DISCORD_APPLICATION_ID: .+\n$/);
    expect(stderr).not.toContain(fake.token);
    expect(sent()).toEqual([]);
  });
});

// ---- The definition itself, as plain data ----

interface Node {
  type?: number;
  name: string;
  name_localizations?: Record<string, string> | null;
  description: string;
  description_localizations?: Record<string, string> | null;
  required?: boolean;
  max_length?: number;
  autocomplete?: boolean;
  options?: Node[];
}

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const SUBCOMMAND = 1;
const STRING = 3;
const chars = (s: string) => [...s].length;

/** The command, then every subcommand and option below it, each with its path for messages. */
function walk(node: Node, path = node.name): [string, Node][] {
  return [[path, node], ...(node.options ?? []).flatMap((o) => walk(o, `${path} ${o.name}`))];
}

const command = FEUD_COMMAND as Node;
const nodes = walk(command);
const subcommands = (command.options ?? []).filter((o) => o.type === SUBCOMMAND);

describe('the /feud definition obeys Discord’s rules for commands', () => {
  it('has lower-case names of 1–32 letters, digits, - or _, in English and zh-CN', () => {
    for (const [path, node] of nodes) {
      for (const name of [node.name, ...Object.values(node.name_localizations ?? {})]) {
        expect(name, path).toMatch(NAME);
        expect(name, path).toBe(name.toLowerCase());
      }
    }
  });

  it('has descriptions of 1–100 characters, in English and zh-CN', () => {
    for (const [path, node] of nodes) {
      for (const text of [node.description, ...Object.values(node.description_localizations ?? {})]) {
        expect(chars(text), `${path}: ${text}`).toBeGreaterThanOrEqual(1);
        expect(chars(text), `${path}: ${text}`).toBeLessThanOrEqual(100);
      }
    }
  });

  it('gives the command, every subcommand and every option a zh-CN and a zh-TW name and description', () => {
    expect(subcommands.map((s) => s.name)).toEqual(['ask', 'when', 'quote', 'who', 'timeline', 'help']);
    for (const [path, node] of nodes) {
      for (const locale of ['zh-CN', 'zh-TW']) {
        expect(node.name_localizations?.[locale], `${path} ${locale}`).toBeTruthy();
        expect(node.description_localizations?.[locale], `${path} ${locale}`).toBeTruthy();
      }
    }
    // Traditional, not Simplified: the zh-TW strings differ wherever the characters do.
    expect(FEUD_COMMAND.description_localizations['zh-TW']).toBe('查詢馬斯克與OpenAI之間的恩怨');
    expect(ASK_MESSAGE_COMMAND.name_localizations['zh-TW']).toBe('向 feud-bot 提問');
  });

  it('has at most 25 options at every level, unique names, and required options first', () => {
    for (const [path, node] of nodes) {
      const options = node.options ?? [];
      expect(options.length, path).toBeLessThanOrEqual(25);
      expect(new Set(options.map((o) => o.name)).size, path).toBe(options.length);
      const firstOptional = options.findIndex((o) => o.type !== SUBCOMMAND && o.required !== true);
      if (firstOptional >= 0)
        expect(
          options.slice(firstOptional).every((o) => o.required !== true),
          path,
        ).toBe(true);
    }
  });

  it('limits every query to 100 characters, the length search accepts, and autocompletes it', () => {
    expect(QUERY_MAX_LENGTH).toBe(100);
    expect(SEARCH.maxQueryLength).toBe(QUERY_MAX_LENGTH);
    const queries = nodes.filter(([, node]) => node.name === 'query').map(([, node]) => node);
    expect(queries).toHaveLength(4);
    for (const query of queries) {
      expect(query).toMatchObject({ type: STRING, required: true, max_length: 100, autocomplete: true });
    }
  });

  it('stays within 8000 characters of names, descriptions and values, counting the longest localisation', () => {
    const longest = (base: string, localised: Record<string, string> | null | undefined) =>
      Math.max(chars(base), ...Object.values(localised ?? {}).map(chars));
    const total = nodes.reduce(
      (sum, [, node]) =>
        sum + longest(node.name, node.name_localizations) + longest(node.description, node.description_localizations),
      0,
    );
    expect(total).toBeLessThanOrEqual(8000);
  });

  it('is registered as one chat-input command and one message command with a name of at most 32 characters', () => {
    expect(COMMANDS).toEqual([FEUD_COMMAND, ASK_MESSAGE_COMMAND]);
    expect(FEUD_COMMAND.type).toBe(1);
    expect(ASK_MESSAGE_COMMAND.type).toBe(3);
    for (const name of [ASK_MESSAGE_COMMAND.name, ...Object.values(ASK_MESSAGE_COMMAND.name_localizations)]) {
      expect([...name].length).toBeGreaterThanOrEqual(1);
      expect([...name].length).toBeLessThanOrEqual(32);
    }
  });
});

// Discord's own OpenAPI description, as zod schemas (DISCORD-TESTING.md): the bulk-overwrite body, entry by entry.
const OPTION_SCHEMAS: Record<number, ZodMiniObject> = {
  1: ApplicationCommandSubcommandOptionSchema,
  3: ApplicationCommandStringOptionSchema,
  5: ApplicationCommandBooleanOptionSchema,
};

function specProblems(entry: unknown): string[] {
  const result = ApplicationCommandUpdateRequestSchema.safeParse(entry);
  const problems = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  // The generated schemas strip unknown keys; a key Discord does not know would be silently dropped.
  const unknown = (fields: object, schema: ZodMiniObject | undefined, at: string): string[] =>
    schema === undefined
      ? [`${at}: no schema for this option type`]
      : Object.keys(fields)
          .filter((key) => !(key in schema.shape))
          .map((key) => `${at}.${key}: not a field Discord knows`);
  const fromNode = (node: Node, schema: ZodMiniObject | undefined, at: string): string[] => [
    ...unknown(node, schema, at),
    ...(node.options ?? []).flatMap((o, i) => fromNode(o, OPTION_SCHEMAS[o.type ?? -1], `${at}.options.${i}`)),
  ];
  return [...problems, ...fromNode(entry as Node, ApplicationCommandUpdateRequestSchema, '(command)')];
}

describe('the /feud definition against discord-api-spec', () => {
  it('is a valid bulk-overwrite entry with no field Discord would ignore', () => {
    for (const entry of COMMANDS) expect(specProblems(entry)).toEqual([]);
  });

  it('would catch an over-long description, a max_length of 0 and a stray field', () => {
    const broken = JSON.parse(JSON.stringify(FEUD_COMMAND)) as Node & Record<string, unknown>;
    broken.options![0]!.description = 'x'.repeat(101);
    broken.options![0]!.options![0]!.max_length = 0;
    broken.ephemeral = true;
    const problems = specProblems(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^options\.0\.description: /),
        expect.stringMatching(/^options\.0\.options\.0\.max_length: /),
        '(command).ephemeral: not a field Discord knows',
      ]),
    );
  });
});
