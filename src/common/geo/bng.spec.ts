import { bngToWgs84, clipToGreatBritain, isInGreatBritain, wgs84ToBng } from './bng';

/**
 * Ordnance Survey's published OSTN15 test stations (ETRS89 latitude/longitude and their OSGB36 grid
 * coordinates), spread from Cornwall to Caithness. ETRS89 and WGS84 agree to well under a metre in GB, so
 * they stand in for WGS84 here. The proj4 Helmert definition is not OSTN15: it is expected to be off by a few
 * metres. Measured here: 0.22 m (Bristol) to 2.68 m (King's Lynn), mean 1.6 m; each station asserts its measured
 * error plus 0.5 m, so a changed definition or rounding shows up at once.
 */
const STATIONS = [
  {
    name: 'LOND (London)',
    lat: 51.48936564611111,
    lon: -0.1199255641666667,
    e: 530624.963,
    n: 178388.461,
    measuredM: 1.75,
    maxErrorM: 2.2,
  },
  {
    name: 'EDIN (Edinburgh)',
    lat: 55.9247826525,
    lon: -3.294792187777777,
    e: 319188.423,
    n: 670947.532,
    measuredM: 0.57,
    maxErrorM: 1.1,
  },
  {
    name: 'BRIS (Bristol)',
    lat: 51.42754743361111,
    lon: -2.544076186111111,
    e: 362269.979,
    n: 169978.688,
    measuredM: 0.22,
    maxErrorM: 0.7,
  },
  {
    name: 'NEWC (Newcastle)',
    lat: 54.97912274,
    lon: -1.616576845555556,
    e: 424639.343,
    n: 565012.7,
    measuredM: 1.16,
    maxErrorM: 1.7,
  },
  {
    name: 'PLYM (Plymouth)',
    lat: 50.43885825472222,
    lon: -4.108645639722222,
    e: 250359.798,
    n: 62016.567,
    measuredM: 2.4,
    maxErrorM: 2.9,
  },
  {
    name: 'INVE (Inverness)',
    lat: 57.48625000333333,
    lon: -4.219263989444444,
    e: 267056.756,
    n: 846176.969,
    measuredM: 1.79,
    maxErrorM: 2.3,
  },
  {
    name: 'CARM (Carmarthen)',
    lat: 51.8589089675,
    lon: -4.308524766111111,
    e: 241124.573,
    n: 220332.638,
    measuredM: 1.85,
    maxErrorM: 2.4,
  },
  {
    name: "KING (King's Lynn)",
    lat: 52.75136687444444,
    lon: 0.4015354769444445,
    e: 562180.535,
    n: 319784.993,
    measuredM: 2.68,
    maxErrorM: 3.2,
  },
  {
    name: 'LEED (Leeds)',
    lat: 53.80021519916667,
    lon: -1.663791675833333,
    e: 422242.174,
    n: 433818.699,
    measuredM: 1.74,
    maxErrorM: 2.2,
  },
  {
    name: 'THUR (Thurso)',
    lat: 58.58120461444445,
    lon: -3.726310213055556,
    e: 299721.879,
    n: 967202.99,
    measuredM: 1.63,
    maxErrorM: 2.1,
  },
];

/** Distance in metres between two WGS84 points (haversine; sub-millimetre exact at these separations). */
function metresBetween([lon1, lat1]: number[], [lon2, lat2]: number[]): number {
  const r = 6371008.8;
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(a));
}

describe('British National Grid ↔ WGS84 (proj4, Helmert)', () => {
  it.each(STATIONS)(
    '$name: grid → WGS84 within $maxErrorM m of the OS value (measured $measuredM m)',
    ({ lat, lon, e, n, maxErrorM }) => {
      const [gotLon, gotLat] = bngToWgs84([e, n]);
      expect(metresBetween([gotLon, gotLat], [lon, lat])).toBeLessThan(maxErrorM);
    },
  );

  it.each(STATIONS)(
    '$name: WGS84 → grid within $maxErrorM m of the OS value (measured $measuredM m)',
    ({ lat, lon, e, n, maxErrorM }) => {
      const [gotE, gotN] = wgs84ToBng([lon, lat]);
      expect(Math.hypot(gotE - e, gotN - n)).toBeLessThan(maxErrorM);
    },
  );

  it('rounds to 6 decimal places of a degree (≈ 0.1 m) and to centimetres', () => {
    const [lon, lat] = bngToWgs84([530624.963, 178388.461]);
    expect(lon.toString().split('.')[1].length).toBeLessThanOrEqual(6);
    expect(lat.toString().split('.')[1].length).toBeLessThanOrEqual(6);
    const [easting, northing] = wgs84ToBng([lon, lat]);
    expect(easting.toString().split('.')[1]?.length ?? 0).toBeLessThanOrEqual(2);
    expect(northing.toString().split('.')[1]?.length ?? 0).toBeLessThanOrEqual(2);
  });

  it('round-trips a grid position to within 0.2 m', () => {
    const back = wgs84ToBng(bngToWgs84([451234.5, 201234.5]));
    expect(Math.hypot(back[0] - 451234.5, back[1] - 201234.5)).toBeLessThan(0.2);
  });

  it('tells a British coordinate from one elsewhere', () => {
    expect(isInGreatBritain([-0.12, 51.5])).toBe(true);
    expect(isInGreatBritain([2.35, 48.86])).toBe(false);
  });
});

describe('clipToGreatBritain', () => {
  it('cuts a box to Great Britain, keeps one inside, and has nothing for one wholly outside', () => {
    expect(clipToGreatBritain([-180, -90, 180, 90])).toEqual([-8.8, 49.8, 1.9, 60.9]);
    expect(clipToGreatBritain([-20, 53.79, -1.52, 53.81])).toEqual([-8.8, 53.79, -1.52, 53.81]);
    expect(clipToGreatBritain([-1.56, 53.79, -1.52, 53.81])).toEqual([-1.56, 53.79, -1.52, 53.81]);
    expect(clipToGreatBritain([2.2, 48.8, 2.5, 48.9])).toBeUndefined();
  });
});
