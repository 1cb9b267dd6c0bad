import { bboxToBng, geometryToBng, geometryToWgs84, positionsOf } from './geometry';

const LONDON_BNG = [530624.963, 178388.461];

describe('geometry conversion', () => {
  it('converts a Point to [lon, lat]', () => {
    const g = geometryToWgs84({ type: 'Point', coordinates: LONDON_BNG });
    expect(g?.type).toBe('Point');
    const [lon, lat] = g!.coordinates as number[];
    expect(lon).toBeCloseTo(-0.11992, 4);
    expect(lat).toBeCloseTo(51.48937, 4);
  });

  it('converts every nesting level: LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon', () => {
    const line = [LONDON_BNG, [530700, 178400]];
    const ring = [LONDON_BNG, [530700, 178400], [530700, 178500], LONDON_BNG];
    for (const [type, coordinates, depth] of [
      ['LineString', line, 1],
      ['MultiPoint', line, 1],
      ['Polygon', [ring], 2],
      ['MultiLineString', [line, line], 2],
      ['MultiPolygon', [[ring], [ring]], 3],
    ] as const) {
      const g = geometryToWgs84({ type, coordinates });
      expect(g?.type).toBe(type);
      const positions = positionsOf(g!);
      expect(positions.length).toBe(JSON.stringify(coordinates).match(/\[\d/g)!.length);
      expect(positions.every(([lon, lat]) => lon < 0 && lon > -0.2 && lat > 51.4 && lat < 51.6)).toBe(true);
      expect(depth).toBeGreaterThan(0);
    }
  });

  it('gives null for shapes that are not geometries instead of throwing', () => {
    expect(geometryToWgs84(null)).toBeNull();
    expect(geometryToWgs84('POINT(1 2)')).toBeNull();
    expect(geometryToWgs84({ type: 'Circle', coordinates: [1, 2] })).toBeNull();
    expect(geometryToWgs84({ type: 'Point', coordinates: ['a', 'b'] })).toBeNull();
    expect(geometryToWgs84({ type: 'LineString', coordinates: [] })).toBeNull();
    expect(geometryToWgs84({ type: 'Polygon', coordinates: [[1, 2]] })).toBeNull();
  });

  it('round-trips WGS84 → BNG → WGS84', () => {
    const wgs = {
      type: 'LineString',
      coordinates: [
        [-1.5, 52.5],
        [-1.49, 52.51],
      ],
    };
    const back = geometryToWgs84(geometryToBng(wgs));
    expect(back).toEqual(wgs);
  });

  it('covers a WGS84 bounding box with the BNG box of all four corners', () => {
    const box = bboxToBng([-0.13, 51.48, -0.11, 51.5]);
    expect(box.minEasting).toBeLessThan(LONDON_BNG[0]);
    expect(box.maxEasting).toBeGreaterThan(LONDON_BNG[0]);
    expect(box.minNorthing).toBeLessThan(LONDON_BNG[1]);
    expect(box.maxNorthing).toBeGreaterThan(LONDON_BNG[1]);
    expect(Number.isInteger(box.minEasting) && Number.isInteger(box.maxNorthing)).toBe(true);
  });
});
