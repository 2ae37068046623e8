// Proves the fake Discord with a bare discord.js client: no project code involved.
import { once } from 'node:events';
import {
  Client,
  DiscordAPIError,
  DiscordjsErrorCodes,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Routes,
  type ClientOptions,
  type Interaction,
} from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { autocomplete, button, chatInput, select } from './fake-discord/payloads.ts';
import { invalidFormBody, rateLimited, serverError } from './fake-discord/responses.ts';
import { checkCallbackBody, checkMessageBody } from './fake-discord/schemas.ts';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from './fake-discord/server.ts';

let fake: FakeDiscord | undefined;
let client: Client | undefined;
let handlerErrors: unknown[] = [];

afterEach(async () => {
  await client?.destroy();
  await fake?.stop();
  client = undefined;
  fake = undefined;
  const errors = handlerErrors;
  handlerErrors = [];
  expect(errors).toEqual([]);
});

type Handler = (interaction: Interaction) => Promise<void>;

async function start(
  options: { fake?: FakeDiscordOptions; client?: Partial<ClientOptions>; handler?: Handler } = {},
): Promise<{ fake: FakeDiscord; client: Client }> {
  fake = await startFakeDiscord(options.fake);
  client = new Client({ intents: [GatewayIntentBits.Guilds], rest: fake.restOptions, ...options.client });
  const handler = options.handler ?? answer;
  client.on(Events.InteractionCreate, (interaction) => {
    handler(interaction).catch((error: unknown) => handlerErrors.push(error));
  });
  const ready = once(client, Events.ClientReady);
  await client.login(fake.token);
  await ready;
  return { fake, client };
}

// The smallest bot: an embed reply, choices, and a component update, never pinging anyone.
async function answer(interaction: Interaction): Promise<void> {
  if (interaction.isChatInputCommand()) {
    const query = interaction.options.getString('query') ?? '';
    const embed = new EmbedBuilder().setTitle(`About ${query}`).setDescription('An answer.');
    await interaction.reply({ embeds: [embed], allowedMentions: { parse: [] } });
  } else if (interaction.isAutocomplete()) {
    const typed = String(interaction.options.getFocused());
    await interaction.respond([{ name: `${typed} (2019)`, value: typed }]);
  } else if (interaction.isButton() || interaction.isStringSelectMenu()) {
    await interaction.update({ content: `picked ${interaction.customId}`, allowedMentions: { parse: [] } });
  }
}

const feudQuery = (query: string, guild = true) =>
  chatInput({ subcommand: 'when', options: [{ name: 'query', value: query }], guild });

const callbackStatuses = (on: FakeDiscord, interactionId: string) =>
  on.requests.filter((r) => r.path.startsWith(`/interactions/${interactionId}/`)).map((r) => r.status);

