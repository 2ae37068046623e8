// Everywhere on Discord, through the real gateway transport and the fake Discord: a user install in a group DM,
// the "Ask feud-bot" message command, /feud help, Share and Delete, and a zh-TW reader.
import { ChannelType, InteractionContextType, InteractionType, MessageType, type APIMessage } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../src/render/messages.ts';
import {
  FAKE_APPLICATION_ID,
  FAKE_CHANNEL_ID,
  FAKE_COMMAND_ID,
  FAKE_USER_ID,
  nextSnowflake,
} from './fake-discord/ids.ts';
import { fakeMessage } from './fake-discord/messages.ts';
import { button, chatInput } from './fake-discord/payloads.ts';
import { checkCallbackBody } from './fake-discord/schemas.ts';
import {
  articleParagraphs,
  controlsOf,
  embedOf,
  messageOf,
  passageOf,
  plain,
  readDataJson,
  startBot,
  type RunningBot,
} from './helpers/gatewayHarness.ts';

let bot: RunningBot;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot.stop();
});

const paragraphs = articleParagraphs();
const events = readDataJson<{ id: string; label: { en: string; zh: string } }[]>('musk-openai/events.json');
const USER = { id: FAKE_USER_ID, username: 'tester', discriminator: '0', global_name: 'Tester', avatar: null };

function expectValid(body: Awaited<ReturnType<RunningBot['ask']>>, type: number): void {
  expect(body.type).toBe(type);
  expect(checkCallbackBody(body)).toEqual([]);
}

/** As Discord sends it to a user-installed app in a group DM: context 2, no guild, no member, owner "1" only. */
function inGroupDm<T extends { guild_id?: unknown; member?: unknown; guild?: unknown; guild_locale?: unknown }>(
  payload: T,
) {
  const { guild_id: _g, member: _m, guild: _gu, guild_locale: _gl, ...rest } = payload;
  return {
    ...rest,
    user: USER,
    context: InteractionContextType.PrivateChannel,
    authorizing_integration_owners: { '1': FAKE_USER_ID },
    app_permissions: '0',
    channel: {
      id: FAKE_CHANNEL_ID,
      type: ChannelType.GroupDM,
      name: 'friends',
      recipients: [USER],
      owner_id: FAKE_USER_ID,
      icon: null,
      last_message_id: null,
      flags: 0,
    },
  };
}

/** "Ask feud-bot" on a message, as Discord sends it: type 2, data.type 3, the message in data.resolved. */
function onMessage(target: Partial<APIMessage>, locale = 'en-US') {
  const message = fakeMessage({
    type: MessageType.Default,
    author: { ...USER, id: '1100000000000000077', username: 'friend' },
    webhook_id: undefined,
    application_id: undefined,
    ...target,
  });
  return {
    id: nextSnowflake(),
    application_id: FAKE_APPLICATION_ID,
    type: InteractionType.ApplicationCommand,
    token: `fake-interaction-${nextSnowflake()}`,
    version: 1,
    locale,
    entitlements: [],
    attachment_size_limit: 10_485_760,
    channel_id: FAKE_CHANNEL_ID,
    data: {
      id: '1100000000000000044',
      name: 'Ask feud-bot',
      type: 3,
      target_id: message.id,
      resolved: { messages: { [message.id]: message } },
    },
    ...inGroupDm({}),
  };
}

describe('a user install', () => {
  it('in a group DM (context 2, no guild, no member permissions) answers /feud when', async () => {
    const body = await bot.ask(
      inGroupDm(chatInput({ subcommand: 'when', options: [{ name: 'query', value: 'GPT-2' }] })),
    );
    expectValid(body, 4);
    expect(paragraphs).toContain(passageOf(embedOf(body)));
  });
});

describe('the message command "Ask feud-bot"', () => {
  it('asks a message’s text and answers privately, saying what was asked, with a Share button', async () => {
    const body = await bot.ask(onMessage({ content: 'when did musk leave the board?' }));
    expectValid(body, 4);
    const data = messageOf(body);
    expect(data.flags).toBe(64);
    expect(data.content).toContain('Asked: “when did musk leave the board?”');
    expect(paragraphs).toContain(passageOf(embedOf(body)));
    expect(controlsOf(body).map((c) => c.label)).toContain('Share');
  });

  it('on a message with only an image: a clear private reply, and how to ask instead', async () => {
    const image = {
      id: nextSnowflake(),
      filename: 'cat.png',
      size: 1000,
      url: 'https://cdn.example/cat.png',
      proxy_url: 'https://cdn.example/cat.png',
    };
    const body = await bot.ask(onMessage({ content: '', attachments: [image] }));
    expectValid(body, 4);
    expect(messageOf(body).flags).toBe(64);
    expect(messageOf(body).content).toBe(MESSAGES.en.messageNoText(true, '/feud ask'));
  });

  it('on a message with only an embed (a link preview, a bot’s answer): asks the embed’s text', async () => {
    const body = await bot.ask(
      onMessage({ content: '', embeds: [{ title: 'News', description: 'When did Musk leave the OpenAI board?' }] }),
    );
    expectValid(body, 4);
    expect(messageOf(body).content).toContain('Asked: “News. When did Musk leave the OpenAI board?”');
    expect(paragraphs).toContain(passageOf(embedOf(body)));
  });

  it('on a message with no text at all: a clear private reply', async () => {
    const body = await bot.ask(onMessage({ content: '   ' }));
    expectValid(body, 4);
    expect(messageOf(body).content).toBe(MESSAGES.en.messageNoText(false, '/feud ask'));
  });

  it('on 2,000 characters: asks the most question-like sentence, within the query limit, and says so', async () => {
    const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(34);
    const text = `${filler}So when did OpenAI launch GPT-2? ${filler}`.slice(0, 2000);
    expect(text).toHaveLength(2000);
    const body = await bot.ask(onMessage({ content: text }));
    expectValid(body, 4);
    const content = plain(messageOf(body).content ?? '');
    expect(content).toContain(MESSAGES.en.messageCut(2000));
    expect(content).toContain('Asked: “So when did OpenAI launch GPT-2?”');
    expect(passageOf(embedOf(body))).toContain('GPT-2');
  });

  it('answers a zh-TW reader in Traditional, the article’s passage verbatim', async () => {
    const body = await bot.ask(onMessage({ content: '马斯克什么时候离开董事会?' }, 'zh-TW'));
    expectValid(body, 4);
    const embed = embedOf(body);
    expect(paragraphs).toContain(passageOf(embed));
    expect(messageOf(body).content).toMatch(/^提問:/);
    expect((embed.fields ?? []).map((f) => f.name)).toContain('時間');
    expect(controlsOf(body).map((c) => c.label)).toContain('分享');
  });
});

