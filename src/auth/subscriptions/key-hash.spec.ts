import { algorithmOf, digestsEqual, generateKey, hashKey, KEY_HASH } from './key-hash';

describe('subscription key hashing', () => {
  it('hashes with SHA-256 hex by default, SHA-512 on request', () => {
    expect(hashKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashKey('abc', 'sha512')).toHaveLength(128);
    expect(KEY_HASH.test(hashKey('abc'))).toBe(true);
    expect(KEY_HASH.test(hashKey('abc', 'sha512'))).toBe(true);
    expect(algorithmOf(hashKey('abc', 'sha512'))).toBe('sha512');
    expect(algorithmOf(hashKey('abc'))).toBe('sha256');
  });

  it('refuses anything that is not a lowercase hex digest as a stored hash', () => {
    expect(KEY_HASH.test('sandbox-demo-key')).toBe(false);
    expect(KEY_HASH.test(hashKey('abc').toUpperCase())).toBe(false);
    expect(KEY_HASH.test(hashKey('abc').slice(1))).toBe(false);
  });

  it('generates 256-bit keys that differ every time', () => {
    const keys = new Set(Array.from({ length: 100 }, generateKey));
    expect(keys.size).toBe(100);
    for (const key of keys) {
      expect(Buffer.from(key, 'base64url')).toHaveLength(32);
    }
  });

  it('compares digests exactly, whatever their length', () => {
    expect(digestsEqual(hashKey('a'), hashKey('a'))).toBe(true);
    expect(digestsEqual(hashKey('a'), hashKey('b'))).toBe(false);
    expect(digestsEqual(hashKey('a'), hashKey('a', 'sha512'))).toBe(false);
  });
});
