import type { FastifyInstance } from 'fastify';
import { type Params, PinoLogger } from 'nestjs-pino';
import { type Store, storage } from 'nestjs-pino/storage';
import { type DestinationStream, type Logger, type LoggerOptions, pino, stdSerializers, symbols } from 'pino';
import { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../config/app.config';

/** Set on the raw request by later stages so the single access line can name them. */
export interface AccessLogFields {
  routePattern?: string;
  clientId?: string;
}
type RawRequest = IncomingMessage & AccessLogFields & { id?: string };

/**
 * Where log lines go: stdoutDestination() in production; e2e tests override this provider with a stream they can
 * read, so log assertions never depend on process.env or on patching stdout. Null means pino's own stdout writer.
 */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');
export type LogDestination = DestinationStream | null;

type SonicBoom = ReturnType<typeof pino.destination>;
let stdout: SonicBoom | undefined;
let exiting = false;

/**
 * stdout written asynchronously through at most `bufferBytes` of buffer: a slow or stuck reader costs dropped,
 * counted lines, never a blocked event loop (a synchronous write to a full pipe stops every request and every
 * signal handler). The fd is made non-blocking first (opening process.stdout does that for a pipe), so a write
 * the pipe cannot take fails with EAGAIN at once instead of pinning a thread-pool thread, which process.exit would
 * then wait for forever.
 */
export function stdoutDestination(bufferBytes: number, onDrop: () => void): SonicBoom {
  void process.stdout;
  const stream = pino.destination({
    dest: 1,
    sync: false,
    maxLength: bufferBytes,
    retryEAGAIN: () => !exiting,
  });
  stream.on('drop', onDrop);
  stdout = stream;
  return stream;
}

/**
 * The last flush before process.exit: writes what stdout takes now and gives up on the rest. pino's own exit
 * handler would flush synchronously, retrying EAGAIN until the reader comes back, which may be never.
 */
export function flushStdoutWithoutBlocking(): void {
  if (!stdout || exiting) {
    return;
  }
  exiting = true;
  try {
    stdout.flushSync();
  } catch {
    // stdout is full or gone: the remaining lines are lost, the exit is not
  }
  stdout.destroy();
}

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

// What the serializers below keep of the raw request and response: the id, method, route pattern and status.
function requestFields(req: RawRequest): Record<string, unknown> {
  return { id: req.id || undefined, method: req.method, route: req.routePattern };
}

function responseFields(res: ServerResponse): Record<string, unknown> {
  return { statusCode: res.headersSent ? res.statusCode : null };
}

function accessLine(
  req: unknown,
  res: unknown,
  responseTime: number,
  clientId: string | undefined,
): Record<string, unknown> {
  return { req, res, responseTime, ...(clientId ? { clientId } : {}) };
}

export function loggerParams(config: AppConfig, destination: LogDestination = null): Params {
  const options: LoggerOptions = {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // One access line per request; the query string can hold personal data, so log the route pattern instead.
    serializers: {
      // Anything else logged under `req` or `res` is left to the redaction paths above.
      req: (req: { id: string; method: string; raw?: RawRequest }) =>
        req.raw ? { id: req.id, method: req.method, route: req.raw.routePattern } : req,
      res: (res: { statusCode: number; raw?: unknown }) => (res.raw ? { statusCode: res.statusCode } : res),
    },
  };
  return { pinoHttp: destination ? [options, destination] : options };
}

/**
 * The request logger's root: pino-http's serializer wrapping (a request line's `req`/`res` first go through pino's
 * standard request/response mapping), plus a short cut for the raw request and response the access line logs,
 * giving the same fields without mapping every header first.
 */
function requestRootLogger(params: Params): Logger {
  const [options, destination] = Array.isArray(params.pinoHttp)
    ? (params.pinoHttp as [LoggerOptions, DestinationStream])
    : [params.pinoHttp as LoggerOptions, undefined];
  const { wrapRequestSerializer, wrapResponseSerializer, wrapErrorSerializer, err } = stdSerializers;
  const own = options.serializers ?? {};
  const req = wrapRequestSerializer(own.req as Parameters<typeof wrapRequestSerializer>[0]);
  const res = wrapResponseSerializer(own.res as Parameters<typeof wrapResponseSerializer>[0]);
  const serializers = {
    ...own,
    req: (value: unknown) =>
      value instanceof IncomingMessage ? requestFields(value as RawRequest) : req(value as IncomingMessage),
    res: (value: unknown) =>
      value instanceof ServerResponse
        ? responseFields(value as ServerResponse)
        : res(value as ServerResponse),
    err: wrapErrorSerializer((own.err as Parameters<typeof wrapErrorSerializer>[0]) ?? err),
  };
  return pino({ ...options, serializers }, destination);
}

/**
 * Per-request log store for nestjs-pino's PinoLogger. Most requests never write an application line, so the
 * child logger carrying the request id is only made when one is.
 */
class RequestLogStore implements Store {
  private child?: Logger;
  responseLogger?: Logger;

  constructor(
    private readonly root: Logger,
    private readonly requestId: string,
  ) {}

  get logger(): Logger {
    return (this.child ??= this.root.child({ requestId: this.requestId }));
  }

  // PinoLogger.assign() replaces the request's logger with a child carrying more fields.
  set logger(logger: Logger) {
    this.child = logger;
  }
}

function accessLevel(res: ServerResponse, err?: Error): 'error' | 'warn' | 'info' {
  return err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
}

/**
 * Request logging as a Fastify hook rather than nestjs-pino's Nest middleware (see logger.module.ts): every
 * application line of the request carries its id, through nestjs-pino's own AsyncLocalStorage, and one access line
 * is written when the response finishes, with pino-http's fields, messages and levels.
 */
export function installRequestLogging(fastify: FastifyInstance, params: Params): void {
  const root = requestRootLogger(params);
  // PinoLogger.root is the documented way to reach the request logger's parent; nestjs-pino's middleware sets it.
  (PinoLogger as { root: unknown }).root = root;
  // A success line holds only the fields built here (no headers, bodies or errors), which no redaction path can
  // match: a sibling logger on the same stream writes it without redaction's clone and walk of every line.
  const unredacted = pino(
    { level: 'trace' },
    (root as unknown as Record<symbol, DestinationStream>)[symbols.streamSym],
  );

  fastify.addHook('onRequest', (request, reply, done) => {
    const req = request.raw as RawRequest;
    const res = reply.raw;
    const requestId = (req.id ??= 'unknown');
    const start = Date.now();
    const finished = (err?: Error): void => {
      res.removeListener('close', finished);
      res.removeListener('error', finished);
      const level = accessLevel(res, err);
      if (!root.isLevelEnabled(level)) {
        return;
      }
      const responseTime = Date.now() - start;
      // The id is written as the request child logger's binding would be, just before the line's own fields.
      if (err || res.statusCode >= 500) {
        const line = { requestId, ...accessLine(req, res, responseTime, req.clientId) };
        root[level](
          { ...line, err: err ?? new Error(`failed with status code ${res.statusCode}`) },
          'request errored',
        );
      } else {
        // Built as one literal (this runs for every request): the same fields as accessLine() gives.
        const clientId = req.clientId;
        const fields = { id: req.id || undefined, method: req.method, route: req.routePattern };
        const status = { statusCode: res.headersSent ? res.statusCode : null };
        const line = clientId
          ? { requestId, req: fields, res: status, responseTime, clientId }
          : { requestId, req: fields, res: status, responseTime };
        unredacted[level](
          line,
          !req.readableAborted && res.writableEnded ? 'request completed' : 'request aborted',
        );
      }
    };
    if (req.url !== '/status') {
      // 'close' comes for every response, after 'finish' when it was sent and alone when it was cut off.
      res.on('close', finished);
    }
    res.on('error', finished);
    storage.run(new RequestLogStore(root, requestId), done);
  });
}
