import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { dump } from 'js-yaml';
import { FORMAT_FROM_SUFFIX, type RawRequestWithFormat } from '../common/url-rewrite';
import { NotAcceptableError } from '../common/errors/api-error';
import { buildOpenApiDocument } from './openapi-document';
import { ClientThrottlerGuard } from '../throttling/client-throttler.guard';

/**
 * Per version: Swagger UI at /vN/docs, the document at /vN/openapi.json and /vN/openapi.yaml. The `.json` suffix
 * is stripped by the URL rewrite like any other, so the JSON route is registered as /vN/openapi.
 */
export function setupDocs(app: NestFastifyApplication, versions: readonly string[]): void {
  const fastify = app.getHttpAdapter().getInstance();
  // The documents are large (the JSON one ~375 KB) and public: each IP spends the anonymous tier's budget on them.
  const throttle = app.get(ClientThrottlerGuard).throttleAnonymous;
  const prefixes = versions.flatMap((v) => [`/v${v}/docs`, `/v${v}/openapi`]);
  fastify.addHook('onRoute', (route) => {
    if (prefixes.some((p) => route.url.startsWith(p))) {
      route.onRequest = [...(route.onRequest ? [route.onRequest].flat() : []), throttle];
    }
  });
  for (const version of versions) {
    const document = buildOpenApiDocument(app, version);
    const json = JSON.stringify(document);
    const yaml = dump(document, { noRefs: true, lineWidth: 120, sortKeys: true });

    SwaggerModule.setup(`v${version}/docs`, app, document, {
      raw: false,
      customSiteTitle: `Street works gateway v${version}`,
      swaggerOptions: { persistAuthorization: false, displayRequestDuration: true, tryItOutEnabled: false },
    });
    fastify.get(`/v${version}/openapi`, (request, reply) => {
      if ((request.raw as RawRequestWithFormat)[FORMAT_FROM_SUFFIX] === 'xml') {
        throw new NotAcceptableError(['application/json', 'application/yaml']);
      }
      void reply.header('content-type', 'application/json; charset=utf-8').send(json);
    });
    fastify.get(`/v${version}/openapi.yaml`, (_request, reply) => {
      void reply.header('content-type', 'application/yaml; charset=utf-8').send(yaml);
    });
  }
}
