import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { dump } from 'js-yaml';
import { AZURE_AD_SCHEME, SUBSCRIPTION_KEY_SCHEME } from '../auth/swagger-security';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import { REPLAYED_HEADER } from '../idempotency/idempotency-key';
import { MediaType } from '../common/negotiation/media-types';
import { IF_NONE_MATCH, IF_NONE_MATCH_MAX_LENGTH } from '../cache/etag';
import {
  describeGeoJsonAnswers,
  describeInternalErrors,
  describeSparseAnswers,
  type Parameter,
} from './document-answers';
import { applyPathExamples, exampleRequestBodies } from './document-examples';

/** Routes outside the versioned tree that belong in every version's document. */
const UNVERSIONED_PATH = /^\/(status|healthcheck|metrics)$/;

const DESCRIPTION = `A versioned REST API over Street Manager and the organisation's own services.

Representations: JSON by default; XML with \`Accept: application/xml\` or a \`.xml\` suffix; \`.json\` also works.
Spatial collections also answer \`application/geo+json\`. An Accept that cannot be met is a 406.

Errors: every error, whatever its status, has the ErrorResponse body and content type application/json.
Every response carries \`X-Request-Id\` (yours, when it is at most 64 letters, digits, \`-\`, \`_\` or \`.\`).`;

export function buildOpenApiDocument(app: INestApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Street works gateway')
    .setDescription(DESCRIPTION)
    .setVersion(version)
    .addServer(
      '/',
      'This gateway, wherever it serves this document: a local or sandbox run (Street Manager simulated in-process, ' +
        'demo subscription keys) or a test or production deployment in front of the real Street Manager',
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'Ocp-Apim-Subscription-Key',
        description: 'For external integrators: the subscription key issued for your product.',
      },
      SUBSCRIPTION_KEY_SCHEME,
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          "For internal clients: an Azure AD (Entra ID) access token for the gateway's app registration. Handled as " +
          'RFC8725 (JSON Web Token Best Current Practices) asks: the algorithm is pinned (RS256 only, never `none`), ' +
          "the signature is checked against the tenant's JWKS, and issuer, audience, expiry and not-before are " +
          'always verified.',
      },
      AZURE_AD_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ErrorResponseDto] });

  const prefix = `/v${version}/`;
  document.paths = Object.fromEntries(
    Object.entries(document.paths).filter(([path]) => path.startsWith(prefix) || UNVERSIONED_PATH.test(path)),
  );
  // Servers are the public face of this API (OWASP API9: say who each server is for).
  document.servers = (document.servers ?? []).map((server) => ({ ...server, 'x-internal': false }));
  describeRepresentations(document);
  describeInternalErrors(document);
  describeSparseAnswers(document);
  describeGeoJsonAnswers(document);
  exampleRequestBodies(document);
  applyPathExamples(document);
  describeHeaders(document);
  defineTags(document);
  return sortKeys(document);
}

/**
 * Success bodies are negotiable (JSON, XML, and whatever @Produces added); errors are always JSON. @nestjs/swagger
 * lists one content map for every response of an operation, so this puts each media type where it belongs.
 */
function describeRepresentations(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      const responses = (operation as { responses?: Record<string, { content?: Record<string, unknown> }> })
        .responses;
      for (const [status, response] of Object.entries(responses ?? {})) {
        const content = response.content;
        if (!content) {
          continue;
        }
        const schema = Object.values(content)[0];
        if (status.startsWith('2')) {
          content[MediaType.XML] ??= schema;
        } else {
          response.content = { [MediaType.JSON]: content[MediaType.JSON] ?? schema };
        }
      }
    }
  }
}

type Header = {
  description: string;
  schema: { type: string; format?: string; maxLength?: number; pattern?: string };
};
type Response = { description?: string; headers?: Record<string, unknown>; content?: unknown };
type Operation = {
  security?: unknown[];
  parameters?: unknown[];
  responses?: Record<string, Response>;
};

const HEADERS: Record<string, Header> = {
  XRequestId: {
    description:
      'The request id: yours when safe (at most 64 of A-Z a-z 0-9 - _ .), else generated; in every log line',
    schema: { type: 'string' },
  },
  XRateLimitLimit: {
    description: "Requests allowed in the client's window closest to running out",
    schema: { type: 'integer', format: 'int32' },
  },
  XRateLimitRemaining: {
    description: 'Requests left in that window',
    schema: { type: 'integer', format: 'int32' },
  },
  XRateLimitReset: {
    description: 'Seconds until that window resets',
    schema: { type: 'integer', format: 'int32' },
  },
  RetryAfter: {
    description: 'Seconds to wait before trying again',
    schema: { type: 'integer', format: 'int32' },
  },
  IdempotentReplayed: {
    description:
      '`true` when this answer is the replay of an earlier request with the same Idempotency-Key and body',
    schema: { type: 'string' },
  },
  ETag: {
    description: 'Strong validator of this representation; send it back in If-None-Match',
    schema: { type: 'string' },
  },
  CacheControl: {
    description: '`private, max-age=N` for resources the gateway caches, else `no-store`',
    schema: { type: 'string' },
  },
};

