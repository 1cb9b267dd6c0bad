import { DEFAULT_SANDBOX_KEYS } from '../../src/config/auth.config';
import { bngToWgs84, wgs84ToBng } from '../../src/common/geo/bng';
import { seed } from '../../src/sandbox/data/seed';
import { bootApp, type BootedApp } from '../helpers/boot-app';

const HEADER = 'Ocp-Apim-Subscription-Key';
/** The sandbox's streets do not depend on the clock: they are seeded before any dated record. */
const STREETS = seed(1, 1, Date.now()).streets;
const street = STREETS[0];
const centre = street.line[Math.floor(street.line.length / 2)];

describe('streets', () => {
  let booted: BootedApp;
  const get = (url: string) => booted.http.get(url).set(HEADER, DEFAULT_SANDBOX_KEYS.demo);

  beforeAll(async () => {
    booted = await bootApp();
  });
  afterAll(() => booted?.close());

  it('reads a street by USRN with WGS84 geometry that maps back onto the BNG line within 15 cm', async () => {
    const res = await get(`/v1/streets/${street.usrn}`).expect(200);
    expect(res.body).toMatchObject({
      usrn: street.usrn,
      name: street.name,
      area: street.area,
      town: street.town,
      highwayAuthoritySwaCode: street.haSwa,
      trafficSensitive: street.trafficSensitive,
      interestAuthorities: [],
      specialDesignations: [],
      primaryNoticeAuthorities: [
        { swaCode: street.haSwa, name: expect.any(String), locationDescription: 'Whole street' },
      ],
      links: [
        { rel: 'self', href: `/v1/streets/${street.usrn}`, type: 'GET' },
        { rel: 'highway-authority', href: `/v1/organisations/${street.haSwa}`, type: 'GET' },
        { rel: 'works', href: `/v1/works?usrn=${street.usrn}`, type: 'GET' },
      ],
    });
    const body = res.body as {
      geometry: { type: string; coordinates: number[][][] };
      centrePoint: { type: string; coordinates: number[] };
    };
    expect(body.geometry.type).toBe('MultiLineString');
    expect(body.geometry.coordinates[0]).toHaveLength(street.line.length);
    body.geometry.coordinates[0].forEach((position, i) => {
      const [e, n] = wgs84ToBng(position);
      // 6 decimal places of a degree are ~0.1 m; the round trip through the same transformation stays within that.
      expect(Math.hypot(e - street.line[i][0], n - street.line[i][1])).toBeLessThan(0.15);
    });
    expect(body.centrePoint).toEqual({ type: 'Point', coordinates: bngToWgs84(centre) });
    // Leeds, Manchester, ... : a plausible British longitude and latitude, in RFC 7946 order.
    expect(body.centrePoint.coordinates[0]).toBeGreaterThan(-3.5);
    expect(body.centrePoint.coordinates[0]).toBeLessThan(-1);
    expect(body.centrePoint.coordinates[1]).toBeGreaterThan(51);
    expect(body.centrePoint.coordinates[1]).toBeLessThan(56);
  });

  it('finds the street at a WGS84 point (converted to BNG for Street Manager), nearest first', async () => {
    const [longitude, latitude] = bngToWgs84(centre);
    const res = await get(`/v1/streets?longitude=${longitude}&latitude=${latitude}`).expect(200);
    expect(res.body.metadata.resultset).toMatchObject({ offset: 0, limit: 20, countIsLowerBound: false });
    expect((res.body as { results: { usrn: number }[] }).results[0].usrn).toBe(street.usrn);
    expect(res.body.links[0]).toEqual({
      rel: 'self',
      href: `/v1/streets?longitude=${longitude}&latitude=${latitude}&offset=0&limit=20`,
      type: 'GET',
    });
  });

  it('returns GeoJSON features whose properties are the street fields', async () => {
    const [longitude, latitude] = bngToWgs84(centre);
    const res = await get(`/v1/streets?longitude=${longitude}&latitude=${latitude}&fields=usrn,name,geometry`)
      .set('accept', 'application/geo+json')
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
    const body = res.body as {
      type: string;
      features: { type: string; geometry: { type: string }; properties: Record<string, unknown> }[];
    };
    expect(body.type).toBe('FeatureCollection');
    expect(body.features[0]).toMatchObject({
      type: 'Feature',
      geometry: { type: 'MultiLineString' },
      properties: { usrn: street.usrn, name: street.name },
    });
    expect(Object.keys(body.features[0].properties).sort()).toEqual(['links', 'name', 'usrn']);
  });

  it('gives an empty page where no street is near, and 422 outside Great Britain', async () => {
    const empty = await get('/v1/streets?longitude=-4.5&latitude=57.5').expect(200);
    expect(empty.body.results).toEqual([]);
    expect(empty.body.metadata.resultset.count).toBe(0);
    const paris = await get('/v1/streets?longitude=2.35&latitude=48.85').expect(422);
    expect(paris.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'longitude' }, { field: 'latitude' }],
    });
  });

  it('needs both coordinates as numbers', async () => {
    const res = await get('/v1/streets?longitude=abc').expect(400);
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'longitude' }),
        expect.objectContaining({ field: 'latitude' }),
      ]),
    );
  });

  it('answers 404 naming the USRN, and 400 for a malformed one', async () => {
    const res = await get('/v1/streets/99999998').expect(404);
    expect(res.body.error).toEqual({
      code: 'NOT_FOUND',
      message: 'street 99999998 was not found',
      requestId: expect.any(String),
    });
    await get('/v1/streets/abc').expect(400);
  });
});
