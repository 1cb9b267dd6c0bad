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

type Schema = {
  $ref?: string;
  type?: string;
  required?: string[];
  description?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
};
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
      const op = operation as {
        parameters?: Parameter[];
        responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
      };
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
            properties: {
              ...schema.properties,
              results: { ...schema.properties.results, items: sparse(schema.properties.results.items.$ref) },
            },
          };
        }
      }
    }
  }
}

/**
 * A collection asked for as `application/geo+json` is an RFC 7946 FeatureCollection (src/common/geo/
 * feature-collection.ts): one Feature per item, the item's geometry as the Feature's, its other fields as the
 * Feature's properties, `metadata` and `links` as foreign members. @Produces lists the media type beside JSON with
 * the JSON envelope's schema; this documents the shape actually sent.
 */
export function describeGeoJsonAnswers(document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      const op = operation as {
        responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
      };
      const media = op.responses?.['200']?.content?.[MediaType.GEO_JSON];
      const envelope = media?.schema;
      const itemRef = envelope?.properties?.results?.items?.$ref;
      if (!media || !envelope?.properties || !itemRef) {
        continue;
      }
      const name = itemRef.split('/').pop() as string;
      const featureName = `${name}Feature`;
      schemas[featureName] ??= {
        type: 'object',
        description: `One ${name} as a GeoJSON Feature: its geometry, and its other fields as properties.`,
        required: ['type', 'geometry', 'properties'],
        properties: {
          type: { type: 'string', enum: ['Feature'] },
          id: { type: 'string', maxLength: 100 },
          geometry: { allOf: [{ $ref: '#/components/schemas/GeometryDto' }], nullable: true },
          // Every field but the geometry: the item's properties, none required (so `?fields=` answers fit too).
          properties: {
            type: 'object',
            properties: Object.fromEntries(
              Object.entries(schemas[name]?.properties ?? {}).filter(([p]) => p !== 'geometry'),
            ),
          },
        },
      } as Schema;
      media.schema = {
        type: 'object',
        required: ['type', 'features', 'metadata', 'links'],
        properties: {
          type: { type: 'string', enum: ['FeatureCollection'] },
          features: { type: 'array', items: { $ref: `#/components/schemas/${featureName}` } },
          metadata: envelope.properties.metadata,
          links: envelope.properties.links,
        },
      } as Schema;
    }
  }
}
