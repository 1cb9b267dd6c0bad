import type { Params } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../config/app.config';

/** Set on the raw request by later stages so the single access line can name them. */
export interface AccessLogFields {
  routePattern?: string;
  clientId?: string;
}
type RawRequest = IncomingMessage & AccessLogFields & { id?: string };

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["ocp-apim-subscription-key"]',
  'req.headers.token',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.*.password',
  'password',
];

export function loggerParams(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      genReqId: (req) => (req as RawRequest).id ?? 'unknown',
      // One access line per request; the query string can hold personal data, so log the route pattern instead.
      serializers: {
        req: (req: { id: string; method: string; raw: RawRequest }) => ({
          id: req.id,
          method: req.method,
          route: req.raw.routePattern,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customProps: (req) => ({ requestId: (req as RawRequest).id, clientId: (req as RawRequest).clientId }),
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (req) => req.url === '/status' },
      quietReqLogger: true,
    },
  };
}
