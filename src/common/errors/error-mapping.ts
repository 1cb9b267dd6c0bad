import { HttpException } from '@nestjs/common';
import { ApiError, ErrorCode, type ErrorDetail } from './api-error';
import { errorBody, type ErrorBody } from './error-body';

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
  /** true when the caller sees a generic message and the log must carry the cause */
  internal: boolean;
}

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: ErrorCode.BAD_REQUEST,
  401: ErrorCode.UNAUTHORIZED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  405: ErrorCode.METHOD_NOT_ALLOWED,
  406: ErrorCode.NOT_ACCEPTABLE,
  408: ErrorCode.REQUEST_TIMEOUT,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  414: ErrorCode.URI_TOO_LONG,
  415: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  422: ErrorCode.VALIDATION_FAILED,
  429: ErrorCode.TOO_MANY_REQUESTS,
  431: ErrorCode.HEADERS_TOO_LARGE,
  503: ErrorCode.SERVICE_UNAVAILABLE,
};

/** Our own wording per status, used whenever the thrower's message is not ours to repeat. */
const STATUS_MESSAGES: Partial<Record<number, string>> = {
  400: 'the request is not valid',
  401: 'credentials are missing or not valid',
  403: 'you are not allowed to do this',
  404: 'the resource was not found',
  406: 'the requested representation is not available',
  409: 'the request conflicts with the current state of the resource',
  408: 'the request took too long to arrive',
  413: 'the request body is too large',
  414: 'the URL is too long',
  415: 'the request body must be application/json',
  429: 'too many requests',
  431: 'the request headers are too large',
  503: 'the service is temporarily unavailable',
};

/** Fastify's own errors carry a `code` such as FST_ERR_CTP_INVALID_JSON_BODY and a statusCode. */
interface FrameworkError {
  code?: string;
  statusCode?: number;
  message?: string;
}

function frameworkError(e: unknown): FrameworkError | undefined {
  if (e instanceof Error && typeof (e as FrameworkError).statusCode === 'number') {
    return e;
  }
  return undefined;
}

function generic(status: number, requestId: string, headers: Record<string, string> = {}): ErrorResponse {
  const code = STATUS_CODES[status] ?? (status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST);
  const message =
    STATUS_MESSAGES[status] ?? (status >= 500 ? 'an internal error occurred' : 'the request failed');
  return { status, body: errorBody(code, message, requestId), headers, internal: status >= 500 };
}

/**
 * Turns anything thrown into the one error body (DESIGN.md §4). Built from an allow-list: only ApiError
 * messages and details (which we wrote) reach the caller; everything else gets our wording per status.
 */
export function toErrorResponse(exception: unknown, requestId: string): ErrorResponse {
  if (exception instanceof ApiError) {
    return {
      status: exception.status,
      body: errorBody(exception.code, exception.message, requestId, exception.details),
      headers: exception.headers ?? {},
      internal: exception.status >= 500 && exception.code === ErrorCode.INTERNAL_ERROR,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const headers: Record<string, string> = {};
    if (status === 401) {
      headers['WWW-Authenticate'] = 'Bearer, ApiKey header="Ocp-Apim-Subscription-Key"';
    }
    if (status === 404) {
      return {
        status,
        body: errorBody(ErrorCode.NOT_FOUND, 'no resource matches this path', requestId),
        headers,
        internal: false,
      };
    }
    return generic(status, requestId, headers);
  }
  const fe = frameworkError(exception);
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return generic(fe.statusCode, requestId);
  }
  return generic(500, requestId);
}

export function methodNotAllowed(allowed: string[], requestId: string): ErrorResponse {
  return {
    status: 405,
    body: errorBody(
      ErrorCode.METHOD_NOT_ALLOWED,
      `this resource allows only ${allowed.join(', ')}`,
      requestId,
    ),
    headers: { Allow: allowed.join(', ') },
    internal: false,
  };
}

export type { ErrorDetail };
