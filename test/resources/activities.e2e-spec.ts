import { bngToWgs84 } from '../../src/common/geo/bng';
import { organisationBySwa } from '../../src/sandbox/data/organisations';
import { seed } from '../../src/sandbox/data/seed';
import { bootApp, type BootedApp } from '../helpers/boot-app';
import { AUTHORITY_KEY, client, type CollectionBody, PROMOTER_KEY } from '../support';

type Row = {
  activityReferenceNumber: string;
  activityType: string;
  cancelled: boolean;
  geometry: { type: string; coordinates: unknown };
};

// The embedded sandbox's defaults: seed 1, 600 works, dates around the start of the current UTC day.
const today = new Date(new Date().toISOString().slice(0, 10)).getTime();
const LEEDS = seed(1, 600, today).activities.filter((a) => a.haSwa === '4720');
const area = organisationBySwa('4720')!.area!;
const [minLon, minLat] = bngToWgs84([area.minE - 2000, area.minN - 2000]);
const [maxLon, maxLat] = bngToWgs84([area.maxE + 2000, area.maxN + 2000]);
const BBOX = [minLon, minLat, maxLon, maxLat].join(',');

describe('activities', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp();
  });
  afterAll(() => booted?.close());

  it('lists the activities in a WGS84 box with exact counts and windows', async () => {
    const api = client(booted);
    const all = (await api.get(`/v1/activities?bbox=${BBOX}&limit=100`).expect(200))
      .body as CollectionBody<Row>;
    expect(all.metadata.resultset).toEqual({
      count: LEEDS.length,
      countIsLowerBound: false,
      offset: 0,
      limit: 100,
      page: 1,
    });
    expect(all.results.map((r) => r.activityReferenceNumber).sort()).toEqual(
      LEEDS.map((a) => a.reference).sort(),
    );
    expect(all.results[0].geometry.type).toMatch(/^(Point|LineString|Polygon)$/);

    const window = (await api.get(`/v1/activities?bbox=${BBOX}&offset=5&limit=4`).expect(200))
      .body as CollectionBody<Row>;
    expect(window.results).toEqual(all.results.slice(5, 9));
    expect(window.links).toContainEqual({
      rel: 'next-page',
      href: `/v1/activities?bbox=${encodeURIComponent(BBOX)}&offset=9&limit=4`,
      type: 'GET',
    });

    const current = (
      await api.get(`/v1/activities?bbox=${BBOX}&cancelled=false&activityType=skips,scaffolding`).expect(200)
    ).body as CollectionBody<Row>;
    expect(current.metadata.resultset.count).toBe(
      LEEDS.filter((a) => !a.cancelled && ['skips', 'scaffolding'].includes(a.activityType)).length,
    );
  });

  it('returns GeoJSON on request', async () => {
    const res = await client(booted)
      .get(`/v1/activities?bbox=${BBOX}&limit=3`)
      .set('accept', 'application/geo+json')
      .expect(200);
    expect(res.body).toMatchObject({
      type: 'FeatureCollection',
      metadata: { resultset: { count: LEEDS.length } },
    });
    expect((res.body as { features: { id: string; properties: object }[] }).features[0]).toMatchObject({
      type: 'Feature',
      id: expect.any(String),
    });
  });

  it('needs a well-formed bbox', async () => {
    const api = client(booted);
    const missing = await api.get('/v1/activities').expect(400);
    expect(missing.body.error.details).toEqual([{ field: 'bbox', message: expect.any(String) }]);
    await api.get('/v1/activities?bbox=1,2,3').expect(400);
  });

  it('reads one and 404s an unknown one', async () => {
    const api = client(booted);
    const activity = LEEDS[0];
    const res = await api.get(`/v1/activities/${activity.reference}`).expect(200);
    expect(res.body).toMatchObject({
      activityReferenceNumber: activity.reference,
      usrn: activity.usrn,
      highwayAuthoritySwaCode: '4720',
      cancelled: activity.cancelled,
    });
    expect(res.body.links).toContainEqual({
      rel: 'street',
      href: `/v1/streets/${activity.usrn}`,
      type: 'GET',
    });
    const missing = await api.get('/v1/activities/ACTNOPE000001').expect(404);
    expect(missing.body.error.message).toBe('activity ACTNOPE000001 was not found');
  });

  describe('recording and cancelling', () => {
    const activity = LEEDS[0];
    const [lon, lat] = bngToWgs84([area.minE + 6000, area.minN + 6000]);
    const body = () => ({
      usrn: activity.usrn,
      name: 'Scaffolding at number 12',
      activityType: 'scaffolding',
      startDate: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      endDate: new Date(Date.now() + 9 * 86_400_000).toISOString(),
      locationTypes: ['footway'],
      locationDescription: 'Footway outside number 12',
      trafficManagementType: 'no_carriageway_incursion',
      collaborativeWorking: false,
      geometry: { type: 'Point', coordinates: [lon, lat] },
    });

    it('creates 201 with Location, then cancels through PUT status', async () => {
      const api = client(booted, AUTHORITY_KEY);
      const res = await api.post('/v1/activities', body()).expect(201);
      const reference = res.body.activityReferenceNumber as string;
      expect(res.headers.location).toBe(`/v1/activities/${reference}`);
      expect(res.body).toMatchObject({
        name: 'Scaffolding at number 12',
        cancelled: false,
        highwayAuthoritySwaCode: '4720',
        geometry: { type: 'Point' },
      });
      const [gotLon, gotLat] = (res.body as { geometry: { coordinates: number[] } }).geometry.coordinates;
      expect(Math.abs(gotLon - lon)).toBeLessThan(2e-6);
      expect(Math.abs(gotLat - lat)).toBeLessThan(2e-6);
      expect(res.body.links).toContainEqual({
        rel: 'update-status',
        href: `/v1/activities/${reference}/status`,
        type: 'PUT',
      });

      const cancelled = await api
        .put(`/v1/activities/${reference}/status`, { status: 'cancelled', reason: 'Called off' })
        .expect(200);
      expect(cancelled.body).toMatchObject({ cancelled: true, cancelledReason: 'Called off' });
      expect(cancelled.body.links).not.toContainEqual(expect.objectContaining({ rel: 'update-status' }));
      await api.put(`/v1/activities/${reference}/status`, { status: 'active' }).expect(400);
    });

    it('refuses 400 for shape and 422 for meaning', async () => {
      const api = client(booted, AUTHORITY_KEY);
      const shape = await api
        .post('/v1/activities', { ...body(), activityType: 'party', geometry: { type: 'Circle' } })
        .expect(400);
      expect((shape.body.error.details as { field: string }[]).map((d) => d.field)).toEqual(
        expect.arrayContaining(['activityType', 'geometry']),
      );
      const meaning = await api
        .post('/v1/activities', {
          ...body(),
          startDate: '2020-01-01T00:00:00Z',
          endDate: '2019-01-01T00:00:00Z',
          activityType: 'other',
          geometry: { type: 'Point', coordinates: [2.35, 48.85] },
        })
        .expect(422);
      expect((meaning.body.error.details as { field: string }[]).map((d) => d.field)).toEqual([
        'startDate',
        'endDate',
        'activityTypeDetails',
        'geometry',
      ]);
    });

    it('is a highway authority write', async () => {
      await client(booted, PROMOTER_KEY).post('/v1/activities', body()).expect(403);
    });
  });
});
