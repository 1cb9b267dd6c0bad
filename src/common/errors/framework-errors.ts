import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode } from './api-error';
import { errorBody } from './error-body';
import { toErrorResponse } from './error-mapping';

/**
 * Fastify answers some requests before Nest sees them: a URL that cannot be decoded (FST_ERR_BAD_URL), a path
 * parameter over maxParamLength (414). Its default body repeats the URL back to the caller; ours is the one error
 * body, which never reflects caller input. Pass as the adapter's `frameworkErrors` option.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const response = toErrorResponse(error, String(request.id));
  void reply
    .status(response.status)
    .headers({
      ...response.headers,
      'x-request-id': String(request.id),
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    })
    .send(response.body);
}

const CLIENT_ERRORS: Record<string, [number, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'the request took too long to arrive'],
  HPE_HEADER_OVERFLOW: [431, 'the request headers are too large'],
};

/**
 * Requests Node's HTTP parser refuses (a CR or LF inside a header value, malformed framing) never reach Fastify.
 * Same answer as Fastify's default handler, in our error body. Pass as the adapter's `clientErrorHandler` option.
 */
export function clientErrors(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) {
    return;
  }
  const [status, message] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'the request is not valid HTTP'];
  const requestId = randomUUID();
  const body = JSON.stringify(errorBody(ErrorCode.BAD_REQUEST, message, requestId));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
