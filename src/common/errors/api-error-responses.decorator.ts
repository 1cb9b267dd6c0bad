import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from './error-response.dto';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Bad request: the request is malformed (unparseable JSON, wrong types, unknown or out-of-range parameters).',
  401: 'Unauthorized: credentials are missing or not valid.',
  403: 'Forbidden: the caller is authenticated but not allowed to do this.',
  404: 'Not found.',
  406: 'Not acceptable: the Accept header asks for a representation this resource cannot produce.',
  409: 'Conflict with the current state of the resource.',
  413: 'The request body is too large.',
  415: 'The request body must be application/json.',
  422: 'Unprocessable: well-formed, but semantically wrong (for example an end before its start).',
  429: 'Too many requests: the caller is over its rate limit; retry after Retry-After seconds.',
  500: 'Internal error: the body carries only the requestId.',
  502: 'Street Manager or an inner API gave a bad answer.',
  503: 'A dependency is unavailable or throttling us; retry after Retry-After seconds.',
  504: 'Street Manager or an inner API did not answer in time.',
};

const RETRY_AFTER = {
  'Retry-After': { description: 'seconds to wait before retrying', schema: { type: 'integer', minimum: 0 } },
};

/**
 * Documents error statuses with the shared ErrorResponse schema, e.g. `@ApiErrorResponses(400, 404, 429)`.
 * The Spectral ruleset requires 400 and 429 on authenticated operations and 422 on writes.
 */
export function ApiErrorResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error.',
        type: ErrorResponseDto,
        ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
      }),
    ),
  );
}
