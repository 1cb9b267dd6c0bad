import { MemoryThrottlerStore } from './memory-throttler.store';

describe('MemoryThrottlerStore', () => {
  let now = 1_000_000;
  let storage: MemoryThrottlerStore;

  beforeEach(() => {
    now = 1_000_000;
    storage = new MemoryThrottlerStore(() => now);
  });
  afterEach(() => storage.onModuleDestroy());

  it('counts hits within a window and reports whole seconds to its end', async () => {
    expect(await storage.increment('k', 10_000, 3, 0, 'w')).toEqual({
      totalHits: 1,
      timeToExpire: 10,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
    now += 2_500;
    expect(await storage.increment('k', 10_000, 3, 0, 'w')).toEqual({
      totalHits: 2,
      timeToExpire: 8,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
  });

  it('blocks past the limit until the window ends, then starts afresh', () => {
    for (let i = 0; i < 3; i++) {
      expect(storage.hit('k', 10_000, 3, 0).isBlocked).toBe(false);
    }
    now += 4_000;
    expect(storage.hit('k', 10_000, 3, 0)).toEqual({
      totalHits: 4,
      timeToExpire: 6,
      isBlocked: true,
      timeToBlockExpire: 6,
    });
    now += 6_000;
    expect(storage.hit('k', 10_000, 3, 0)).toEqual({
      totalHits: 1,
      timeToExpire: 10,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
  });

  it('keeps a longer block across the window boundary', () => {
    storage.hit('k', 1_000, 1, 5_000);
    expect(storage.hit('k', 1_000, 1, 5_000)).toMatchObject({ isBlocked: true, timeToBlockExpire: 5 });
    now += 2_000;
    expect(storage.hit('k', 1_000, 1, 5_000)).toMatchObject({
      totalHits: 1,
      isBlocked: true,
      timeToBlockExpire: 3,
    });
    now += 3_000;
    expect(storage.hit('k', 1_000, 1, 5_000)).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('keeps keys apart', () => {
    storage.hit('a', 1_000, 1, 0);
    expect(storage.hit('a', 1_000, 1, 0).isBlocked).toBe(true);
    expect(storage.hit('b', 1_000, 1, 0).isBlocked).toBe(false);
  });

  it('holds one counter per key however many hits, and sweeps expired ones', () => {
    // A per-day limit of a million must not cost a million entries (the library's default storage keeps one per hit).
    for (let i = 0; i < 100_000; i++) {
      storage.hit('busy', 86_400_000, 1_000_000, 0);
    }
    storage.hit('idle', 1_000, 10, 0);
    expect(storage.size).toBe(2);
    expect(storage.hit('busy', 86_400_000, 1_000_000, 0).totalHits).toBe(100_001);
    now += 2_000;
    storage.sweep();
    expect(storage.size).toBe(1);
  });
});
