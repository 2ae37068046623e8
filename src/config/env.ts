// The environment, validated by one zod schema: the only code that reads process.env.
import * as z from 'zod';

// Every process validates its environment first, so zod is configured here, once for all of them. zod
// compiles each object schema into a function on its first parse: ~3 ms for the interaction schema, paid
// by the first answer after a cold start, and measured no faster per parse afterwards (28 vs 30 µs).
z.config({ jitless: true });

// Real ids are 17–20 digits; test doubles and proxies use shorter ones, and digits are what matters.
const snowflake = z.string().regex(/^\d{1,20}$/, 'must be a Discord id (digits only)');
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** A whole number in a range; a bad value says what is accepted, not "received NaN". */
const wholeNumber = (min: number, max: number, what: string) => {
  const error = `must be a whole number ${what} from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

const SHARD_COUNT_ERROR = 'must be "auto" or a whole number of shards from 1 to 1000';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const envSchema = z.object({
  DISCORD_TOKEN: optional(z.string().regex(/^\S+$/, 'does not look like a bot token (no spaces, no "Bot " prefix)')),
  DISCORD_APPLICATION_ID: optional(snowflake),
  DISCORD_GUILD_ID: optional(snowflake),
  DISCORD_API_BASE_URL: optional(
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:8080/api' })
      // discord.js adds /v10 itself: "…/api/", "…/api/v10" and "…/api" all mean the same base.
      .transform((u) => u.replace(/\/+$/, '').replace(/\/v\d+$/, '')),
  ),
  DISCORD_PUBLIC_KEY: optional(z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters')),
  PORT: optional(wholeNumber(1, 65535, '(a TCP port)')),
  HOST: optional(z.string().min(1)),
  HEALTH_PORT: optional(wholeNumber(1, 65535, '(a TCP port)')),
  SHARD_COUNT: optional(
    z
      .string()
      .trim()
      .regex(/^(auto|\d{1,4})$/, SHARD_COUNT_ERROR)
      .transform((v): 'auto' | number => (v === 'auto' ? 'auto' : Number(v)))
      .refine((v) => v === 'auto' || (v >= 1 && v <= 1000), SHARD_COUNT_ERROR),
  ),
  COOLDOWN_ANSWERS: optional(wholeNumber(0, 1000, 'of answers')),
  COOLDOWN_SECONDS: optional(wholeNumber(1, 3600, 'of seconds')),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS)),
  FEUD_DATA_DIR: optional(z.string().min(1)),
  /** Where the annotated article page is published; replies link "¶35" to ARTICLE_URL#p35. */
  ARTICLE_URL: optional(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://feud.example.org/article/' }),
  ),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Validates the environment; a bad value throws one line naming the variable (never its value). */
export function parseEnv(env: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`${name}: ${issue?.message ?? 'invalid'}`);
  }
  const e = result.data;
  if (e.DISCORD_TOKEN && !e.DISCORD_APPLICATION_ID) {
    throw new ConfigError(
      'DISCORD_APPLICATION_ID: required with DISCORD_TOKEN (Developer Portal → General Information)',
    );
  }
  if (e.DISCORD_PUBLIC_KEY && e.PORT === undefined) throw new ConfigError('PORT: required with DISCORD_PUBLIC_KEY');
  return e;
}

/**
 * Settings that mean nothing without their partner: start-up goes on (to the console, or the mode the rest
 * selects), but says so in one line each instead of silently ignoring them.
 */
export function configWarnings(e: Env): string[] {
  const warnings: string[] = [];
  if (e.PORT !== undefined && !e.DISCORD_PUBLIC_KEY) {
    warnings.push('PORT is set without DISCORD_PUBLIC_KEY: HTTP mode needs both, so PORT is ignored');
  }
  if (e.SHARD_COUNT !== undefined && !e.DISCORD_TOKEN) {
    warnings.push('SHARD_COUNT is set without DISCORD_TOKEN: sharding needs the gateway, so SHARD_COUNT is ignored');
  }
  return warnings;
}

/**
 * discord.js reads SHARD_COUNT and SHARDS from the environment itself, and a blank SHARD_COUNT (as in a
 * .env copied from .env.example) makes it throw. Blank means unset, for it as for us.
 */
export function dropBlankShardVariables(env: Record<string, string | undefined>): void {
  for (const key of ['SHARD_COUNT', 'SHARDS']) if (env[key]?.trim() === '') delete env[key];
}

/** FEUD_DATA_DIR: a folder laid out as data/ to read instead (the benchmark's synthetic corpora). */
export function dataDirFromEnv(env: Record<string, string | undefined> = process.env): string | undefined {
  const result = envSchema.shape.FEUD_DATA_DIR.safeParse(env.FEUD_DATA_DIR);
  if (!result.success) throw new ConfigError('FEUD_DATA_DIR: must be a folder path');
  return result.data;
}
