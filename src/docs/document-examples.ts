import type { OpenAPIObject } from '@nestjs/swagger';
import { MediaType } from '../common/negotiation/media-types';
import type { Parameter } from './document-answers';

// Examples Swagger UI's Try it out can send as they are (test/docs/try-it-out.e2e-spec.ts proves it).

type BodySchema = { $ref?: string; example?: unknown; properties?: Record<string, BodySchema> };

/**
 * Each write's example request, assembled from its properties' examples and set on the request body, so Swagger UI
 * prefills exactly that (not placeholders such as "string" for properties without one) and the examples test
 * (test/docs/try-it-out.e2e-spec.ts) sends the same body. Optional properties without an example are left out.
 */
export function exampleRequestBodies(document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, BodySchema>;
  const exampleOf = (schema: BodySchema, depth = 0): unknown => {
    const resolved = schema.$ref ? schemas[schema.$ref.split('/').pop() as string] : schema;
    if (resolved?.example !== undefined || !resolved?.properties || depth > 3) {
      return resolved?.example;
    }
    const entries = Object.entries(resolved.properties)
      .map(([name, property]) => [name, exampleOf(property, depth + 1)] as const)
      .filter(([, value]) => value !== undefined && value !== null);
    return Object.fromEntries(entries);
  };
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      const body = (
        operation as {
          requestBody?: { content?: Record<string, { schema?: BodySchema; example?: unknown }> };
        }
      ).requestBody;
      const json = body?.content?.[MediaType.JSON];
      if (json?.schema && json.example === undefined) {
        json.example = exampleOf(json.schema);
      }
    }
  }
}

/** `@AuthorityExample` (x-path-examples): one operation's own path parameter examples, over the DTO's shared ones. */
export function applyPathExamples(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      const op = operation as {
        'x-path-examples'?: Record<string, string>;
        parameters?: (Parameter & { example?: unknown; schema?: { example?: unknown } })[];
      };
      const examples = op['x-path-examples'];
      if (!examples) {
        continue;
      }
      delete op['x-path-examples'];
      op.parameters = (op.parameters ?? []).map((p) =>
        p.in === 'path' && p.name !== undefined && examples[p.name] !== undefined
          ? {
              ...p,
              example: examples[p.name],
              schema: p.schema ? { ...p.schema, example: examples[p.name] } : p.schema,
            }
          : p,
      );
    }
  }
}
