import { MessageType, type APIMessage, type APIUser, type MessageFlags, type UserFlags } from 'discord.js';
import { FAKE_APPLICATION_ID, FAKE_CHANNEL_ID, nextSnowflake } from './ids.ts';

export const FAKE_BOT_USER: APIUser = {
  id: FAKE_APPLICATION_ID,
  username: 'feud-bot',
  discriminator: '0000',
  global_name: null,
  avatar: null,
  bot: true,
  flags: 0 as UserFlags,
  public_flags: 0 as UserFlags,
};

/** A message as Discord returns it for an interaction reply; `overrides` win. */
export function fakeMessage(overrides: Partial<APIMessage> = {}): APIMessage {
  return {
    id: nextSnowflake(),
    type: MessageType.ChatInputCommand,
    channel_id: FAKE_CHANNEL_ID,
    author: FAKE_BOT_USER,
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    flags: 0 as MessageFlags,
    webhook_id: FAKE_APPLICATION_ID,
    application_id: FAKE_APPLICATION_ID,
    ...overrides,
  };
}
