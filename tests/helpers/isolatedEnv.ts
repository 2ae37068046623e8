// The environment for a spawned entry point: PATH and HOME, and only the variables the test sets.
import { envSchema } from '../../src/config/env.ts';

/**
 * Every variable the bot reads is set, empty unless the test gives it: dotenv never overrides a set
 * variable, so a developer's .env in the project cannot leak a real token into a test.
 */
export function isolatedEnv(vars: Record<string, string> = {}): Record<string, string> {
  const blank = Object.fromEntries(Object.keys(envSchema.shape).map((k) => [k, '']));
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...blank, ...vars };
}