describe('/feud help', () => {
  it('names every subcommand with two examples each, as clickable mentions carrying the command id', async () => {
    const body = await bot.ask(chatInput({ subcommand: 'help' }));
    expectValid(body, 4);
    const embed = embedOf(body);
    const text = (embed.fields ?? []).map((f) => f.value).join('\n');
    for (const sub of ['ask', 'when', 'quote', 'who', 'timeline']) {
      expect(text).toContain(`</feud ${sub}:${FAKE_COMMAND_ID}>`);
    }
    for (const sub of ['ask', 'when', 'quote', 'who']) {
      const examples = text.split('\n').filter((l) => l.startsWith(`• </feud ${sub}:${FAKE_COMMAND_ID}> `));
      expect(examples, sub).toHaveLength(2);
    }
  });

  it('a no-match reply names its command as a mention, for zh-CN readers too', async () => {
    const body = await bot.ask(
      chatInput({ subcommand: 'when', locale: 'zh-CN', options: [{ name: 'query', value: 'asdfqwer' }] }),
    );
    expectValid(body, 4);
    expect(messageOf(body).content).toContain(`</feud when:${FAKE_COMMAND_ID}>`);
    expect(messageOf(body).content).not.toMatch(/\/feud when(?!:)/);
  });
});

describe('Share and Delete', () => {
  const stranger = { id: '1100000000000000099', username: 'someone-else' };

  it('Share posts a private answer publicly, with Delete; Delete by someone else is refused privately', async () => {
    const first = await bot.ask(
      chatInput({
        subcommand: 'when',
        options: [
          { name: 'query', value: 'GPT-2' },
          { name: 'private', value: true },
        ],
      }),
    );
    expectValid(first, 4);
    const share = controlsOf(first).find((c) => c.label === 'Share')!;
    const shared = await bot.ask(button({ customId: share.custom_id, message: { flags: 64 } }));
    expectValid(shared, 4);
    expect(messageOf(shared).flags ?? 0).toBe(0);
    expect(embedOf(shared).title).toBe(embedOf(first).title);
    const del = controlsOf(shared).find((c) => c.label === 'Delete')!;

    const refused = await bot.ask(button({ customId: del.custom_id, user: stranger }));
    expectValid(refused, 4);
    expect(messageOf(refused).flags).toBe(64);
    expect(messageOf(refused).content).toBe(MESSAGES.en.deleteNotYours);
  });

  it('Delete by the asker acknowledges the click and deletes the message', async () => {
    const answer = await bot.ask(chatInput({ subcommand: 'who', options: [{ name: 'query', value: 'Altman' }] }));
    const del = controlsOf(answer).find((c) => c.label === 'Delete')!;
    const click = button({ customId: del.custom_id });
    const body = await bot.ask(click);
    expectValid(body, 6);
    const deleted = await bot.fake.waitForRequest(
      (r) => r.method === 'DELETE' && r.path === `/webhooks/${FAKE_APPLICATION_ID}/${click.token}/messages/@original`,
    );
    expect(deleted.status).toBe(204);
  });
});

describe('a zh-TW reader', () => {
  it('gets the interface in Traditional characters and the article’s passage verbatim (Simplified)', async () => {
    const body = await bot.ask(
      chatInput({ subcommand: 'when', locale: 'zh-TW', options: [{ name: 'query', value: 'GPT-2' }] }),
    );
    expectValid(body, 4);
    const embed = embedOf(body);
    expect(paragraphs).toContain(passageOf(embed));
    const names = (embed.fields ?? []).map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['時間', '出處']));
    const gpt2 = events.find((e) => e.id === 'gpt-2')!;
    expect(embed.title).toContain('稱為');
    expect(embed.title).not.toBe(gpt2.label.zh);
    expect(controlsOf(body).map((c) => c.label)).toEqual(expect.arrayContaining(['上一條', '下一條', '刪除']));
    // The citation is the article's own title and publisher: verbatim.
    expect(embed.footer?.text).toContain('马斯克和OpenAI:分手,不要体面');
  });
});
