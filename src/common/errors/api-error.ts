/** Stable error codes of the outer API (DESIGN.md §4). Clients may switch on these; never rename one. */
export const ErrorCode = {
  BAD_REQUEST: 'BAD_REQUEST',
  MALFORMED_JSON: 'MALFORMED_JSON',
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  NOT_ACCEPTABLE: 'NOT_ACCEPTABLE',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
  UPSTREAM_ERROR: 'UPSTREAM_ERROR',
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  UPSTREAM_TIMEOUT: 'UPSTREAM_TIMEOUT',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  WRITE_OUTCOME_UNKNOWN: 'WRITE_OUTCOME_UNKNOWN',
  // Added for issue 13; appended so the published enum only grows at its end.
  /** the URL could not be decoded (broken percent-encoding, overlong or invalid UTF-8) */
  MALFORMED_URL: 'MALFORMED_URL',
  /** 414: a URL over 8 KiB or a path segment over the parameter limit */
  URI_TOO_LONG: 'URI_TOO_LONG',
  /** 431: the request headers (request line included) are over the server's limit */
  HEADERS_TOO_LARGE: 'HEADERS_TOO_LARGE',
  /** 408: the request did not arrive whole in time */
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  /** 503: Street Manager is being called as fast as its rate allows; nothing was sent, retry after Retry-After */
  UPSTREAM_BUSY: 'UPSTREAM_BUSY',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ErrorDetail {
  field?: string;
  message: string;
}

/**
 * The one error type that knows its HTTP shape. Anything thrown that is not an ApiError (or a Nest
 * HttpException the filter maps explicitly) is an internal error and is never described to the caller.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export class BadRequestError extends ApiError {
  constructor(message: string, details?: ErrorDetail[]) {
    super(400, ErrorCode.BAD_REQUEST, message, details);
  }
}

/** Raised by our JSON body parser (app.setup.ts): Nest re-wraps Fastify's own parser errors and loses their code. */
export class MalformedJsonError extends ApiError {
  constructor() {
    super(400, ErrorCode.MALFORMED_JSON, 'unable to parse request body as JSON');
  }
}

export class ValidationFailedError extends ApiError {
  constructor(details: ErrorDetail[], message?: string) {
    const first = details[0];
    super(
      422,
      ErrorCode.VALIDATION_FAILED,
      message ?? (first ? `${first.field ? `${first.field} ` : ''}${first.message}` : 'validation failed'),
      details,
    );
  }
}

export class NotFoundError extends ApiError {
  /** e.g. new NotFoundError('work', 'ABC123') → "work ABC123 was not found" */
  constructor(resource: string, reference?: string) {
    super(
      404,
      ErrorCode.NOT_FOUND,
      reference ? `${resource} ${reference} was not found` : `${resource} was not found`,
    );
  }
}

export class NotAcceptableError extends ApiError {
  constructor(produced: readonly string[]) {
    super(406, ErrorCode.NOT_ACCEPTABLE, `this resource can be represented only as ${produced.join(', ')}`);
  }
}

export class ConflictError extends ApiError {
  constructor(message: string) {
    super(409, ErrorCode.CONFLICT, message);
  }
}
