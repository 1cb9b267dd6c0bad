import type { OpenAPIObject } from '@nestjs/swagger';
import { MediaType } from '../common/negotiation/media-types';

// What the document says of answers beyond the controllers' decorators (applied by openapi-document.ts).

/** Any operation can fail unexpectedly; the 500 body carries only the requestId (DESIGN.md §4). */
export function describeInternalErrors(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      const responses = (operation as { responses?: Record<string, unknown> }).responses;
      if (responses && !responses['500']) {
        responses['500'] = {
          description: 'Internal error: the body carries only the requestId.',
          content: { [MediaType.JSON]: { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
        };
      }
    }
  }
}

type Schema = { $ref?: string; required?: string[]; description?: string; items?: Schema; properties?: Record<string, Schema> };
export type Parameter = { name?: string; in?: string };

/**
 * `?fields=a,b` answers hold only the named properties (plus `links`), so the full schema's `required` does not
 * hold for them. Each item schema of an operation taking `fields` gets a sparse twin (same properties, only `links`
 * required), and the answer is documented as either, so a validator accepts exactly what the gateway sends.
 */
export function describeSparseAnswers(document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const sparse = (ref: string): Schema => {
    const name = ref.split('/').pop() as string;
    const sparseName = `${name}Sparse`;
    if (!schemas[sparseName]) {
      const full = schemas[name];
      schemas[sparseName] = {
        ...full,
        description: `${name} as answered with \`?fields=\`: only the named properties, plus \`links\`.`,
        required: (full.required ?? []).filter((p) => p === 'links'),
      };
    }
    return { anyOf: [{ $ref: ref }, { $ref: `#/components/schemas/${sparseName}` }] } as Schema;
  };
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      const op = operation as { parameters?: Parameter[]; responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> };
      if (!(op.parameters ?? []).some((p) => p.in === 'query' && p.name === 'fields')) {
        continue;
      }
      for (const [mediaType, media] of Object.entries(op.responses?.['200']?.content ?? {})) {
        const schema = media.schema;
        // GeoJSON answers are FeatureCollections whose features keep their own shape.
        if (!schema || mediaType === MediaType.GEO_JSON) {
          continue;
        }
        if (schema.$ref) {
          media.schema = sparse(schema.$ref);
        } else if (schema.properties?.results?.items?.$ref) {
          media.schema = {
            ...schema,
            properties: { ...schema.properties, results: { ...schema.properties.results, items: sparse(schema.properties.results.items.$ref) } },
          };
        }
      }
    }
  }
}
