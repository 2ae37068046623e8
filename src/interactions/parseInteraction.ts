// Incoming interaction payloads → typed requests, validated once with zod. Anything else is "unsupported".
import { z } from 'zod';
import { FEUD_COMMAND } from '../../commands/feud.ts';

const snowflake = z.string().regex(/^\d{1,20}$/);
const user = z.looseObject({ id: snowflake });

const base = z.looseObject({
  id: snowflake,
  application_id: snowflake,
  type: z.number().int(),
  token: z.string().min(1),
  locale: z.string().optional(),
  guild_locale: z.string().optional(),
  member: z.looseObject({ user }).optional(),
  user: user.optional(),
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
  name: z.string(),
  options: z.array(z.looseObject({ name: z.string(), type: z.number() })).optional(),
});

const componentData = z.looseObject({
  custom_id: z.string().max(100),
  component_type: z.number().int(),
  values: z.array(z.string()).optional(),
});

export type Subcommand = 'ask' | 'when' | 'quote' | 'who' | 'timeline';
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
}

export type ParsedInteraction =
  | (Common & { kind: 'ping' })
  | (Common & { kind: 'command'; subcommand: Subcommand; query: unknown; private: unknown })
  | (Common & { kind: 'autocomplete'; subcommand: Subcommand; partial: unknown })
  | (Common & { kind: 'component'; customId: string; values: string[] })
  /** A well-formed interaction this bot has no handler for: answered with a clean refusal. */
  | (Common & { kind: 'unsupported'; reason: string });

/** Interaction types (Discord API): 1 PING, 2 APPLICATION_COMMAND, 3 MESSAGE_COMPONENT, 4 AUTOCOMPLETE. */
const PING = 1;
const COMMAND = 2;
const COMPONENT = 3;
export const AUTOCOMPLETE = 4;

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
  };
  const data = (payload as { data?: unknown }).data;
  if (i.type === PING) return { ...common, kind: 'ping' };
  if (i.type === COMPONENT) {
    const c = componentData.safeParse(data);
    if (!c.success) return { ...common, kind: 'unsupported', reason: 'malformed component data' };
    return { ...common, kind: 'component', customId: c.data.custom_id, values: c.data.values ?? [] };
  }
  if (i.type !== COMMAND && i.type !== AUTOCOMPLETE) {
    return { ...common, kind: 'unsupported', reason: `interaction type ${i.type}` };
  }
  const cmd = commandData.safeParse(data);
  if (!cmd.success || cmd.data.name !== FEUD_COMMAND.name)
    return { ...common, kind: 'unsupported', reason: 'unknown command' };
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