describe('fake Discord with a real discord.js client', () => {
  it('logs in through GET /gateway/bot and one IDENTIFY carrying the intents and shard', async () => {
    const { fake } = await start();
    const [identify] = await fake.waitForIdentify(1);
    expect(identify?.intents).toBe(GatewayIntentBits.Guilds);
    expect(identify?.shard).toEqual([0, 1]);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /gateway/bot']);
  });

  it('delivers a guild chat-input interaction and receives a valid embed reply', async () => {
    const { fake } = await start();
    const interaction = fake.dispatchInteraction(feudQuery('GPT-2'));
    const body = await fake.waitForCallback(interaction.id);
    expect(body.type).toBe(4);
    expect(checkCallbackBody(body)).toEqual([]);
    expect(JSON.stringify(body)).toContain('About GPT-2');
    const request = await fake.waitForRequest((r) => r.path.endsWith('/callback'));
    expect(request.headers.authorization).toBeUndefined();
  });

  it('delivers a DM interaction, autocomplete, a button and a select menu', async () => {
    const { fake } = await start();
    const inDm = fake.dispatchInteraction(feudQuery('Altman', false));
    expect(checkCallbackBody(await fake.waitForCallback(inDm.id))).toEqual([]);

    const typing = fake.dispatchInteraction(
      autocomplete({ subcommand: 'when', focused: { name: 'query', value: 'GP' } }),
    );
    const choices = await fake.waitForCallback(typing.id);
    expect(choices).toEqual({ type: 8, data: { choices: [{ name: 'GP (2019)', value: 'GP' }] } });
    expect(checkCallbackBody(choices)).toEqual([]);

    for (const component of [button({ customId: 'more' }), select({ customId: 'year', values: ['2019'] })]) {
      const pressed = fake.dispatchInteraction(component);
      const update = await fake.waitForCallback(pressed.id);
      expect(update.type).toBe(7);
      expect(checkCallbackBody(update)).toEqual([]);
    }
  });

  it('answers a deferred with_response callback, then accepts the edit and a follow-up', async () => {
    const { fake } = await start({
      handler: async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        const deferred = await interaction.deferReply({ flags: MessageFlags.Ephemeral, withResponse: true });
        expect(deferred.resource?.message?.flags.has(MessageFlags.Loading)).toBe(true);
        await interaction.editReply({ content: 'done', allowedMentions: { parse: [] } });
        await interaction.followUp({ content: 'and more', allowedMentions: { parse: [] } });
      },
    });
    const interaction = fake.dispatchInteraction(feudQuery('slow'));
    expect(await fake.waitForCallback(interaction.id)).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    const edit = await fake.waitForEdit(interaction);
    expect(edit.url).toContain('/messages/%40original');
    expect(checkMessageBody(edit.body, 'edit')).toEqual([]);
    const followUp = await fake.waitForFollowUp(interaction);
    expect(followUp.query.wait).toBe('true');
    expect(checkMessageBody(followUp.body, 'followUp')).toEqual([]);
  });

  it('refuses a second callback for one interaction with 40060, as Discord does', async () => {
    let second: unknown;
    const { fake } = await start({
      handler: async (interaction) => {
        if (!interaction.isChatInputCommand()) return;
        await interaction.deferReply();
        // discord.js guards its own state, so go around it the way a second process would.
        second = await interaction.client.rest
          .post(Routes.interactionCallback(interaction.id, interaction.token), { body: { type: 5 }, auth: false })
          .catch((error: unknown) => error);
      },
    });
    const interaction = fake.dispatchInteraction(feudQuery('twice'));
    await fake.waitForRequest((r) => r.path.endsWith('/callback') && r.status === 400);
    await expect.poll(() => second).toMatchObject({ code: 40060 });
    expect(callbackStatuses(fake, interaction.id)).toEqual([204, 400]);
  });

  it('rejects login with a token the fake does not know', async () => {
    fake = await startFakeDiscord();
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: fake.restOptions });
    await expect(client.login('not-the-token')).rejects.toMatchObject({ code: DiscordjsErrorCodes.TokenInvalid });
  });

  it('runs two shards, each identifying with its own shard array and receiving its own interactions', async () => {
    const { fake } = await start({ fake: { shards: 2, maxConcurrency: 2 }, client: { shards: 'auto' } });
    const identifies = await fake.waitForIdentify(2);
    expect(identifies.map((identify) => identify.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const onShardOne = fake.dispatchInteraction(feudQuery('shard one'), 1);
    expect(checkCallbackBody(await fake.waitForCallback(onShardOne.id))).toEqual([]);
  });
});

describe('gateway faults', () => {
  it('resumes at resume_gateway_url after close 4000 and delivers the interaction sent meanwhile', async () => {
    const { fake } = await start();
    fake.closeGateway(4000);
    const interaction = fake.dispatchInteraction(feudQuery('Musk'));
    const [resume] = await fake.waitForResume(1);
    expect(resume?.seq).toBe(1);
    expect(checkCallbackBody(await fake.waitForCallback(interaction.id))).toEqual([]);
    expect(fake.identifies).toHaveLength(1);
    const paths = fake.gatewayEvents.flatMap((event) => (event.kind === 'connect' ? [event.path] : []));
    expect(paths).toEqual(['/?v=10&encoding=json', '/resume?v=10&encoding=json']);
  });

  it('resumes after the TCP socket is dropped and answers the next interaction', async () => {
    const { fake } = await start();
    fake.dropSocket();
    await fake.waitForResume(1);
    const interaction = fake.dispatchInteraction(feudQuery('OpenAI'));
    expect(checkCallbackBody(await fake.waitForCallback(interaction.id))).toEqual([]);
    expect(fake.identifies).toHaveLength(1);
  });

  it('replays a dispatch lost in flight when the client resumes', async () => {
    const { fake } = await start();
    fake.loseNextDispatches(1);
    const lost = fake.dispatchInteraction(feudQuery('lost'));
    fake.closeGateway(4000);
    const [resume] = await fake.waitForResume(1);
    expect(resume?.replayed).toBe(1);
    expect(checkCallbackBody(await fake.waitForCallback(lost.id))).toEqual([]);
  });

  it('resumes when heartbeats go unacknowledged (a zombie connection)', async () => {
    const { fake } = await start({ fake: { heartbeatIntervalMs: 100 } });
    fake.setHeartbeatAcks(false);
    await fake.waitForResume(1);
    fake.setHeartbeatAcks(true);
    const interaction = fake.dispatchInteraction(feudQuery('zombie'));
    expect(checkCallbackBody(await fake.waitForCallback(interaction.id))).toEqual([]);
  });
});

