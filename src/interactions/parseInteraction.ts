// Incoming interaction payloads → typed requests, validated once with zod. Anything else is "unsupported".
import * as z from 'zod';
import { ASK_MESSAGE_COMMAND, FEUD_COMMAND } from '../../commands/feud.ts';

const snowflake = z.string().regex(/^\d{1,20}$/);
// Plain objects, not loose ones: only the fields read are copied out of a payload that carries many more.
const user = z.object({ id: snowflake });

const base = z.object({
  id: snowflake,
  application_id: snowflake,
  type: z.number().int(),
  token: z.string().min(1),
  locale: z.string().optional(),
  guild_locale: z.string().optional(),
  member: z.object({ user }).optional(),
  user: user.optional(),
  guild_id: snowflake.optional(),
  /** 0 guild, 1 the bot's DM, 2 any other DM or group DM (a user-installed app). */
  context: z.number().int().optional(),
});

const leafOption = z.looseObject({
  name: z.string(),
  type: z.number().int(),
  value: z.unknown().optional(),
  focused: z.boolean().optional(),
});

const subcommand = z.looseObject({
  name: z.string(),
  type: z.literal(1),
  options: z.array(leafOption).optional(),
});

const commandData = z.looseObject({
  id: snowflake.optional(),
  name: z.string(),
  /** 1 chat input, 3 message command. */
  type: z.number().int().optional(),
  options: z.array(z.looseObject({ name: z.string(), type: z.number() })).optional(),
  target_id: snowflake.optional(),
  resolved: z
    .looseObject({
      messages: z
        .record(
          z.string(),
          z.looseObject({
            content: z.string().optional(),
            attachments: z.array(z.unknown()).optional(),
            embeds: z
              .array(z.looseObject({ title: z.string().optional(), description: z.string().optional() }))
              .optional(),
            sticker_items: z.array(z.unknown()).optional(),
          }),
        )
        .optional(),
    })
    .optional(),
});

const componentMessage = z.looseObject({ flags: z.number().int().optional() });

const componentData = z.looseObject({
  custom_id: z.string().max(100),
  component_type: z.number().int(),
  values: z.array(z.string()).optional(),
});

export type Subcommand = 'ask' | 'when' | 'quote' | 'who' | 'timeline' | 'help';
/** The names the deployed definition registers: the bot answers exactly what deploy told Discord. */
const SUBCOMMANDS: readonly string[] = FEUD_COMMAND.options.map((o) => o.name);
const isSubcommand = (name: string): name is Subcommand => SUBCOMMANDS.includes(name);

interface Common {
  id: string;
  /** Discord's interaction type: an autocomplete must be answered with choices, even when refused. */
  type: number;
  token: string;
  applicationId: string;
  locale: string | undefined;
  userId: string;
  /** The /feud command's id, for clickable command mentions; only chat input and autocomplete carry it. */
  commandId?: string;
  /** 2: a DM or group DM reached through a user install; the server may also force replies private. */
  context?: number;
}

/** The message "Ask feud-bot" was used on: its text, and whether it held anything besides text. */
export interface TargetMessage {
  id: string;
  content: string;
  attachments: number;
}

export type ParsedInteraction =
  | (Common & { kind: 'ping' })
  | (Common & { kind: 'command'; subcommand: Subcommand; query: unknown; private: unknown })
  | (Common & { kind: 'autocomplete'; subcommand: Subcommand; partial: unknown })
  /** `messageFlags`: the flags of the message the component is on (64: ephemeral). */
  | (Common & { kind: 'component'; customId: string; values: string[]; messageFlags: number })
  | (Common & { kind: 'message'; target: TargetMessage })
  /** A well-formed interaction this bot has no handler for: answered with a clean refusal. */
  | (Common & { kind: 'unsupported'; reason: string });

