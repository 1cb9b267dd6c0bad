import { createHash } from 'node:crypto';
import { ApiError, BadRequestError, ErrorCode } from '../common/errors/api-error';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** Printable ASCII only, so a key can be logged and stored anywhere without escaping; Stripe's length limit. */
export const VALID_KEY = /^[\x20-\x7e]{1,255}$/;

export function parseIdempotencyKey(value: string | string[]): string {
  if (typeof value !== 'string' || !VALID_KEY.test(value)) {
    throw new BadRequestError('Idempotency-Key must be 1 to 255 printable ASCII characters', [
      { field: 'Idempotency-Key', message: 'must be 1 to 255 printable ASCII characters, sent once' },
    ]);
  }
  return value;
}

/** JSON with object keys sorted, so the same body written in another key order is the same request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What makes two POSTs "the same request": the target and the body. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${canonicalJson(body)}`)
    .digest('base64url');
}

export class IdempotencyKeyReusedError extends ApiError {
  constructor() {
    super(422, ErrorCode.VALIDATION_FAILED, 'this Idempotency-Key was already used for a different request', [
      {
        field: 'Idempotency-Key',
        message: 'was used before with another request body or target; use a new key for a new request',
      },
    ]);
  }
}

export class IdempotencyKeyInFlightError extends ApiError {
  constructor() {
    super(
      409,
      ErrorCode.CONFLICT,
      'a request with this Idempotency-Key is still being processed; retry after it finishes',
      undefined,
      {
        'Retry-After': '1',
      },
    );
  }
}