describe('REST faults', () => {
  it('waits out a 429 with Retry-After, then the callback arrives', async () => {
    const { fake } = await start();
    fake.failNext({ method: 'POST', path: /\/callback$/ }, rateLimited(0.1));
    const interaction = fake.dispatchInteraction(feudQuery('GPT-2'));
    expect(checkCallbackBody(await fake.waitForCallback(interaction.id))).toEqual([]);
    expect(callbackStatuses(fake, interaction.id)).toEqual([429, 204]);
  });

  it('retries after a 500, then the callback arrives', async () => {
    const { fake } = await start();
    fake.failNext({ method: 'POST', path: /\/callback$/ }, serverError(500));
    const interaction = fake.dispatchInteraction(feudQuery('GPT-2'));
    expect(checkCallbackBody(await fake.waitForCallback(interaction.id))).toEqual([]);
    expect(callbackStatuses(fake, interaction.id)).toEqual([500, 204]);
  });

  it('echoes deployed commands and can fail a deploy with Invalid Form Body', async () => {
    const { fake, client } = await start();
    const commands = [{ name: 'feud', description: 'Ask about the feud', type: 1 }];
    const deployed = (await client.rest.put(Routes.applicationCommands(fake.applicationId), { body: commands })) as {
      id: string;
    }[];
    expect(deployed[0]?.id).toMatch(/^\d+$/);
    expect(fake.deployedCommands()).toHaveLength(1);

    fake.setResponse({ method: 'PUT' }, invalidFormBody('0.name', 'BASE_TYPE_REQUIRED', 'This field is required'));
    const failing = client.rest.put(Routes.applicationCommands(fake.applicationId), { body: [{}] });
    await expect(failing).rejects.toBeInstanceOf(DiscordAPIError);
    await expect(failing).rejects.toMatchObject({ code: 50035, status: 400 });
  });
});

describe('checkCallbackBody', () => {
  const reply = (data: Record<string, unknown>) => ({ type: 4, data: { allowed_mentions: { parse: [] }, ...data } });

  it('flags embeds whose text adds up to more than 6000 characters', () => {
    const embeds = [{ description: 'x'.repeat(4000) }, { description: 'y'.repeat(2001) }];
    expect(checkCallbackBody(reply({ embeds }))).toEqual([
      'data.embeds: 6001 characters of embed text in one message; Discord allows 6000',
    ]);
  });

  it('flags 26 autocomplete choices', () => {
    const choices = Array.from({ length: 26 }, (_, i) => ({ name: `choice ${i}`, value: `v${i}` }));
    const problems = checkCallbackBody({ type: 8, data: { choices } });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^data\.choices: .*25/);
  });

  it('flags a reply without allowed_mentions, a silently ignored field, and an overlong title', () => {
    const problems = checkCallbackBody({ type: 4, data: { ephemeral: true, embeds: [{ title: 't'.repeat(257) }] } });
    expect(problems).toEqual([
      expect.stringMatching(/^data\.embeds\.0\.title: .*256/),
      'data.ephemeral: not a field Discord knows; it would be ignored',
      'data.allowed_mentions: must be present with parse: [] so a reply can never ping anyone',
    ]);
  });
});
