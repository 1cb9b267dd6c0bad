import { type INestApplication, VersioningType } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { type AppConfig, appConfig } from './config/app.config';
import { RouteTable } from './common/route-table';
import { requestIdFor } from './common/request-id';
import { API_VERSIONS, LATEST_VERSION, rewriteUrl } from './common/url-rewrite';
import { MalformedJsonError } from './common/errors/api-error';
import { setupDocs } from './docs/docs.setup';
import { type AccessLogFields, installRequestLogging } from './common/logging';
import { PARAMS_PROVIDER_TOKEN, type Params } from 'nestjs-pino';
import { applyBodyHardening } from './common/validation/body-hardening';
import { clientErrors, frameworkErrors } from './common/errors/framework-errors';
import { answerContinueAfterAuthentication } from './auth/expect-continue';
import { securityHeaders } from './common/security-headers';
import { installRequestFramingChecks } from './common/request-framing';

/** Every method the API's routes have (the CORS test checks this against the route table). */
export const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'];

export function createAdapter(config: AppConfig = appConfig()): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    genReqId: (req: IncomingMessage) => requestIdFor(req),
    requestIdHeader: false,
    rewriteUrl,
    // No Nest middleware (request logging is a Fastify hook), so no @fastify/middie on every request.
    skipMiddie: true,
    trustProxy: config.trustProxyHops > 0 ? config.trustProxyHops : false,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    frameworkErrors,
    clientErrorHandler: clientErrors,
    // Slow clients: Node answers 408 (through clientErrors) and destroys the socket, freeing any buffered body.
    requestTimeout: config.requestTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    // Node checks the two timeouts every connectionsCheckingInterval (30 s by default, which would let a 60 s limit run to 90 s).
    http: {
      headersTimeout: config.headersTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, config.headersTimeoutMs / 2),
      // Node's own refusal of a missing Host is a bare 400; the framing check answers it in the error body.
      requireHostHeader: false,
    },
  });
}

/**
 * Everything the app needs outside Nest's module graph, shared by main.ts and the e2e tests so that
 * tests run the production pipeline. Must be called before app.init().
 */
export function configureApp(app: NestFastifyApplication): void {
  const config = app.get<AppConfig>(appConfig.KEY);
  const fastify = app.getHttpAdapter().getInstance();
  const routes = app.get(RouteTable);

  fastify.addHook('onRoute', (route) => routes.add(route.url, route.method));
  fastify.addHook('onRequest', (request, reply, done) => {
    // Request logging reads the id from the raw request, so every log line of this request carries it.
    const raw = request.raw as IncomingMessage & AccessLogFields & { id?: string };
    raw.id = String(request.id);
    raw.routePattern = request.routeOptions.url;
    void reply.header('x-request-id', request.id);
    done();
  });

  fastify.addHook('onRequest', (request, reply, done) =>
    securityHeaders(request.raw, reply.raw, (err?: unknown) => done(err instanceof Error ? err : undefined)),
  );
  installRequestFramingChecks(app);
  installRequestLogging(fastify, app.get<Params>(PARAMS_PROVIDER_TOKEN));
  answerContinueAfterAuthentication(app);

  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins,
      methods: CORS_METHODS,
      allowedHeaders: [
        'Authorization',
        'Ocp-Apim-Subscription-Key',
        'Content-Type',
        'Accept',
        'Idempotency-Key',
        'If-None-Match',
        'X-Request-Id',
      ],
      exposedHeaders: [
        'X-Request-Id',
        'Location',
        'Retry-After',
        'ETag',
        'Idempotent-Replayed',
        'X-RateLimit-Limit',
        'X-RateLimit-Remaining',
        'X-RateLimit-Reset',
      ],
    });
    // The answer depends on Origin; later hooks set Vary: Accept and would otherwise replace the CORS plugin's Vary.
    fastify.addHook('onSend', (_request, reply, payload, done) => {
      const vary = String(reply.getHeader('vary') ?? '');
      if (!/(^|,)\s*origin\s*(,|$)/i.test(vary)) {
        void reply.header('vary', vary ? `${vary}, Origin` : 'Origin');
      }
      done(null, payload);
    });
  }

  acceptOnlyJsonBodies(app, fastify);
  applyBodyHardening(app);
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: LATEST_VERSION });
  // After versioning: the documents are built from the routes as versioned.
  setupDocs(app, API_VERSIONS);
  // No app.enableShutdownHooks(): main.ts drains HTTP before the modules close their pools (see graceful-shutdown.ts).
}

/**
 * Bodies are JSON or nothing: any other content type is a 415 (Fastify's FST_ERR_CTP_INVALID_MEDIA_TYPE), where
 * Nest would otherwise also accept url-encoded forms and Fastify plain text. Our own parser raises MALFORMED_JSON,
 * because Nest re-wraps Fastify's parser errors as plain HttpExceptions and loses their codes.
 */
function acceptOnlyJsonBodies(app: NestFastifyApplication, fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', {}, (request, body, done) => {
    void parseJson(request as FastifyRequest, body as unknown as string, (error, value) =>
      error ? done(new MalformedJsonError(), undefined) : done(null, value),
    );
  });
}

export type { INestApplication };
