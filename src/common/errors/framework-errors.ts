import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, ErrorCode } from './api-error';
import { errorBody } from './error-body';
import { toErrorResponse } from './error-mapping';
import { SECURITY_HEADERS } from '../security-headers';
import { MAX_URL_BYTES } from '../url-rewrite';

/** The router's own refusals, by Fastify error code: each gets a code of its own rather than BAD_REQUEST. */
const ROUTER_ERRORS: Record<string, () => ApiError> = {
  FST_ERR_BAD_URL: () =>
    new ApiError(
      400,
      ErrorCode.MALFORMED_URL,
      'the URL cannot be decoded: it holds broken percent-encoding or invalid UTF-8',
    ),
  FST_ERR_MAX_PARAM_LENGTH: () =>
    new ApiError(414, ErrorCode.URI_TOO_LONG, 'a segment of the URL path is too long'),
};

/**
 * Fastify answers some requests before Nest sees them: a URL that cannot be decoded (FST_ERR_BAD_URL), a path
 * parameter over maxParamLength (414). Its default body repeats the URL back to the caller; ours is the one error
 * body, which never reflects caller input, with the security headers the hooks (which have not run) would add.
 * Pass as the adapter's `frameworkErrors` option.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const known = ROUTER_ERRORS[error.code];
  const response = toErrorResponse(known ? known() : error, String(request.id));
  void reply
    .status(response.status)
    .headers({
      ...SECURITY_HEADERS,
      ...response.headers,
      'x-request-id': String(request.id),
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    })
    .send(response.body);
}

type ClientError = [status: number, code: ErrorCode, message: string];

const TIMED_OUT: ClientError = [408, ErrorCode.REQUEST_TIMEOUT, 'the request took too long to arrive'];
const URI_TOO_LONG: ClientError = [
  414,
  ErrorCode.URI_TOO_LONG,
  `the URL is longer than ${MAX_URL_BYTES} bytes`,
];
const HEADERS_TOO_LARGE: ClientError = [
  431,
  ErrorCode.HEADERS_TOO_LARGE,
  'the request headers are too large',
];
const NOT_HTTP: ClientError = [400, ErrorCode.BAD_REQUEST, 'the request is not valid HTTP'];

/** Which answer a parser error gets. The parser counts the request line with the headers: a long URL is a 414. */
export function clientErrorAnswer(error: Error & { code?: string }): ClientError {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return TIMED_OUT;
    case 'HPE_HEADER_OVERFLOW': {
      const raw = (error as { rawPacket?: unknown }).rawPacket;
      const packet = Buffer.isBuffer(raw) ? raw : Buffer.alloc(0);
      const lineEnd = packet.indexOf('\r\n');
      return (lineEnd === -1 ? packet.length : lineEnd) > MAX_URL_BYTES ? URI_TOO_LONG : HEADERS_TOO_LARGE;
    }
    default:
      return NOT_HTTP;
  }
}

const SECURITY_HEADER_LINES = Object.entries(SECURITY_HEADERS)
  .map(([name, value]) => `${name}: ${value}\r\n`)
  .join('');

/**
 * Requests Node's HTTP parser refuses (a CR or LF inside a header value, malformed framing, headers over the limit,
 * a request that never finishes arriving) never reach Fastify. Same statuses as Fastify's default handler, in our
 * error body and with the security headers. Pass as the adapter's `clientErrorHandler` option.
 */
export function clientErrors(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) {
    return;
  }
  const [status, code, message] = clientErrorAnswer(error);
  const requestId = randomUUID();
  const body = JSON.stringify(errorBody(code, message, requestId));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\n${SECURITY_HEADER_LINES}` +
        `X-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
