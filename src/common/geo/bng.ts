import proj4 from 'proj4';

/**
 * EPSG:27700 (OSGB36 / British National Grid) as proj4 knows it without the OSTN15 grid: a 7-parameter Helmert
 * shift between the Airy 1830 and WGS84 ellipsoids. Ordnance Survey states this single national Helmert is good
 * to about 5 m; against ten OS stations from Cornwall to Caithness it is 0.2–2.7 m (bng.spec.ts). That is ample for showing and
 * searching street works, and it avoids shipping the 15 MB OSTN15 grid. Anything that needs survey accuracy must
 * use OSTN15.
 */
const BNG =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';
proj4.defs('EPSG:27700', BNG);

const toWgs84 = proj4('EPSG:27700', 'EPSG:4326');

/** 6 decimals of a degree ≈ 0.1 m: well inside the transformation's own error, and short on the wire. */
const DEGREE_DECIMALS = 1e6;
/** Street Manager takes metres; centimetres are more than the data carries. */
const METRE_DECIMALS = 1e2;

export type Position = [number, number];

function round(value: number, factor: number): number {
  return Math.round(value * factor) / factor;
}

/** [easting, northing] in metres → [longitude, latitude] in degrees (RFC 7946 order). */
export function bngToWgs84([easting, northing]: readonly number[]): Position {
  const [lon, lat] = toWgs84.forward([easting, northing]);
  return [round(lon, DEGREE_DECIMALS), round(lat, DEGREE_DECIMALS)];
}

/** [longitude, latitude] in degrees → [easting, northing] in metres. */
export function wgs84ToBng([lon, lat]: readonly number[]): Position {
  const [easting, northing] = toWgs84.inverse([lon, lat]);
  return [round(easting, METRE_DECIMALS), round(northing, METRE_DECIMALS)];
}

/** The rough extent of Great Britain in WGS84 (with its islands), for telling a plausible coordinate from a typo. */
export const GREAT_BRITAIN_WGS84 = { minLon: -8.8, minLat: 49.8, maxLon: 1.9, maxLat: 60.9 } as const;

export function isInGreatBritain([lon, lat]: readonly number[]): boolean {
  const b = GREAT_BRITAIN_WGS84;
  return lon >= b.minLon && lon <= b.maxLon && lat >= b.minLat && lat <= b.maxLat;
}

/**
 * A WGS84 search box [minLon, minLat, maxLon, maxLat] cut to Great Britain's extent, or undefined when none of it is
 * in Great Britain. Street Manager's works all lie inside (a body geometry outside is refused), so cutting loses
 * nothing, and a map viewport reaching over the sea or the whole world is read as the part of it that can hold works.
 */
export function clipToGreatBritain([minLon, minLat, maxLon, maxLat]: readonly number[]):
  [number, number, number, number] | undefined {
  const b = GREAT_BRITAIN_WGS84;
  const clipped: [number, number, number, number] = [
    Math.max(minLon, b.minLon),
    Math.max(minLat, b.minLat),
    Math.min(maxLon, b.maxLon),
    Math.min(maxLat, b.maxLat),
  ];
  return clipped[0] <= clipped[2] && clipped[1] <= clipped[3] ? clipped : undefined;
}
