import { TokenBucket } from './token-bucket';

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
});
