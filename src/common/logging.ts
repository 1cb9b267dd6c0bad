import type { FastifyInstance } from 'fastify';
import { type Params, PinoLogger } from 'nestjs-pino';
import { Store, storage } from 'nestjs-pino/storage';
import type { DestinationStream } from 'pino';
import { type Options, pinoHttp } from 'pino-http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../config/app.config';

/** Set on the raw request by later stages so the single access line can name them. */
export interface AccessLogFields {
  routePattern?: string;
  clientId?: string;
}
type RawRequest = IncomingMessage & AccessLogFields & { id?: string };

/**
 * Where log lines go. Null means pino's own fast stdout writer; e2e tests override this provider with a stream
 * they can read, so log assertions never depend on process.env or on patching stdout.
 */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');
export type LogDestination = DestinationStream | null;

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

// req and res go through the serializers above, which keep only the id, method, route pattern and status.
function accessLine(req: RawRequest, res: ServerResponse, responseTime: number): Record<string, unknown> {
  return {
    req,
    res,
    responseTime,
    ...(req.clientId ? { clientId: req.clientId } : {}),
  };
}

export function loggerParams(config: AppConfig, destination: LogDestination = null): Params {
  const options: Options = {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    genReqId: (req) => (req as RawRequest).id ?? 'unknown',
    // One access line per request; the query string can hold personal data, so log the route pattern instead.
    serializers: {
      // Anything else logged under `req` or `res` is left to the redaction paths below.
      req: (req: { id: string; method: string; raw?: RawRequest }) =>
        req.raw ? { id: req.id, method: req.method, route: req.raw.routePattern } : req,
      res: (res: { statusCode: number; raw?: unknown }) => (res.raw ? { statusCode: res.statusCode } : res),
    },
    // pino-http binds the id to every line of the request; name it as the error body and the header do.
    customAttributeKeys: { reqId: 'requestId' },
    // The access line is built once, at the end, from the raw request: pino-http's per-request child loggers for
    // the request object and custom props cost more than the line itself, and the client id is only known late.
    quietResLogger: true,
    customSuccessObject: (req, res, val: { responseTime: number }) => accessLine(req as RawRequest, res, val.responseTime),
    customErrorObject: (req, res, err, val: { responseTime: number }) => ({
      ...accessLine(req as RawRequest, res, val.responseTime),
      err,
    }),
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (req) => req.url === '/status' },
    quietReqLogger: true,
  };
  return { pinoHttp: destination ? [options, destination] : options };
}

/**
 * pino-http as a Fastify hook rather than a Nest middleware (see logger.module.ts): the same access line, and
 * every application log line of the request carries its id, through nestjs-pino's own AsyncLocalStorage.
 */
export function installRequestLogging(fastify: FastifyInstance, params: Params): void {
  const options = params.pinoHttp as Options | [Options, DestinationStream];
  const httpLogger = Array.isArray(options) ? pinoHttp(...options) : pinoHttp(options);
  // nestjs-pino's middleware sets the same; PinoLogger.root is the documented way to reach the request logger's parent.
  (PinoLogger as { root: unknown }).root = httpLogger.logger;
  fastify.addHook('onRequest', (request, reply, done) => {
    httpLogger(request.raw, reply.raw);
    storage.run(new Store(request.raw.log), done);
  });
}
