/**
 * "Full jitter" (AWS architecture blog): a uniform delay in [0, min(cap, base·2^attempt)]. Spreads retries of many
 * callers that failed together, so they do not return to the upstream in lock-step.
 */
export function fullJitterDelayMs(
  retry: number,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, retry));
  return Math.floor(random() * ceiling);
}

/** Retry-After as delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfterMs(
  value: string | string[] | undefined,
  now: number = Date.now(),
): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === '') {
    return undefined;
  }
  if (/^\d+$/.test(text.trim())) {
    return Number(text.trim()) * 1000;
  }
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
