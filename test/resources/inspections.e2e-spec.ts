import { bootApp, type BootedApp } from '../helpers/boot-app';
import {
  AUTHORITY_KEY,
  client,
  type CollectionBody,
  expectDefaultsAndExactWindows,
  PROMOTER_KEY,
} from '../support';

type Row = {
  inspectionReferenceNumber: string;
  workReferenceNumber: string;
  type: string;
  outcome: string;
  inspectionDate: string;
};

describe('inspections', () => {
  let booted: BootedApp;
  let rows: Row[];

  beforeAll(async () => {
    booted = await bootApp();
    rows = (await expectDefaultsAndExactWindows(booted, '/v1/inspections', 'inspectionReferenceNumber'))
      .results as Row[];
  });
  afterAll(() => booted?.close());

  it('lists in camelCase with ISO dates, newest first, and links each row to its work and permits', () => {
    const row = rows[0] as Row & Record<string, unknown>;
    expect(Object.keys(row).sort()).toEqual(
      [
        'area',
        'category',
        'dateCreated',
        'dateModified',
        'highwayAuthorityName',
        'inspectionDate',
        'inspectionReferenceNumber',
        'links',
        'locationDescription',
        'madeSafeByHighwayAuthority',
        'outcome',
        'promoterName',
        'reinspectionDate',
        'responseType',
        'status',
        'streetName',
        'town',
        'type',
        'workReferenceNumber',
      ].sort(),
    );
    expect(row.inspectionDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(row.links).toEqual([
      { rel: 'self', href: `/v1/inspections/${row.inspectionReferenceNumber}`, type: 'GET' },
      { rel: 'work', href: `/v1/works/${row.workReferenceNumber}`, type: 'GET' },
      { rel: 'permits', href: `/v1/permits?workReferenceNumber=${row.workReferenceNumber}`, type: 'GET' },
    ]);
    const dates = rows.map((r) => r.inspectionDate);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('filters by type and outcome, by work, and sorts ascending on request', async () => {
    const api = client(booted);
    const passed = (await api.get('/v1/inspections?outcome=passed&type=live_site&limit=100').expect(200))
      .body as CollectionBody<Row>;
    expect(passed.results.length).toBeGreaterThan(0);
    expect(passed.results.every((r) => r.outcome === 'passed' && r.type === 'live_site')).toBe(true);
    expect(passed.links[0].href).toBe('/v1/inspections?outcome=passed&type=live_site&offset=0&limit=100');

    const work = rows[0].workReferenceNumber;
    const ofWork = (await api.get(`/v1/inspections?workReferenceNumber=${work}`).expect(200))
      .body as CollectionBody<Row>;
    expect(ofWork.results.map((r) => r.workReferenceNumber)).toEqual(ofWork.results.map(() => work));

    const ascending = (await api.get('/v1/inspections?sort=inspectionDate&limit=10').expect(200))
      .body as CollectionBody<Row>;
    const dates = ascending.results.map((r) => r.inspectionDate);
    expect(dates).toEqual([...dates].sort());
    await api.get('/v1/inspections?sort=colour').expect(400);
    await api.get('/v1/inspections?outcome=fine').expect(400);
  });

  it('reads one inspection in full, and 404s unknown and malformed references', async () => {
    const api = client(booted);
    const { inspectionReferenceNumber, workReferenceNumber } = rows[0];
    const res = await api.get(`/v1/inspections/${inspectionReferenceNumber}`).expect(200);
    expect(res.body).toMatchObject({
      inspectionReferenceNumber,
      workReferenceNumber,
      failureReasons: [],
      withdrawalReason: null,
    });
    const missing = await api.get(`/v1/inspections/${workReferenceNumber}-INSP-99`).expect(404);
    expect(missing.body.error.message).toBe(`inspection ${workReferenceNumber}-INSP-99 was not found`);
    await api.get('/v1/inspections/NOT-AN-INSPECTION').expect(404);
    await api.get('/v1/inspections/bad%20ref').expect(400);
  });

  describe('recording', () => {
    let work: string;
    const body = () => ({
      workReferenceNumber: work,
      type: 'live_site',
      inspectionDate: new Date(Date.now() - 3_600_000).toISOString(),
      outcome: 'passed',
      inspectorName: 'J. Smith',
    });

    beforeAll(async () => {
      const visible = (await client(booted, AUTHORITY_KEY).get('/v1/inspections?limit=1').expect(200))
        .body as CollectionBody<Row>;
      work = visible.results[0].workReferenceNumber;
    });

    it('creates 201 with Location and the inspection, and replays it for the same Idempotency-Key', async () => {
      const api = client(booted, AUTHORITY_KEY);
      const sent = body();
      const res = await api.post('/v1/inspections', sent, 'insp-create-1').expect(201);
      expect(res.headers.location).toBe(`/v1/inspections/${res.body.inspectionReferenceNumber as string}`);
      expect(res.body).toMatchObject({
        workReferenceNumber: work,
        type: 'live_site',
        outcome: 'passed',
        status: 'recorded',
        inspectorName: 'J. Smith',
      });
      const replay = await api.post('/v1/inspections', sent, 'insp-create-1').expect(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(res.body);
      await api
        .post('/v1/inspections', { ...sent, inspectorName: 'Someone else' }, 'insp-create-1')
        .expect(422);
      await api.get(res.headers.location).expect(200);
    });

    it('refuses shape errors with 400 and field details', async () => {
      const res = await client(booted, AUTHORITY_KEY)
        .post('/v1/inspections', { ...body(), type: 'drive_by', inspectionDate: 'yesterday' })
        .expect(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
      expect((res.body.error.details as { field: string }[]).map((d) => d.field)).toEqual(
        expect.arrayContaining(['type', 'inspectionDate']),
      );
    });

    it('refuses business-rule errors with 422 and field details', async () => {
      const api = client(booted, AUTHORITY_KEY);
      const future = await api
        .post('/v1/inspections', {
          ...body(),
          inspectionDate: '2099-01-01T00:00:00Z',
          outcome: 'failed_high',
        })
        .expect(422);
      expect(future.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [
          { field: 'inspectionDate', message: 'must be in the past' },
          { field: 'wasCallLogged', message: expect.any(String) },
          { field: 'defectFixedOnSite', message: expect.any(String) },
        ],
      });
      const unknownWork = await api
        .post('/v1/inspections', { ...body(), workReferenceNumber: 'NOPE0000000' })
        .expect(422);
      expect(unknownWork.body.error.details).toEqual([
        { field: 'workReferenceNumber', message: expect.stringContaining('NOPE0000000') },
      ]);
    });

    it('is a highway authority write', async () => {
      await client(booted, PROMOTER_KEY).post('/v1/inspections', body()).expect(403);
    });
  });
});