const UNTHROTTLED_STATUSES = new Set(['401', '413', '415']);

const ref = (name: string) => ({ $ref: `#/components/headers/${name}` });

/**
 * Headers the whole pipeline sets (request id, rate limits, Retry-After, ETag and Cache-Control on GETs) are
 * documented once here rather than on every controller, so the document cannot drift from the pipeline.
 */
function describeHeaders(document: OpenAPIObject): void {
  document.components = { ...document.components, headers: { ...document.components?.headers, ...HEADERS } };
  document.components.parameters = {
    ...document.components.parameters,
    IfNoneMatch: {
      name: 'If-None-Match',
      in: 'header',
      required: false,
      description: 'An ETag from an earlier answer: 304 Not Modified, with no body, while it still matches',
      schema: { type: 'string', maxLength: IF_NONE_MATCH_MAX_LENGTH, pattern: IF_NONE_MATCH.source },
    },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, value] of Object.entries(item)) {
      const operation = value as Operation;
      moveReplayedHeader(operation);
      const secured = (operation.security ?? []).length > 0;
      const responses = operation.responses ?? {};
      if (secured && method === 'get' && !UNVERSIONED_PATH.test(path) && responses['200']) {
        operation.parameters = [
          ...(operation.parameters ?? []),
          { $ref: '#/components/parameters/IfNoneMatch' },
        ];
        responses['200'].headers = {
          ...responses['200'].headers,
          ETag: ref('ETag'),
          'Cache-Control': ref('CacheControl'),
        };
        responses['304'] = {
          description: 'Not modified: the If-None-Match ETag still matches; no body',
          headers: { ETag: ref('ETag'), 'Cache-Control': ref('CacheControl') },
        };
      }
      for (const [status, response] of Object.entries(responses)) {
        const headers: Record<string, unknown> = { ...response.headers, 'X-Request-Id': ref('XRequestId') };
        // Throttling counts authenticated clients only: a 401 is refused before it, and so are bodies refused
        // before authentication (413 too large, 415 not JSON).
        if (secured && !UNTHROTTLED_STATUSES.has(status)) {
          Object.assign(headers, {
            'X-RateLimit-Limit': ref('XRateLimitLimit'),
            'X-RateLimit-Remaining': ref('XRateLimitRemaining'),
            'X-RateLimit-Reset': ref('XRateLimitReset'),
          });
        }
        if (status === '429' || status === '503') {
          headers['Retry-After'] = ref('RetryAfter');
        }
        response.headers = headers;
      }
    }
  }
}

/**
 * `Idempotent-Replayed` is an answer header, but @ApiCreate (src/common/endpoints) declares it with @ApiHeader (a request
 * parameter); it belongs on the 201.
 */
function moveReplayedHeader(operation: Operation): void {
  const parameters = (operation.parameters ?? []) as Parameter[];
  if (!parameters.some((p) => p.name === REPLAYED_HEADER)) {
    return;
  }
  operation.parameters = parameters.filter((p) => p.name !== REPLAYED_HEADER);
  const created = operation.responses?.['201'];
  if (created) {
    created.headers = { ...created.headers, [REPLAYED_HEADER]: ref('IdempotentReplayed') };
  }
}

/** Every tag an operation uses is declared, so controllers only need @ApiTags. */
function defineTags(document: OpenAPIObject): void {
  const used = new Set<string>();
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      for (const tag of (operation as { tags?: string[] }).tags ?? []) {
        used.add(tag);
      }
    }
  }
  const declared = new Map((document.tags ?? []).map((t) => [t.name, t]));
  document.tags = [...used].sort().map((name) => declared.get(name) ?? { name });
}

/** Object keys in code-point order at every depth (arrays keep their order), so the output is stable. */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map((v: unknown) => sortKeys(v)) as T;
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    ) as T;
  }
  return value;
}

const BLUEPRINT_HEADER =
  '# The committed OpenAPI blueprint of this version, generated from the code: `npm run openapi:write`.\n' +
  '# Do not edit by hand; test/foundation/blueprint.e2e-spec.ts fails when it differs from the code.\n';

export function renderBlueprint(document: OpenAPIObject): string {
  return BLUEPRINT_HEADER + dump(document, { noRefs: true, lineWidth: 120, sortKeys: true });
}
