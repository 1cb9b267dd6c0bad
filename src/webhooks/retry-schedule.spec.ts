import { nextAttemptDelayMs, retryDelayMs } from './retry-schedule';

const schedule = { baseDelayMs: 5_000, maxDelayMs: 6 * 3_600_000, windowMs: 27 * 3_600_000 };

describe('retry schedule', () => {
  it('grows by 4 from the base to the cap without jitter (random = 0.5)', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelayMs(n, schedule, () => 0.5));
    expect(delays).toEqual([5_000, 20_000, 80_000, 320_000, 1_280_000, 5_120_000, 20_480_000, 21_600_000]);
  });

  it('keeps each delay longer than the last even at the jitter extremes', () => {
    for (let n = 1; n < 7; n++) {
      expect(retryDelayMs(n + 1, schedule, () => 0)).toBeGreaterThan(retryDelayMs(n, schedule, () => 0.999));
    }
    expect([retryDelayMs(1, schedule, () => 0), retryDelayMs(1, schedule, () => 1)]).toEqual([4_000, 6_000]);
  });

  it('retries for at least 24 hours, then gives up', () => {
    let elapsed = 0;
    let failures = 0;
    for (;;) {
      failures++;
      const delay = nextAttemptDelayMs(failures, 0, elapsed, schedule, undefined, () => 0.5);
      if (delay === undefined) {
        break;
      }
      elapsed += delay;
    }
    expect({ failures, hours: Math.floor(elapsed / 3_600_000) }).toEqual({ failures: 11, hours: 25 });
  });

  it('honours a longer Retry-After, capped at the longest delay', () => {
    expect([
      nextAttemptDelayMs(1, 0, 0, schedule, 120_000, () => 0.5),
      nextAttemptDelayMs(1, 0, 0, schedule, 1_000, () => 0.5),
      nextAttemptDelayMs(1, 0, 0, schedule, 48 * 3_600_000, () => 0.5),
    ]).toEqual([120_000, 5_000, 6 * 3_600_000]);
  });
});
