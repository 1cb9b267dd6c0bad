import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** SHA-256 hex (64) or SHA-512 hex (128); the length tells which. */
export const KEY_HASH = /^(?:[0-9a-f]{64}|[0-9a-f]{128})$/;

/** 32 random bytes, base64url: 256 bits, so a fast hash is enough (a slow KDF only matters for guessable secrets). */
export function generateKey(): string {
  return randomBytes(32).toString('base64url');
}

export function hashKey(key: string, algorithm: 'sha256' | 'sha512' = 'sha256'): string {
  return createHash(algorithm).update(key, 'utf8').digest('hex');
}

export function algorithmOf(hash: string): 'sha256' | 'sha512' {
  return hash.length === 128 ? 'sha512' : 'sha256';
}

/** Constant-time equality of two hex digests of the same length. */
export function digestsEqual(a: string, b: string): boolean {
  if (a.length !== b.length) {
    return false;
  }
  return timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}
