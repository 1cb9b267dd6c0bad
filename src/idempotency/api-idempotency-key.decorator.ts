import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { VALID_KEY } from './idempotency-key';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * The Idempotency-Key behaviour of a POST and its documentation, together so they cannot drift. Every POST route
 * carries it; bound per route rather than globally, so a GET does not pay for an interceptor that does nothing.
 * The 409 and 422 it can cause are documented by the operation's error responses.
 */
export function ApiIdempotencyKey(): MethodDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'A unique key (1–255 printable ASCII characters, e.g. a UUID) that makes this POST safe to retry. Within 24 hours, ' +
        'a retry with the same key and body returns the first response with `Idempotent-Replayed: true` instead of ' +
        'creating again; the same key with a different body is a 422; a retry while the first is still running is a 409.',
      schema: {
        type: 'string',
        minLength: 1,
        maxLength: 255,
        pattern: VALID_KEY.source,
        example: '5f0c2a4e-3b1d-4d7e-9a51-0c7f6e2b8d31',
      },
    }),
  );
}