/** Interaction types (Discord API): 1 PING, 2 APPLICATION_COMMAND, 3 MESSAGE_COMPONENT, 4 AUTOCOMPLETE. */
const PING = 1;
const COMMAND = 2;
const COMPONENT = 3;
export const AUTOCOMPLETE = 4;
/** Application command types (data.type): 1 chat input, 3 message. */
const MESSAGE_COMMAND = 3;

export interface InteractionTarget {
  id: string;
  type: number;
  token: string;
  applicationId: string;
  locale: string | undefined;
}

/** Where and how to answer, from the envelope alone: what a transport needs to apologise when handling threw. */
export function interactionTarget(payload: unknown): InteractionTarget | undefined {
  const head = base.safeParse(payload);
  if (!head.success) return undefined;
  const i = head.data;
  return {
    id: i.id,
    type: i.type,
    token: i.token,
    applicationId: i.application_id,
    locale: i.locale ?? i.guild_locale,
  };
}

/**
 * Returns undefined when the payload is not an interaction at all (no id or token to answer with).
 * Everything else becomes a request, or `unsupported` with the reason.
 */
export function parseInteraction(payload: unknown): ParsedInteraction | undefined {
  const head = base.safeParse(payload);
  if (!head.success) return undefined;
  const i = head.data;
  const common: Common = {
    id: i.id,
    type: i.type,
    token: i.token,
    applicationId: i.application_id,
    locale: i.locale ?? i.guild_locale,
    userId: i.member?.user.id ?? i.user?.id ?? '0',
    ...(i.context === undefined ? {} : { context: i.context }),
  };
  const data = (payload as { data?: unknown }).data;
  if (i.type === PING) return { ...common, kind: 'ping' };
  if (i.type === COMPONENT) {
    const c = componentData.safeParse(data);
    if (!c.success) return { ...common, kind: 'unsupported', reason: 'malformed component data' };
    const flags = componentMessage.safeParse((payload as { message?: unknown }).message);
    const messageFlags = flags.success ? (flags.data.flags ?? 0) : 0;
    return { ...common, kind: 'component', customId: c.data.custom_id, values: c.data.values ?? [], messageFlags };
  }
  if (i.type !== COMMAND && i.type !== AUTOCOMPLETE) {
    return { ...common, kind: 'unsupported', reason: `interaction type ${i.type}` };
  }
  const cmd = commandData.safeParse(data);
  if (cmd.success && i.type === COMMAND && cmd.data.type === MESSAGE_COMMAND) {
    if (cmd.data.name !== ASK_MESSAGE_COMMAND.name)
      return { ...common, kind: 'unsupported', reason: 'unknown command' };
    const targetId = cmd.data.target_id ?? '';
    const m = cmd.data.resolved?.messages?.[targetId];
    const attachments = (m?.attachments?.length ?? 0) + (m?.sticker_items?.length ?? 0);
    // A message with no text of its own but an embed (a link preview, another bot's answer) is asked by the embed's text.
    const embedText = (m?.embeds ?? []).map((e) => [e.title, e.description].filter(Boolean).join('. ')).join('\n');
    const content = m?.content?.trim() ? m.content : embedText;
    return { ...common, kind: 'message', target: { id: targetId, content, attachments } };
  }
  if (!cmd.success || cmd.data.name !== FEUD_COMMAND.name)
    return { ...common, kind: 'unsupported', reason: 'unknown command' };
  if (cmd.data.id) common.commandId = cmd.data.id;
  const sub = subcommand.safeParse(cmd.data.options?.[0]);
  if (!sub.success || !isSubcommand(sub.data.name)) {
    return { ...common, kind: 'unsupported', reason: 'unknown subcommand' };
  }
  const name = sub.data.name;
  const options = sub.data.options ?? [];
  const value = (n: string) => options.find((o) => o.name === n)?.value;
  if (i.type === AUTOCOMPLETE) {
    const focused = options.find((o) => o.focused) ?? options.find((o) => o.name === 'query');
    return { ...common, kind: 'autocomplete', subcommand: name, partial: focused?.value };
  }
  return { ...common, kind: 'command', subcommand: name, query: value('query'), private: value('private') };
}
