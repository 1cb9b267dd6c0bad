import { canonicalJson, parseIdempotencyKey, requestFingerprint } from './idempotency-key';
import { MemoryIdempotencyStore } from './memory-idempotency.store';

describe('MemoryIdempotencyStore', () => {
  let now = 0;
  let store: MemoryIdempotencyStore;
  beforeEach(() => {
    now = 1_000_000;
    store = new MemoryIdempotencyStore(24 * 3600_000, 120_000, () => now);
  });
  afterEach(() => store.close());

  const response = { status: 201, body: { id: 'W1' }, headers: { location: '/v1/works/W1' } };

  it('acquires a new key once; a second begin sees it in flight', async () => {
    expect(await store.begin('c\nk', 'fp')).toEqual({ state: 'acquired' });
    expect(await store.begin('c\nk', 'fp')).toEqual({ state: 'in-flight', fingerprint: 'fp' });
  });

  it('replays a completed response for 24 hours, then forgets it', async () => {
    await store.begin('c\nk', 'fp');
    await store.complete('c\nk', 'fp', response);
    now += 24 * 3600_000 - 1;
    expect(await store.begin('c\nk', 'fp')).toEqual({ state: 'completed', fingerprint: 'fp', response });
    now += 1;
    expect(await store.begin('c\nk', 'fp')).toEqual({ state: 'acquired' });
  });

  it('releases a failed request so the key can be retried, and expires abandoned locks', async () => {
    await store.begin('c\nk', 'fp');
    await store.release('c\nk');
    expect(await store.begin('c\nk', 'fp')).toEqual({ state: 'acquired' });
    now += 120_000;
    expect(await store.begin('c\nk', 'fp')).toEqual({ state: 'acquired' });
  });

  it('never lets a replay be altered by its reader', async () => {
    await store.begin('k', 'fp');
    await store.complete('k', 'fp', response);
    const first = await store.begin('k', 'fp');
    (first as { response: { body: { id: string } } }).response.body.id = 'changed';
    expect(await store.begin('k', 'fp')).toMatchObject({ response: { body: { id: 'W1' } } });
  });
});

describe('idempotency keys and fingerprints', () => {
  it('accepts 1–255 printable characters and refuses the rest with a 400', () => {
    expect(parseIdempotencyKey('a'.repeat(255))).toHaveLength(255);
    for (const bad of ['', 'a'.repeat(256), 'tab\there', 'é', ['a', 'b']]) {
      expect(() => parseIdempotencyKey(bad)).toThrow(expect.objectContaining({ status: 400 }));
    }
  });

  it('treats reordered keys as the same body and any change as another', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
    expect(requestFingerprint('POST', '/v1/works', { a: 1, b: 2 })).toBe(
      requestFingerprint('POST', '/v1/works', { b: 2, a: 1 }),
    );
    expect(requestFingerprint('POST', '/v1/works', { a: 1 })).not.toBe(
      requestFingerprint('POST', '/v1/works', { a: 2 }),
    );
    expect(requestFingerprint('POST', '/v1/works', { a: 1 })).not.toBe(
      requestFingerprint('POST', '/v1/permits', { a: 1 }),
    );
  });
});
