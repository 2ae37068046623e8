// The environment, validated by one zod schema: the only code that reads process.env.
import { z } from 'zod';

// Real ids are 17–20 digits; test doubles and proxies use shorter ones, and digits are what matters.
const snowflake = z.string().regex(/^\d{1,20}$/, 'must be a Discord id (digits only)');
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

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
  PORT: optional(z.coerce.number().int().min(1).max(65535)),
  HOST: optional(z.string().min(1)),
  HEALTH_PORT: optional(z.coerce.number().int().min(1).max(65535)),
  SHARD_COUNT: optional(z.union([z.literal('auto'), z.coerce.number().int().min(1).max(1000)])),
  COOLDOWN_ANSWERS: optional(z.coerce.number().int().min(0).max(1000)),
  COOLDOWN_SECONDS: optional(z.coerce.number().int().min(1).max(3600)),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS)),
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
 * discord.js reads SHARD_COUNT and SHARDS from the environment itself, and a blank SHARD_COUNT (as in a
 * .env copied from .env.example) makes it throw. Blank means unset, for it as for us.
 */
export function dropBlankShardVariables(env: Record<string, string | undefined>): void {
  for (const key of ['SHARD_COUNT', 'SHARDS']) if (env[key]?.trim() === '') delete env[key];
}
