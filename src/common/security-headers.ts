import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** helmet's middleware built once: @fastify/helmet rebuilds it (and re-parses the CSP) on every request. */
export const securityHeaders = helmet({
  // A JSON API has no pages of its own; only the Swagger UI needs scripts, styles and images.
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-inline'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      frameAncestors: ["'none'"],
    },
  },
  crossOriginEmbedderPolicy: false,
});

/**
 * The same headers as a fixed list, for answers written before any hook runs (the router's 400/414, the HTTP
 * parser's 400/408/431 on a bare socket). helmet's headers do not depend on the request, so one run captures them.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = captureHeaders();

function captureHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | string[]) => {
      headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => delete headers[name],
  } as unknown as ServerResponse;
  securityHeaders({ headers: {} } as IncomingMessage, response, () => undefined);
  return headers;
}
