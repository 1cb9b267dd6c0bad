import helmet from '@fastify/helmet';
import { type INestApplication, VersioningType } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { type AppConfig, appConfig } from './config/app.config';
import { RouteTable } from './common/route-table';
import { requestIdFor } from './common/request-id';
import type { AccessLogFields } from './common/logging';
import { applyBodyHardening } from './auth/body-hardening';

export const API_VERSIONS = ['1'] as const;
export const LATEST_VERSION = API_VERSIONS[API_VERSIONS.length - 1];

/** Paths that are not part of a versioned resource tree and so are never rewritten to the latest version. */
const UNVERSIONED = /^\/(status|healthcheck|metrics)(\/|\?|$)/;
const VERSIONED = /^\/v\d+(\/|\?|$)/;
const FORMAT_SUFFIX = /\.(json|xml)(?=\?|$)/;

/** Where the `.json` / `.xml` suffix, if any, is recorded on the raw request for content negotiation. */
export const FORMAT_FROM_SUFFIX = Symbol('formatFromSuffix');
export type RawRequestWithFormat = IncomingMessage & { [FORMAT_FROM_SUFFIX]?: 'json' | 'xml' };

/**
 * A path without a version goes to the latest one (GDS); a format suffix becomes a representation choice.
 * Done as a URL rewrite so routes, docs and logs only ever know the canonical `/v1/...` form.
 */
export function rewriteUrl(req: RawRequestWithFormat): string {
  let url = req.url ?? '/';
  const suffix = FORMAT_SUFFIX.exec(url);
  if (suffix) {
    req[FORMAT_FROM_SUFFIX] = suffix[1] as 'json' | 'xml';
    url = url.replace(FORMAT_SUFFIX, '');
  }
  if (!VERSIONED.test(url) && !UNVERSIONED.test(url)) {
    url = `/v${LATEST_VERSION}${url === '/' ? '' : url}`;
  }
  return url;
}

export function createAdapter(config: AppConfig = appConfig()): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    genReqId: (req: IncomingMessage) => requestIdFor(req),
    requestIdHeader: false,
    rewriteUrl,
    trustProxy: true,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
}

/**
 * Everything the app needs outside Nest's module graph, shared by main.ts and the e2e tests so that
 * tests run the production pipeline. Must be called before app.init().
 */
export async function configureApp(app: NestFastifyApplication): Promise<void> {
  const config = app.get<AppConfig>(appConfig.KEY);
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const routes = app.get(RouteTable);

  fastify.addHook('onRoute', (route) => routes.add(route.url, route.method));
  fastify.addHook('onRequest', (request, reply, done) => {
    // pino-http reads the id from the raw request, so every log line of this request carries it.
    const raw = request.raw as IncomingMessage & AccessLogFields & { id?: string };
    raw.id = String(request.id);
    raw.routePattern = request.routeOptions.url;
    void reply.header('x-request-id', request.id);
    done();
  });

  await app.register(helmet, {
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

  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins, exposedHeaders: ['X-Request-Id', 'Location', 'Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'] });
  }

  applyBodyHardening(app);
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: LATEST_VERSION });
  app.enableShutdownHooks();
}

export type { INestApplication };
