import { applyDecorators } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOperation } from '@nestjs/swagger';
import { type ApiAnswerOptions, WRITE_ERRORS } from '../common/endpoints/api-endpoints.decorator';
import { ApiErrorResponses } from '../common/errors/api-error-responses.decorator';
import { ApiIdempotencyKey } from './api-idempotency-key.decorator';
import { REPLAYED_HEADER } from './idempotency-key';

export interface ApiCreateOptions extends ApiAnswerOptions {
  /** Describes the `Location` header, e.g. 'URL of the new inspection'. */
  location: string;
}

/**
 * A create: `POST /things`, idempotent by key, answering 201 with `Location`. `Idempotent-Replayed` is declared as a
 * header here and moved to the 201 answer by the document builder.
 */
export function ApiCreate(options: ApiCreateOptions): MethodDecorator {
  return applyDecorators(
    ApiIdempotencyKey(),
    ApiOperation({ summary: options.summary, description: options.description }),
    ApiCreatedResponse({
      type: options.type,
      description: options.answer,
      headers: {
        Location: { description: options.location, schema: { type: 'string' } },
        ...options.headers,
      },
    }),
    ApiHeader({
      name: REPLAYED_HEADER,
      required: false,
      description: 'In the response: `true` when this is the replay of an earlier identical request',
    }),
    ApiErrorResponses(...WRITE_ERRORS, ...(options.alsoErrors ?? [])),
  );
}
