import { describe, expect, it } from 'vitest';
import { ConfigError, configWarnings, dropBlankShardVariables, parseEnv } from '../src/config/env.ts';

describe('the environment schema', () => {
  it('treats blank values as unset, as a copied .env.example has them', () => {
    expect(parseEnv({ DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '  ', PORT: '', SHARD_COUNT: '' })).toEqual({});
  });

  it('reads the REST base the way discord.js wants it, without the version or a trailing slash', () => {
    for (const url of ['http://127.0.0.1:8080/api', 'http://127.0.0.1:8080/api/', 'http://127.0.0.1:8080/api/v10']) {
      expect(parseEnv({ DISCORD_API_BASE_URL: url }).DISCORD_API_BASE_URL).toBe('http://127.0.0.1:8080/api');
    }
  });

  it('coerces numbers and knows SHARD_COUNT=auto', () => {
    expect(parseEnv({ DISCORD_PUBLIC_KEY: 'a'.repeat(64), PORT: '8080', SHARD_COUNT: 'auto' })).toMatchObject({
      PORT: 8080,
      SHARD_COUNT: 'auto',
    });
    expect(parseEnv({ SHARD_COUNT: '4' }).SHARD_COUNT).toBe(4);
  });

  it('names the variable and never echoes a secret', () => {
    const secret = 'Bot abc.def';
    const attempt = () => parseEnv({ DISCORD_TOKEN: secret, DISCORD_APPLICATION_ID: '1' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/^DISCORD_TOKEN: /);
    try {
      attempt();
    } catch (error) {
      expect(String(error)).not.toContain('abc.def');
    }
  });

  it('wants the application id with a token, and a port with a public key', () => {
    expect(() => parseEnv({ DISCORD_TOKEN: 'token' })).toThrow(/^DISCORD_APPLICATION_ID: /);
    expect(() => parseEnv({ DISCORD_PUBLIC_KEY: 'a'.repeat(64) })).toThrow(/^PORT: /);
  });

  it('drops a blank SHARD_COUNT that discord.js would choke on, and keeps a real one', () => {
    const env: Record<string, string | undefined> = { SHARD_COUNT: '', SHARDS: ' ', OTHER: '' };
    dropBlankShardVariables(env);
    expect(env).toEqual({ OTHER: '' });
    const sharded: Record<string, string | undefined> = { SHARD_COUNT: '2', SHARDS: '[1]' };
    dropBlankShardVariables(sharded);
    expect(sharded).toEqual({ SHARD_COUNT: '2', SHARDS: '[1]' });
  });

  it('says what a bad number accepts, not "Invalid input" or "received NaN"', () => {
    expect(() => parseEnv({ SHARD_COUNT: 'abc' })).toThrow(
      /^SHARD_COUNT: must be "auto" or a whole number of shards from 1 to 1000$/,
    );
    expect(() => parseEnv({ SHARD_COUNT: '0' })).toThrow(/^SHARD_COUNT: must be "auto"/);
    expect(() => parseEnv({ COOLDOWN_SECONDS: 'abc' })).toThrow(
      /^COOLDOWN_SECONDS: must be a whole number of seconds from 1 to 3600$/,
    );
    expect(() => parseEnv({ COOLDOWN_ANSWERS: '2.5' })).toThrow(/^COOLDOWN_ANSWERS: must be a whole number/);
  });

  it('warns, one line each, about a setting that means nothing without its partner', () => {
    expect(configWarnings(parseEnv({ PORT: '8080' }))).toEqual([expect.stringMatching(/^PORT .*DISCORD_PUBLIC_KEY/)]);
    expect(configWarnings(parseEnv({ SHARD_COUNT: '2' }))).toEqual([
      expect.stringMatching(/^SHARD_COUNT .*DISCORD_TOKEN/),
    ]);
    expect(configWarnings(parseEnv({ DISCORD_PUBLIC_KEY: 'a'.repeat(64), PORT: '8080' }))).toEqual([]);
  });
});
