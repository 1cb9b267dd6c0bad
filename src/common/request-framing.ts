import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { IncomingMessage } from 'node:http';
import { ApiError, BadRequestError, ErrorCode } from './errors/api-error';
import { MAX_URL_BYTES, originFormOf } from './url-rewrite';

/** RFC 3986 host (reg-name, IPv4 or bracketed IP literal) with an optional port; empty is allowed (RFC 9112 §3.2). */
const HOST_VALUE = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~%!$&'()*+,;=]*)(:\d{0,5})?$/;

/** Why a request's framing must be refused, or undefined. Exported for unit tests. */
export function framingProblem(
  req: Pick<IncomingMessage, 'rawHeaders' | 'httpVersion'> & { target: string },
): ApiError | undefined {
  if (Buffer.byteLength(req.target) > MAX_URL_BYTES) {
    return new ApiError(414, ErrorCode.URI_TOO_LONG, `the URL is longer than ${MAX_URL_BYTES} bytes`);
  }
  if (originFormOf(req.target) === undefined) {
    return new BadRequestError(
      'the request target must be a path such as /v1/works, or an absolute http(s) URL',
    );
  }
  const hosts: string[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i].length === 4 && req.rawHeaders[i].toLowerCase() === 'host') {
      hosts.push(req.rawHeaders[i + 1]);
    }
  }
  // RFC 9112 §3.2: 400 for an HTTP/1.1 request without Host, for more than one Host, and for an invalid one.
  if (hosts.length > 1) {
    return new BadRequestError('the request has more than one Host header');
  }
  if (hosts.length === 0 && req.httpVersion === '1.1') {
    return new BadRequestError('an HTTP/1.1 request must have a Host header');
  }
  if (hosts.length === 1 && !HOST_VALUE.test(hosts[0])) {
    return new BadRequestError('the Host header is not a valid host');
  }
  return undefined;
}

/**
 * Refuses, in the error body, what Node's HTTP server would otherwise accept or answer bare: several Host headers
 * (accepted by Node), none (Node's 400 has no body; `requireHostHeader: false` in createAdapter hands it here), a URL
 * over the limit the parser did not catch, a request target that is neither a path nor an http(s) URL. Register
 * after the security headers hook, so the refusal carries them.
 */
export function installRequestFramingChecks(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, _reply, done) => {
      const raw = request.raw as IncomingMessage & { originalUrl?: string };
      done(
        framingProblem({
          rawHeaders: raw.rawHeaders,
          httpVersion: raw.httpVersion,
          target: raw.originalUrl ?? raw.url ?? '',
        }),
      );
    });
}
