export interface RetrySchedule {
  baseDelayMs: number;
  maxDelayMs: number;
  /** no retry starts later than this after the window opened (the first attempt or a redelivery) */
  windowMs: number;
}

export const GROWTH = 4;
export const JITTER = 0.2;

/**
 * The delay before retry number `retry` (1 = after the first failure): base·4^(retry-1), capped, ±20 % jitter. With a
 * factor of 4 and ±20 %, each delay is still longer than the one before (3.2× at worst) until the cap, while receivers
 * that failed together do not come back in lock-step. Defaults: 5 s, 20 s, 80 s, 5 min, 21 min, 85 min, 5.7 h, then
 * every 6 h, until 27 h after the first attempt.
 */
export function retryDelayMs(
  retry: number,
  schedule: RetrySchedule,
  random: () => number = Math.random,
): number {
  const raw = Math.min(schedule.maxDelayMs, schedule.baseDelayMs * GROWTH ** Math.max(0, retry - 1));
  return Math.round(raw * (1 - JITTER + 2 * JITTER * random()));
}

/**
 * When to try again after a failed attempt, or undefined when the window is over (the delivery is then a dead
 * letter). A receiver's Retry-After is honoured when it asks for longer than the schedule (capped at the cap).
 */
export function nextAttemptDelayMs(
  failedAttempts: number,
  windowStartedAt: number,
  now: number,
  schedule: RetrySchedule,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number | undefined {
  const scheduled = retryDelayMs(failedAttempts, schedule, random);
  const delay = Math.max(scheduled, Math.min(retryAfterMs ?? 0, schedule.maxDelayMs));
  return now + delay - windowStartedAt > schedule.windowMs ? undefined : delay;
}
