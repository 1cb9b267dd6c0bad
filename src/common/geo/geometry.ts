import { bngToWgs84, type Position, wgs84ToBng } from './bng';

export type GeometryType =
  'Point' | 'LineString' | 'Polygon' | 'MultiPoint' | 'MultiLineString' | 'MultiPolygon';

/** An RFC 7946 geometry. Coordinates nest one level per type: position, line/ring, polygon. */
export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'LineString' | 'MultiPoint'; coordinates: Position[] }
  | { type: 'Polygon' | 'MultiLineString'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

/** How deep the positions sit in each geometry type's coordinates. */
const DEPTH: Record<GeometryType, number> = {
  Point: 0,
  LineString: 1,
  MultiPoint: 1,
  Polygon: 2,
  MultiLineString: 2,
  MultiPolygon: 3,
};

function isPosition(value: unknown): value is number[] {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    value.length <= 3 &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

function mapPositions(coordinates: unknown, depth: number, convert: (p: number[]) => Position): unknown {
  if (depth === 0) {
    if (!isPosition(coordinates)) {
      throw new TypeError('not a position');
    }
    return convert(coordinates);
  }
  if (!Array.isArray(coordinates) || coordinates.length === 0) {
    throw new TypeError('not a coordinate array');
  }
  return coordinates.map((c) => mapPositions(c, depth - 1, convert));
}

function convertGeometry(geometry: unknown, convert: (p: number[]) => Position): Geometry | null {
  if (typeof geometry !== 'object' || geometry === null) {
    return null;
  }
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (typeof type !== 'string' || !(type in DEPTH)) {
    return null;
  }
  try {
    return { type, coordinates: mapPositions(coordinates, DEPTH[type as GeometryType], convert) } as Geometry;
  } catch {
    return null;
  }
}

/**
 * A Street Manager geometry (GeoJSON in EPSG:27700) as RFC 7946 WGS84. Anything that is not a well-formed
 * geometry gives null rather than an exception: one bad upstream shape must not fail a whole page.
 */
export function geometryToWgs84(bngGeometry: unknown): Geometry | null {
  return convertGeometry(bngGeometry, bngToWgs84);
}

/** A caller's WGS84 geometry as EPSG:27700 for Street Manager; null when it is not a well-formed geometry. */
export function geometryToBng(wgs84Geometry: unknown): Geometry | null {
  return convertGeometry(wgs84Geometry, wgs84ToBng);
}

/** Every position of a geometry, flattened (for bounds checks). */
export function positionsOf(geometry: Geometry): Position[] {
  const depth = DEPTH[geometry.type];
  let level: unknown[] = [geometry.coordinates];
  for (let i = 0; i < depth; i++) {
    level = level.flat(1);
  }
  return level as Position[];
}

export interface BngBox {
  minEasting: number;
  minNorthing: number;
  maxEasting: number;
  maxNorthing: number;
}

/**
 * A WGS84 bounding box [minLon, minLat, maxLon, maxLat] as the smallest BNG box that covers it. The grid is
 * rotated against the meridians, so all four corners are converted, not two.
 */
export function bboxToBng([minLon, minLat, maxLon, maxLat]: readonly number[]): BngBox {
  const corners = [
    [minLon, minLat],
    [minLon, maxLat],
    [maxLon, minLat],
    [maxLon, maxLat],
  ].map((c) => wgs84ToBng(c));
  const eastings = corners.map((c) => c[0]);
  const northings = corners.map((c) => c[1]);
  return {
    minEasting: Math.floor(Math.min(...eastings)),
    minNorthing: Math.floor(Math.min(...northings)),
    maxEasting: Math.ceil(Math.max(...eastings)),
    maxNorthing: Math.ceil(Math.max(...northings)),
  };
}
