import { bngToWgs84 } from '../../src/common/geo/bng';
import { organisationBySwa } from '../../src/sandbox/data/organisations';
import { seed } from '../../src/sandbox/data/seed';
import type { BootedApp } from '../helpers/boot-app';
import {
  AUTHORITY_KEY,
  bootWithSandbox,
  client,
  type CollectionBody,
  expectDefaultsAndExactWindows,
  PROMOTER_KEY,
} from '../support';

type Row = { forwardPlanReferenceNumber: string; workReferenceNumber: string; status: string };

const LEEDS_STREET = seed(1, 1, Date.now()).streets.find((s) => s.haSwa === '4720')!;
const area = organisationBySwa('4720')!.area!;

describe('forward-plans', () => {
  let booted: BootedApp;
  let rows: Row[];

  beforeAll(async () => {
    // About 3 % of works carry a forward plan: enough works that one promoter sees more than two upstream pages.
    booted = await bootWithSandbox(6000);
    rows = (await expectDefaultsAndExactWindows(booted, '/v1/forward-plans', 'forwardPlanReferenceNumber'))
      .results as Row[];
  });
  afterAll(() => booted?.close());

  it('filters by status and reads one with WGS84 geometry', async () => {
    const api = client(booted);
    const raised = (await api.get('/v1/forward-plans?status=raised&limit=50').expect(200))
      .body as CollectionBody<Row>;
    expect(raised.results.every((r) => r.status === 'raised')).toBe(true);
    const one = await api.get(`/v1/forward-plans/${rows[0].forwardPlanReferenceNumber}`).expect(200);
    expect(one.body).toMatchObject({
      forwardPlanReferenceNumber: rows[0].forwardPlanReferenceNumber,
      workReferenceNumber: rows[0].workReferenceNumber,
      geometry: { type: expect.any(String) },
    });
    expect(one.body.proposedStartDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await api.get('/v1/forward-plans/NOPE-FP-01').expect(404);
    await api.get('/v1/forward-plans?status=maybe').expect(400);
  });

  describe('creating and cancelling', () => {
    const start = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const end = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const body = () => ({
      promoterSwaCode: '7374',
      highwayAuthoritySwaCode: '4720',
      usrn: LEEDS_STREET.usrn,
      proposedStartDate: start,
      proposedEndDate: end,
      description: 'Replace 200 m of gas main',
      locationDescription: 'Between the junctions',
      geometry: { type: 'Point', coordinates: bngToWgs84([area.minE + 5000, area.minN + 5000]) },
    });

    it('creates 201 with Location, then cancels through PUT status', async () => {
      const api = client(booted, PROMOTER_KEY);
      const res = await api.post('/v1/forward-plans', body()).expect(201);
      const reference = res.body.forwardPlanReferenceNumber as string;
      expect(res.headers.location).toBe(`/v1/forward-plans/${reference}`);
      expect(res.body).toMatchObject({
        status: 'raised',
        proposedStartDate: start,
        proposedEndDate: end,
        highwayAuthoritySwaCode: '4720',
      });
      expect(res.body.links).toContainEqual({
        rel: 'update-status',
        href: `/v1/forward-plans/${reference}/status`,
        type: 'PUT',
      });
      const cancelled = await api
        .put(`/v1/forward-plans/${reference}/status`, { status: 'cancelled', reason: 'No longer needed' })
        .expect(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledReason: 'No longer needed' });
      await api.put(`/v1/forward-plans/${reference}/status`, { status: 'cancelled' }).expect(400);
    });

    it('refuses 400 for shape and 422 for meaning', async () => {
      const api = client(booted, PROMOTER_KEY);
      const shape = await api
        .post('/v1/forward-plans', { ...body(), proposedStartDate: 'soon', usrn: 'x' })
        .expect(400);
      expect((shape.body.error.details as { field: string }[]).map((d) => d.field)).toEqual(
        expect.arrayContaining(['proposedStartDate', 'usrn']),
      );
      const meaning = await api
        .post('/v1/forward-plans', {
          ...body(),
          proposedStartDate: '2020-01-02',
          proposedEndDate: '2020-01-01',
        })
        .expect(422);
      expect(meaning.body.error.details).toEqual([
        { field: 'proposedStartDate', message: 'must be today or later' },
        { field: 'proposedEndDate', message: 'must be on or after proposedStartDate' },
      ]);
    });

    it('is a promoter write', async () => {
      await client(booted, AUTHORITY_KEY).post('/v1/forward-plans', body()).expect(403);
    });
  });
});
