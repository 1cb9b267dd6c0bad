import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

/**
 * Documents the Idempotency-Key header of a POST. The behaviour itself applies to every POST (the global
 * IdempotencyInterceptor); the 409 and 422 it can cause are documented by the operation's error responses.
 */
export function ApiIdempotencyKey(): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'A unique key (1–255 printable ASCII characters, e.g. a UUID) that makes this POST safe to retry. Within 24 hours, ' +
        'a retry with the same key and body returns the first response with `Idempotent-Replayed: true` instead of ' +
        'creating again; the same key with a different body is a 422; a retry while the first is still running is a 409.',
      schema: { type: 'string', maxLength: 255, example: '5f0c2a4e-3b1d-4d7e-9a51-0c7f6e2b8d31' },
    }),
  );
}
