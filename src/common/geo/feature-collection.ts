import type { Link } from '../links/link';
import type { Collection } from '../paging/collection';
import type { Geometry } from './geometry';

export interface Feature<P> {
  type: 'Feature';
  id?: string;
  geometry: Geometry | null;
  properties: P;
}

/** RFC 7946 FeatureCollection; `metadata` and `links` ride along as foreign members (RFC 7946 §6.1). */
export interface FeatureCollection<P> {
  type: 'FeatureCollection';
  features: Feature<P>[];
  metadata: Collection<unknown>['metadata'];
  links: Link[];
}

/**
 * A collection as GeoJSON: one Feature per item, whose properties are the same resource fields as the JSON
 * form (the geometry property moves to the Feature's geometry instead of being repeated).
 */
export function toFeatureCollection<T extends object, K extends keyof T>(
  source: Collection<T>,
  geometryKey: K,
  idKey?: keyof T,
): FeatureCollection<Omit<T, K>> {
  return {
    type: 'FeatureCollection',
    features: source.results.map((item) => {
      const { [geometryKey]: geometry, ...properties } = item;
      const id = idKey !== undefined ? item[idKey] : undefined;
      return {
        type: 'Feature' as const,
        ...(typeof id === 'string' ? { id } : {}),
        geometry: (geometry as Geometry | null | undefined) ?? null,
        properties: properties,
      };
    }),
    metadata: source.metadata,
    links: source.links,
  };
}
