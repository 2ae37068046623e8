// Judges what the bot sends against Discord's published schemas, plus the rules those schemas cannot express.
import {
  ApplicationCommandAutocompleteCallbackRequestSchema,
  CreateMessageInteractionCallbackRequestSchema,
  IncomingWebhookInteractionRequestSchema,
  IncomingWebhookRequestPartialSchema,
  IncomingWebhookUpdateForInteractionCallbackRequestPartialSchema,
  IncomingWebhookUpdateRequestPartialSchema,
  LaunchActivityInteractionCallbackRequestSchema,
  ModalInteractionCallbackRequestSchema,
  PongInteractionCallbackRequestSchema,
  UpdateMessageInteractionCallbackRequestSchema,
} from 'discord-api-spec/zod';
import { config, locales, type ZodMiniObject, type ZodMiniType } from 'zod/mini';

// zod/mini ships no messages of its own; without a locale every issue reads "Invalid input".
config(locales.en());

const EMBED_TOTAL_LIMIT = 6000;
// discord.js builds one body for channels, webhooks and interactions, so these ride along everywhere; harmless.
const DISCORD_JS_EXTRAS = ['tts', 'enforce_nonce', 'nonce'];
const COMPONENTS_V2_FLAG = 1 << 15;

const CALLBACK_SCHEMAS: Record<number, ZodMiniType> = {
  1: PongInteractionCallbackRequestSchema,
  4: CreateMessageInteractionCallbackRequestSchema,
  5: CreateMessageInteractionCallbackRequestSchema,
  6: UpdateMessageInteractionCallbackRequestSchema,
  7: UpdateMessageInteractionCallbackRequestSchema,
  8: ApplicationCommandAutocompleteCallbackRequestSchema,
  9: ModalInteractionCallbackRequestSchema,
  12: LaunchActivityInteractionCallbackRequestSchema,
};

// The fields Discord reads in each callback's `data`; anything else (say `ephemeral: true`) is silently ignored.
const CALLBACK_DATA_SHAPES: Record<number, ZodMiniObject> = {
  4: IncomingWebhookInteractionRequestSchema,
  5: IncomingWebhookInteractionRequestSchema,
  6: IncomingWebhookUpdateForInteractionCallbackRequestPartialSchema,
  7: IncomingWebhookUpdateForInteractionCallbackRequestPartialSchema,
};

/** Problems with an interaction callback body, as readable lines; empty means Discord would accept it. */
export function checkCallbackBody(body: unknown): string[] {
  const fields = record(body);
  const type = fields.type;
  const schema = typeof type === 'number' ? CALLBACK_SCHEMAS[type] : undefined;
  if (typeof type !== 'number' || !schema) return [`type: ${JSON.stringify(type)} is not an interaction callback type`];
  const problems = [...schemaProblems(schema, body), ...unknownKeys(fields, ['type', 'data'], '')];
  const data = record(fields.data);
  const shape = CALLBACK_DATA_SHAPES[type];
  if (shape && fields.data != null) problems.push(...unknownKeys(data, Object.keys(shape.shape), 'data.'));
  if (type === 4) problems.push(...messageRules(data, 'data.', { mustHaveContent: true }));
  if (type === 7 && fields.data != null) problems.push(...messageRules(data, 'data.', { mustHaveContent: false }));
  return problems;
}

/** Problems with a webhook message body: an edit of @original (PATCH) or a follow-up (POST). */
export function checkMessageBody(body: unknown, kind: 'edit' | 'followUp' = 'edit'): string[] {
  const schema = kind === 'edit' ? IncomingWebhookUpdateRequestPartialSchema : IncomingWebhookRequestPartialSchema;
  const fields = record(body);
  return [
    ...schemaProblems(schema, body),
    ...unknownKeys(fields, Object.keys(schema.shape), ''),
    ...messageRules(fields, '', { mustHaveContent: kind === 'followUp' }),
  ];
}

function messageRules(message: Record<string, unknown>, at: string, options: { mustHaveContent: boolean }): string[] {
  const problems: string[] = [];
  const embeds = Array.isArray(message.embeds) ? message.embeds.map(record) : [];
  const total = embeds.reduce((sum, embed) => sum + embedTextLength(embed), 0);
  if (total > EMBED_TOTAL_LIMIT) {
    problems.push(`${at}embeds: ${total} characters of embed text in one message; Discord allows ${EMBED_TOTAL_LIMIT}`);
  }
  const mentions = record(message.allowed_mentions);
  if (!Array.isArray(mentions.parse) || mentions.parse.length > 0) {
    problems.push(`${at}allowed_mentions: must be present with parse: [] so a reply can never ping anyone`);
  }
  const hasBody = ['content', 'embeds', 'components', 'attachments', 'poll'].some((key) => nonEmpty(message[key]));
  if (options.mustHaveContent && !hasBody) problems.push(`${at}: an empty message (Discord error 50006)`);
  const flags = typeof message.flags === 'number' ? message.flags : 0;
  if (flags & COMPONENTS_V2_FLAG && (nonEmpty(message.content) || nonEmpty(message.embeds))) {
    problems.push(`${at}flags: IS_COMPONENTS_V2 forbids content and embeds`);
  }
  return problems;
}

// Discord's 6000-character budget counts these fields and no others.
function embedTextLength(embed: Record<string, unknown>): number {
  const fields = Array.isArray(embed.fields) ? embed.fields.map(record) : [];
  const texts = [
    embed.title,
    embed.description,
    record(embed.footer).text,
    record(embed.author).name,
    ...fields.flatMap((field) => [field.name, field.value]),
  ];
  return texts.reduce<number>((sum, text) => sum + (typeof text === 'string' ? [...text].length : 0), 0);
}

function schemaProblems(schema: ZodMiniType, body: unknown): string[] {
  const result = schema.safeParse(body);
  return result.success ? [] : result.error.issues.flatMap((issue) => describe(issue, []));
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  errors?: Issue[][];
}

// A union reports every branch's failure; keep the branch that got furthest, which is the one the body meant.
function describe(issue: Issue, parentPath: PropertyKey[]): string[] {
  const path = [...parentPath, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0) {
    const best = [...issue.errors].sort((a, b) => a.length - b.length || depth(b) - depth(a))[0] ?? [];
    if (best.length > 0) return best.flatMap((inner) => describe(inner, path));
  }
  return [`${path.map(String).join('.') || '(body)'}: ${issue.message}`];
}

function depth(issues: Issue[]): number {
  return Math.max(0, ...issues.map((issue) => issue.path.length));
}

function unknownKeys(fields: Record<string, unknown>, known: string[], at: string): string[] {
  return Object.keys(fields)
    .filter((key) => !known.includes(key) && !DISCORD_JS_EXTRAS.includes(key))
    .map((key) => `${at}${key}: not a field Discord knows; it would be ignored`);
}

function nonEmpty(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === 'string' ? value.length > 0 : value != null;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
