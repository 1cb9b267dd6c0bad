import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  type HeadersObject,
} from '@nestjs/swagger';
import { ApiErrorResponses } from '../errors/api-error-responses.decorator';
import { ApiCollectionResponse } from '../paging/collection.dto';
import { ApiIdempotencyKey } from '../../idempotency/api-idempotency-key.decorator';
import { REPLAYED_HEADER } from '../../idempotency/idempotency-key';

/*
 * The documentation every resource endpoint of one kind shares, so a controller states only what differs:
 * its summary, description, types and answer texts. Routing and permissions stay on the controller.
 * The error sets are the ones the Spectral ruleset asks for (400 and 429 everywhere, 422 on writes).
 */

const READ_ERRORS = [400, 401, 403, 406, 429, 502, 503, 504];
const WRITE_ERRORS = [400, 401, 403, 406, 409, 413, 415, 422, 429, 502, 503, 504];

interface Operation {
  summary: string;
  description: string;
  /** Errors beyond the endpoint kind's set, e.g. 422 for a list that filters by geometry, 404 under a parent. */
  alsoErrors?: number[];
}

export interface ApiListOptions extends Operation {
  /** The summary DTO the page holds. */
  item: Type<unknown>;
  /** Describes the 200, e.g. 'A page of inspections'. */
  page: string;
}

/** A paged list: `GET /things`. */
export function ApiList(options: ApiListOptions): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: options.summary, description: options.description }),
    ApiCollectionResponse(options.item, options.page),
    ApiErrorResponses(...READ_ERRORS, ...(options.alsoErrors ?? [])),
  );
}

export interface ApiAnswerOptions extends Operation {
  type: Type<unknown>;
  /** Describes the 200 or 201. */
  answer: string;
  /** Answer headers beyond the usual ones. */
  headers?: HeadersObject;
}

/** One resource by its reference: `GET /things/{ref}`. */
export function ApiRead(options: ApiAnswerOptions): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: options.summary, description: options.description }),
    ApiOkResponse({
      type: options.type,
      description: options.answer,
      ...(options.headers ? { headers: options.headers } : {}),
    }),
    ApiErrorResponses(...READ_ERRORS, 404, ...(options.alsoErrors ?? [])),
  );
}

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

/** A state change of one resource: `PUT /things/{ref}/status`, answering the resource as it now is. */
export function ApiChange(options: ApiAnswerOptions): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: options.summary, description: options.description }),
    ApiOkResponse({ type: options.type, description: options.answer }),
    ApiErrorResponses(...WRITE_ERRORS, 404, ...(options.alsoErrors ?? [])),
  );
}
