// Per-user sliding-window limiter for answers: pure apart from the clock, memory bounded by the active users.
import type { Env } from '../config/env.ts';

export interface Cooldown {
  /** Records an answer for the user if allowed: 0, else whole seconds (≥ 1) until the next answer is allowed. */
  take(userId: string): number;
  /** Users currently remembered; for tests and health output. */
  readonly size: number;
}

export interface CooldownOptions {
  /** Answers allowed per window; 0 turns the limiter off. */
  answers: number;
  seconds: number;
  /** Monotonic clock in ms. */
  now?: () => number;
  /** Hard cap on remembered users; past it the least recently active is forgotten. */
  maxUsers?: number;
}

export const COOLDOWN_DEFAULTS = Object.freeze({ answers: 5, seconds: 10, maxUsers: 100_000 });

const ALWAYS_ALLOWED: Cooldown = { take: () => 0, size: 0 };

export function createCooldown(options: CooldownOptions): Cooldown {
  const { answers, seconds } = options;
  if (!Number.isInteger(answers) || answers < 0) throw new RangeError('cooldown answers must be an integer ≥ 0');
  if (!(seconds > 0)) throw new RangeError('cooldown seconds must be > 0');
  if (answers === 0) return ALWAYS_ALLOWED;
  const now = options.now ?? (() => performance.now());
  const maxUsers = options.maxUsers ?? COOLDOWN_DEFAULTS.maxUsers;
  const windowMs = seconds * 1000;
  // Insertion order is recency order (each touch re-inserts), so expired users are always at the front.
  const recent = new Map<string, number[]>();

  function forgetIdle(at: number): void {
    for (const [user, times] of recent) {
      if ((times.at(-1) ?? -Infinity) > at - windowMs && recent.size <= maxUsers) return;
      recent.delete(user);
    }
  }

  return {
    take(userId) {
      const at = now();
      forgetIdle(at);
      const times = (recent.get(userId) ?? []).filter((t) => t > at - windowMs);
      if (times.length < answers) {
        times.push(at);
        recent.delete(userId);
        recent.set(userId, times);
        forgetIdle(at);
        return 0;
      }
      // A refusal is not an answer: the user keeps their place, and the wait is not extended.
      recent.set(userId, times);
      // The oldest answer in the window is the first to leave it.
      const waitMs = (times[0] ?? at) + windowMs - at;
      return Math.max(1, Math.ceil(waitMs / 1000));
    },
    get size() {
      return recent.size;
    },
  };
}

/**
 * Per process: behind a load balancer, or across shards, each process counts separately, so a user can get
 * up to N times the limit from N processes; a global limit needs a shared store (e.g. Redis) and a round trip
 * per interaction, which we judged not worth it for a soft anti-spam limit.
 */
export function cooldownFromEnv(env: Pick<Env, 'COOLDOWN_ANSWERS' | 'COOLDOWN_SECONDS'>): Cooldown | undefined {
  const answers = env.COOLDOWN_ANSWERS ?? COOLDOWN_DEFAULTS.answers;
  if (answers === 0) return undefined;
  return createCooldown({ answers, seconds: env.COOLDOWN_SECONDS ?? COOLDOWN_DEFAULTS.seconds });
}
