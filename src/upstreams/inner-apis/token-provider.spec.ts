import { CachedTokenProvider, type AccessToken, type TokenSource } from './token-provider';

class CountingSource implements TokenSource {
  calls = 0;
  constructor(
    private readonly clock: () => number,
    private readonly lifetimeMs: number,
  ) {}
  async fetch(): Promise<AccessToken> {
    this.calls++;
    await new Promise((resolve) => setImmediate(resolve));
    return { token: `t${this.calls}`, expiresAt: this.clock() + this.lifetimeMs };
  }
}

describe('CachedTokenProvider', () => {
  let now = 1_000_000;
  const clock = () => now;

  it('reuses the token until a fifth of its lifetime is left, then renews', async () => {
    const source = new CountingSource(clock, 100_000);
    const provider = new CachedTokenProvider(source, 300_000, clock);
    expect(await provider.getToken()).toBe('t1');
    now += 79_000;
    expect(await provider.getToken()).toBe('t1');
    now += 2_000;
    expect(await provider.getToken()).toBe('t2');
    expect(source.calls).toBe(2);
  });

  it('shares one fetch between concurrent callers', async () => {
    const source = new CountingSource(clock, 3_600_000);
    const provider = new CachedTokenProvider(source, 300_000, clock);
    const tokens = await Promise.all(Array.from({ length: 50 }, () => provider.getToken()));
    expect(new Set(tokens)).toEqual(new Set(['t1']));
    expect(source.calls).toBe(1);
  });

  it('fetches anew after the current token is invalidated, but ignores stale invalidations', async () => {
    const source = new CountingSource(clock, 3_600_000);
    const provider = new CachedTokenProvider(source, 300_000, clock);
    await provider.getToken();
    provider.invalidate('t1');
    expect(await provider.getToken()).toBe('t2');
    provider.invalidate('t1');
    expect(await provider.getToken()).toBe('t2');
  });
});
