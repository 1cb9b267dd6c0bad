import { MemoryResponseCacheStore } from './memory-response-cache.store';

describe('MemoryResponseCacheStore', () => {
  let now = 0;
  const entry = (text: string) => ({
    body: Buffer.from(text),
    contentType: 'application/json; charset=utf-8',
    etag: `"${text}"`,
    storedAt: now,
  });

  beforeEach(() => {
    now = 1_000_000;
  });

  it('serves an entry until its TTL ends', async () => {
    const store = new MemoryResponseCacheStore(10, () => now);
    await store.set('k', entry('a'), 30);
    now += 29_999;
    expect((await store.get('k'))?.body.toString()).toBe('a');
    now += 1;
    expect(await store.get('k')).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('evicts the least recently used entry past its size', async () => {
    const store = new MemoryResponseCacheStore(2, () => now);
    await store.set('a', entry('a'), 30);
    await store.set('b', entry('b'), 30);
    await store.get('a');
    await store.set('c', entry('c'), 30);
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toBeDefined();
    expect(await store.get('c')).toBeDefined();
  });

  it('keeps nothing when sized 0', async () => {
    const store = new MemoryResponseCacheStore(0, () => now);
    await store.set('a', entry('a'), 30);
    expect(await store.get('a')).toBeUndefined();
  });
});
