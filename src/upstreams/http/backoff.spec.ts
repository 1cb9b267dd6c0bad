import { fullJitterDelayMs, parseRetryAfterMs } from './backoff';

describe('fullJitterDelayMs', () => {
  it('draws uniformly below an exponentially growing ceiling', () => {
    expect(fullJitterDelayMs(0, 100, 10_000, () => 0.999)).toBe(99);
    expect(fullJitterDelayMs(1, 100, 10_000, () => 0.999)).toBe(199);
    expect(fullJitterDelayMs(3, 100, 10_000, () => 0.5)).toBe(400);
    expect(fullJitterDelayMs(3, 100, 10_000, () => 0)).toBe(0);
  });

  it('never exceeds the cap, however many retries', () => {
    expect(fullJitterDelayMs(30, 100, 2_000, () => 0.999)).toBe(1998);
  });

  it('spreads callers: many draws are not all equal', () => {
    const draws = new Set(Array.from({ length: 50 }, () => fullJitterDelayMs(4, 100, 10_000)));
    expect(draws.size).toBeGreaterThan(10);
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-11-24T10:00:00Z');

  it('reads delta-seconds', () => {
    expect(parseRetryAfterMs('3', now)).toBe(3000);
    expect(parseRetryAfterMs(['7'], now)).toBe(7000);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfterMs('Tue, 24 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfterMs('Tue, 24 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores absent and unreadable values', () => {
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
    expect(parseRetryAfterMs('', now)).toBeUndefined();
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
  });
});
