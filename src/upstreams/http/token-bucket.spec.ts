import { PacerFullError, TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  let now: number;
  const clock = () => now;

  beforeEach(() => {
    now = 1_000_000;
  });

  it('lets a burst through at once, then spaces callers at the configured rate', () => {
    const bucket = new TokenBucket(10, 2, clock);
    expect([bucket.reserve(), bucket.reserve()]).toEqual([0, 0]);
    expect(bucket.reserve()).toBe(100);
    expect(bucket.reserve()).toBe(200);
    expect(bucket.reserve()).toBe(300);
  });

  it('never lets more than rate × time + burst through over a long run', () => {
    const bucket = new TokenBucket(5, 5, clock);
    const sendTimes: number[] = [];
    for (let i = 0; i < 100; i++) {
      sendTimes.push(now + bucket.reserve());
      now += 10;
    }
    const windowMs = Math.max(...sendTimes) - 1_000_000;
    expect(100).toBeLessThanOrEqual((windowMs / 1000) * 5 + 5 + 1);
  });

  it('refills while idle, up to the burst only', () => {
    const bucket = new TokenBucket(10, 2, clock);
    bucket.reserve();
    bucket.reserve();
    now += 60_000;
    expect([bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([0, 0, 100]);
  });

  it('holds every caller after pauseFor (an upstream 429 with Retry-After)', () => {
    const bucket = new TokenBucket(10, 5, clock);
    bucket.pauseFor(2_000);
    expect(bucket.reserve()).toBe(2_000);
    expect(bucket.reserve()).toBe(2_000);
    now += 2_500;
    expect(bucket.reserve()).toBe(0);
  });

  describe('maxWaitMs', () => {
    /** What a refused reserve() says, or 'reserved' when it was not refused. */
    const refusal = (bucket: TokenBucket): { waitMs: number; retryAfterMs: number } | 'reserved' => {
      try {
        bucket.reserve();
        return 'reserved';
      } catch (e) {
        expect(e).toBeInstanceOf(PacerFullError);
        return { waitMs: (e as PacerFullError).waitMs, retryAfterMs: (e as PacerFullError).retryAfterMs };
      }
    };

    it('refuses at once a caller that would wait longer, reserving nothing', () => {
      const bucket = new TokenBucket(10, 1, clock, 250);
      expect([bucket.reserve(), bucket.reserve(), bucket.reserve()]).toEqual([0, 100, 200]);
      expect(refusal(bucket)).toEqual({ waitMs: 300, retryAfterMs: 50 });
      expect(refusal(bucket)).toEqual({ waitMs: 300, retryAfterMs: 50 });
      // the refusals took no place in the queue: the next slot is still the one after 200 ms
      now += 100;
      expect(bucket.reserve()).toBe(200);
    });

    it('refuses during a 429 pause longer than the wait allowed, and says how long until it would accept', () => {
      const bucket = new TokenBucket(10, 5, clock, 1_000);
      bucket.pauseFor(5_000);
      expect(refusal(bucket)).toEqual({ waitMs: 5_000, retryAfterMs: 4_000 });
      now += 4_000;
      expect(bucket.reserve()).toBe(1_000);
    });

    it('with 0, sends only what the burst allows right now', () => {
      const bucket = new TokenBucket(10, 2, clock, 0);
      expect([bucket.reserve(), bucket.reserve()]).toEqual([0, 0]);
      expect(refusal(bucket)).toEqual({ waitMs: 100, retryAfterMs: 100 });
      now += 100;
      expect(bucket.reserve()).toBe(0);
    });
  });
});
