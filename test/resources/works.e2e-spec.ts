import { createSandbox } from '../../src/sandbox/sandbox';
import type { RunningSandbox } from '../../src/sandbox/sandbox.types';
import { endpointsFromSandbox } from '../../src/sandbox/sandbox-endpoints';
import { STREET_MANAGER_ENDPOINTS } from '../../src/upstreams/street-manager/street-manager-endpoints';
import { bngToWgs84 } from '../../src/common/geo/bng';
import { bootApp, type BootedApp } from '../helpers/boot-app';
import { clearFaults, day, KEY, rels, setFault, validWork } from '../support';
import { INNER_APIS } from '../../src/upstreams/inner-apis/inner-apis-endpoints';

interface Row {
  workReferenceNumber: string;
  status: string;
  workCategory: string;
  highwayAuthorityName: string;
  proposedStartDate: string;
  proposedEndDate: string;
  geometry: { type: string; coordinates: unknown };
  links: { rel: string; href: string; type: string }[];
}

const href = (links: { rel: string; href: string }[], rel: string) => links.find((l) => l.rel === rel)?.href;

/** Leeds City Council's area in the sandbox (BNG), as WGS84 bounds with 0.01° of slack. */
const LEEDS = (() => {
  const [minLon, minLat] = bngToWgs84([424000, 428000]);
  const [maxLon, maxLat] = bngToWgs84([436000, 440000]);
  return { minLon: minLon - 0.01, minLat: minLat - 0.01, maxLon: maxLon + 0.01, maxLat: maxLat + 0.01 };
})();

function positions(coordinates: unknown): number[][] {
  const c = coordinates as unknown[];
  return typeof c[0] === 'number' ? [c as number[]] : c.flatMap((x) => positions(x));
}

describe('/v1/works', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp();
  });
  afterAll(() => booted.close());

  describe('list', () => {
    it('defaults to 20 with metadata and paging links', async () => {
      const res = await booted.http.get('/v1/works').set(KEY.demo).expect(200);
      const { count } = res.body.metadata.resultset;
      expect(count).toBeGreaterThan(40);
      expect(res.body.metadata).toEqual({
        resultset: { count, countIsLowerBound: false, offset: 0, limit: 20, page: 1 },
      });
      expect(res.body.results).toHaveLength(20);
      expect(res.body.links).toEqual([
        { rel: 'self', href: '/v1/works?offset=0&limit=20', type: 'GET' },
        { rel: 'first-page', href: '/v1/works?offset=0&limit=20', type: 'GET' },
        { rel: 'next-page', href: '/v1/works?offset=20&limit=20', type: 'GET' },
        {
          rel: 'last-page',
          href: `/v1/works?offset=${Math.floor((count - 1) / 20) * 20}&limit=20`,
          type: 'GET',
        },
      ]);
      const first = res.body.results[0] as Row;
      expect(first.links[0]).toEqual({
        rel: 'self',
        href: `/v1/works/${first.workReferenceNumber}`,
        type: 'GET',
      });
      expect(Object.keys(first)).not.toEqual(expect.arrayContaining(['work_status', 'work_status_string']));
    });

    it('serves exact windows across Street Manager’s 25-row pages', async () => {
      const all = await booted.http.get('/v1/works?limit=100').set(KEY.demo).expect(200);
      expect(all.body.results).toHaveLength(100);
      const refs = (all.body.results as Row[]).map((r) => r.workReferenceNumber);
      expect(new Set(refs).size).toBe(100);

      const window = await booted.http.get('/v1/works?offset=20&limit=30').set(KEY.demo).expect(200);
      expect((window.body.results as Row[]).map((r) => r.workReferenceNumber)).toEqual(refs.slice(20, 50));
      expect(window.body.metadata.resultset).toMatchObject({ offset: 20, limit: 30 });
      expect(window.body.metadata.resultset.page).toBeUndefined();

      const page = await booted.http.get('/v1/works?page=3&limit=20').set(KEY.demo).expect(200);
      expect((page.body.results as Row[]).map((r) => r.workReferenceNumber)).toEqual(refs.slice(40, 60));
      expect(page.body.metadata.resultset).toMatchObject({ offset: 40, limit: 20, page: 3 });
      expect(href(page.body.links, 'prev-page')).toBe('/v1/works?page=2&limit=20');
      expect(href(page.body.links, 'next-page')).toBe('/v1/works?page=4&limit=20');
    });

    it('answers an offset past the end with no results and the right count', async () => {
      const res = await booted.http.get('/v1/works?offset=5000').set(KEY.demo).expect(200);
      expect(res.body.results).toEqual([]);
      expect(res.body.metadata.resultset.count).toBeGreaterThan(40);
      expect(rels(res.body.links)).not.toContain('next-page');
    });

    it.each([
      ['page=2&offset=20', ['offset', 'page']],
      ['limit=101', ['limit']],
      ['limit=0', ['limit']],
      ['offset=-1', ['offset']],
      ['offset=abc', ['offset']],
      ['page=1.5', ['page']],
      ['status=digging', ['status']],
      ['highwayAuthority=4720&promoter=7374', ['highwayAuthority', 'promoter']],
      ['colour=red', ['colour']],
    ])('refuses %s with a 400 naming the parameters', async (qs, fields) => {
      const res = await booted.http.get(`/v1/works?${qs}`).set(KEY.demo).expect(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
      expect(res.body.error.requestId).toEqual(expect.any(String));
      expect(
        [...new Set((res.body.error.details as { field: string }[]).map((d) => d.field))].sort(),
      ).toEqual(fields.sort());
    });

    it('filters by status and work category, keeping filters in the paging links', async () => {
      const res = await booted.http
        .get('/v1/works?status=in_progress,planned&workCategory=standard&limit=50')
        .set(KEY.demo)
        .expect(200);
      const rows = res.body.results as Row[];
      expect(rows.length).toBeGreaterThan(0);
      expect(
        rows.every((r) => ['in_progress', 'planned'].includes(r.status) && r.workCategory === 'standard'),
      ).toBe(true);
      expect(href(res.body.links, 'self')).toBe(
        '/v1/works?status=in_progress%2Cplanned&workCategory=standard&offset=0&limit=50',
      );
    });

    it('filters by USRN and by street name', async () => {
      const sample = await booted.http
        .get('/v1/works?limit=1&fields=usrn,streetName')
        .set(KEY.demo)
        .expect(200);
      const { usrn, streetName } = sample.body.results[0] as { usrn: number; streetName: string };
      const byUsrn = await booted.http.get(`/v1/works?usrn=${usrn}&limit=100`).set(KEY.demo).expect(200);
      const usrnRows = byUsrn.body.results as { usrn: number }[];
      expect(usrnRows.length).toBeGreaterThan(0);
      expect(usrnRows.every((r) => r.usrn === usrn)).toBe(true);
      const word = streetName.split(' ')[0];
      const byStreet = await booted.http
        .get(`/v1/works?street=${encodeURIComponent(word)}&limit=100`)
        .set(KEY.demo)
        .expect(200);
      const streetRows = byStreet.body.results as { streetName: string }[];
      expect(streetRows.length).toBeGreaterThan(0);
      expect(streetRows.every((r) => r.streetName.toLowerCase().includes(word.toLowerCase()))).toBe(true);
      await booted.http.get(`/v1/works?usrn=${usrn}&street=${word}`).set(KEY.demo).expect(400);
    });

    it('filters by highway authority and by a date range', async () => {
      const byHa = await booted.http
        .get('/v1/works?highwayAuthority=4720&limit=100')
        .set(KEY.demo)
        .expect(200);
      expect((byHa.body.results as Row[]).every((r) => r.highwayAuthorityName === 'Leeds City Council')).toBe(
        true,
      );

      const from = day(0);
      const to = day(30);
      const byDate = await booted.http
        .get(`/v1/works?dateFrom=${from}&dateTo=${to}&limit=100`)
        .set(KEY.demo)
        .expect(200);
      for (const r of byDate.body.results as Row[]) {
        expect(r.proposedEndDate >= from && r.proposedStartDate <= to).toBe(true);
      }
      await booted.http.get(`/v1/works?dateFrom=${to}&dateTo=${from}`).set(KEY.demo).expect(400);
      await booted.http.get('/v1/works?dateFrom=2026-13-01').set(KEY.demo).expect(400);
    });

    it('sorts by proposed start date either way', async () => {
      const asc = await booted.http
        .get('/v1/works?sort=proposedStartDate&limit=60')
        .set(KEY.demo)
        .expect(200);
      const starts = (asc.body.results as Row[]).map((r) => r.proposedStartDate);
      expect(starts).toEqual([...starts].sort());
      const desc = await booted.http
        .get('/v1/works?sort=-proposedStartDate&limit=60')
        .set(KEY.demo)
        .expect(200);
      const ends = (desc.body.results as Row[]).map((r) => r.proposedStartDate);
      expect(ends).toEqual([...ends].sort().reverse());
      await booted.http.get('/v1/works?sort=colour').set(KEY.demo).expect(400);
    });

    it('returns sparse fieldsets and refuses unknown fields by name', async () => {
      const res = await booted.http
        .get('/v1/works?fields=workReferenceNumber,status&limit=5')
        .set(KEY.demo)
        .expect(200);
      for (const r of res.body.results as Record<string, unknown>[]) {
        expect(Object.keys(r).sort()).toEqual(['links', 'status', 'workReferenceNumber']);
      }
      expect(href(res.body.links, 'next-page')).toBe(
        '/v1/works?fields=workReferenceNumber%2Cstatus&offset=5&limit=5',
      );
      const bad = await booted.http.get('/v1/works?fields=status,colour').set(KEY.demo).expect(400);
      expect(bad.body.error.message).toBe('fields names unknown property colour');
    });

    it('answers GeoJSON with WGS84 coordinates where the works are', async () => {
      const res = await booted.http
        .get('/v1/works?highwayAuthority=4720&limit=30')
        .set(KEY.authority)
        .set('Accept', 'application/geo+json')
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
      expect(res.body.type).toBe('FeatureCollection');
      expect(res.body.features).toHaveLength(30);
      expect(res.body.metadata.resultset.limit).toBe(30);
      for (const f of res.body.features as {
        id: string;
        geometry: Row['geometry'];
        properties: Record<string, unknown>;
      }[]) {
        expect(f.properties.workReferenceNumber).toBe(f.id);
        expect(f.properties.geometry).toBeUndefined();
        for (const [lon, lat] of positions(f.geometry.coordinates)) {
          expect(lon).toBeGreaterThan(LEEDS.minLon);
          expect(lon).toBeLessThan(LEEDS.maxLon);
          expect(lat).toBeGreaterThan(LEEDS.minLat);
          expect(lat).toBeLessThan(LEEDS.maxLat);
        }
      }
    });

    it('answers XML when asked', async () => {
      const res = await booted.http
        .get('/v1/works?limit=2')
        .set(KEY.demo)
        .set('Accept', 'application/xml')
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/xml/);
      expect(res.text).toMatch(/^<\?xml/);
      expect(res.text).toContain('<workReferenceNumber>');
    });

    it('searches a WGS84 bounding box', async () => {
      const res = await booted.http
        .get('/v1/works?bbox=-1.56,53.79,-1.52,53.81&limit=100')
        .set(KEY.demo)
        .expect(200);
      expect(res.body.metadata.resultset.countIsLowerBound).toBe(false);
      for (const r of res.body.results as Row[]) {
        const pts = positions(r.geometry.coordinates);
        const lons = pts.map((p) => p[0]);
        const lats = pts.map((p) => p[1]);
        expect(Math.max(...lons)).toBeGreaterThan(-1.561);
        expect(Math.min(...lons)).toBeLessThan(-1.519);
        expect(Math.max(...lats)).toBeGreaterThan(53.789);
        expect(Math.min(...lats)).toBeLessThan(53.811);
      }
      await booted.http.get('/v1/works?bbox=-1.52,53.79,-1.56,53.81').set(KEY.demo).expect(400);
      await booted.http
        .get('/v1/works?bbox=-1.56,53.79,-1.52,53.81&status=planned')
        .set(KEY.demo)
        .expect(400);
    });
  });

  describe('read one', () => {
    let own: string;
    /** read only while the register is down, so no cached answer stands in for the degraded one */
    let unread: string;
    let other: string;

    beforeAll(async () => {
      // Seeded works, each with a works register record: a work another test creates is `planned` and has none.
      const mine = await booted.http
        .get('/v1/works?status=in_progress&limit=2')
        .set(KEY.promoter)
        .expect(200);
      [own, unread] = (mine.body.results as Row[]).map((r) => r.workReferenceNumber);
      const leeds = await booted.http.get('/v1/works?limit=100').set(KEY.authority).expect(200);
      other = (leeds.body.results as (Row & { promoterSwaCode: string })[]).find(
        (r) => r.promoterSwaCode !== '7374',
      )!.workReferenceNumber;
    });

    afterEach(() => clearFaults(booted));

    it('reads a work with its links and the organisation record', async () => {
      const res = await booted.http.get(`/v1/works/${own}`).set(KEY.promoter).expect(200);
      expect(res.headers['x-enrichment-unavailable']).toBeUndefined();
      expect(res.body.workReferenceNumber).toBe(own);
      expect(res.body.organisationRecord).toMatchObject({
        available: true,
        found: true,
        jobNumber: expect.stringMatching(/^JOB-/),
      });
      expect(rels(res.body.links)).toEqual([
        'self',
        'permits',
        'street',
        'highway-authority',
        'promoter',
        'inspections',
        'fixed-penalty-notices',
        'create-permit',
      ]);
      expect((res.body.links as Row['links']).find((l) => l.rel === 'create-permit')).toEqual({
        rel: 'create-permit',
        href: '/v1/permits',
        type: 'POST',
      });
      expect(res.body.permits[0].permitReferenceNumber).toMatch(new RegExp(`^${own}-\\d{2}$`));
      expect(res.body.proposedStartDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });

    it('offers write links only to callers allowed to write', async () => {
      const res = await booted.http.get(`/v1/works/${other}`).set(KEY.authority).expect(200);
      expect(rels(res.body.links)).not.toContain('create-permit');
    });

    it('selects fields of one work', async () => {
      const res = await booted.http.get(`/v1/works/${own}?fields=status`).set(KEY.promoter).expect(200);
      expect(Object.keys(res.body).sort()).toEqual(['links', 'status']);
      await booted.http.get(`/v1/works/${own}?fields=nope`).set(KEY.promoter).expect(400);
    });

    it('is a 404 naming the reference when Street Manager does not know it', async () => {
      const res = await booted.http.get('/v1/works/NOPE0000000000').set(KEY.promoter).expect(404);
      expect(res.body.error).toEqual({
        code: 'NOT_FOUND',
        message: 'work NOPE0000000000 was not found',
        requestId: expect.any(String),
      });
    });

    it('is the same 404 for another organisation’s work (no probing)', async () => {
      const res = await booted.http.get(`/v1/works/${other}`).set(KEY.promoter).expect(404);
      expect(res.body.error.message).toBe(`work ${other} was not found`);
    });

    it('refuses a malformed reference with a 400', async () => {
      await booted.http
        .get(`/v1/works/${'A'.repeat(25)}`)
        .set(KEY.promoter)
        .expect(400);
    });

    it("keeps the works register's record from callers of organisations it does not belong to", async () => {
      // Before: Leeds (4720) read promoter 7006's job number, cost centre, team and notes.
      const res = await booted.http.get(`/v1/works/${other}`).set(KEY.authority).expect(200);
      expect(res.body.workReferenceNumber).toBe(other);
      expect(res.body.organisationRecord).toBeNull();
      expect(res.headers['x-enrichment-unavailable']).toBeUndefined();
      const mine = await booted.http.get(`/v1/works/${own}`).set(KEY.demo).expect(200);
      expect(mine.body.organisationRecord).toMatchObject({ available: true, found: true });
    });

    it('still answers when the works register is down, and says so', async () => {
      await setFault(booted, { api: 'inner', errorRate: 1 });
      const res = await booted.http.get(`/v1/works/${unread}`).set(KEY.promoter).expect(200);
      expect(res.headers['x-enrichment-unavailable']).toBe('works-register');
      expect(res.body.organisationRecord).toEqual({ available: false });
      expect(res.body.workReferenceNumber).toBe(unread);
      expect(res.body.activePermitReferenceNumber).toMatch(new RegExp(`^${unread}-`));
    });
  });

  describe('create', () => {
    it('creates a work and its first permit: 201, body and Location', async () => {
      const res = await booted.http.post('/v1/works').set(KEY.promoter).send(validWork()).expect(201);
      const wrn = res.body.workReferenceNumber as string;
      expect(res.headers.location).toBe(`/v1/works/${wrn}`);
      expect(res.body).toMatchObject({
        status: 'planned',
        promoterSwaCode: '7374',
        highwayAuthoritySwaCode: '4720',
        description: 'Replace 20 m of gas main',
      });
      expect(res.body.permits).toHaveLength(1);
      const [[lon, lat]] = res.body.geometry.coordinates as number[][];
      expect(Math.abs(lon - -1.5486)).toBeLessThan(0.00001);
      expect(Math.abs(lat - 53.7975)).toBeLessThan(0.00001);
      await booted.http.get(res.headers.location).set(KEY.promoter).expect(200);
    });

    it('refuses wrong types, missing fields and unknown properties with a 400 per field', async () => {
      const body = validWork({ excavation: 'yes', colour: 'red' });
      delete body.description;
      const res = await booted.http.post('/v1/works').set(KEY.promoter).send(body).expect(400);
      const fields = (res.body.error.details as { field: string }[]).map((d) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['excavation', 'colour', 'description']));
    });

    it('refuses meaningless applications with a 422 per field', async () => {
      const res = await booted.http
        .post('/v1/works')
        .set(KEY.promoter)
        .send(
          validWork({
            proposedStartDate: day(-3),
            proposedEndDate: day(-5),
            geometry: { type: 'Point', coordinates: [2.35, 48.86] },
          }),
        )
        .expect(422);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details).toEqual(
        expect.arrayContaining([
          { field: 'proposedEndDate', message: 'must be on or after proposedStartDate' },
          { field: 'proposedStartDate', message: 'must be today or later for planned works' },
          { field: 'geometry', message: 'must lie in Great Britain' },
        ]),
      );
    });

    it('refuses a highway authority that does not exist with a 422', async () => {
      const res = await booted.http
        .post('/v1/works')
        .set(KEY.promoter)
        .send(validWork({ highwayAuthoritySwaCode: '9999' }))
        .expect(422);
      expect(res.body.error.details).toEqual([
        { field: 'highwayAuthoritySwaCode', message: 'no organisation has SWA code 9999' },
      ]);
    });

    it('is forbidden to a caller without promoter writes', async () => {
      await booted.http.post('/v1/works').set(KEY.authority).send(validWork()).expect(403);
    });
  });
});

describe('/v1/works when Street Manager stops counting', () => {
  let sandbox: RunningSandbox;
  let booted: BootedApp;

  beforeAll(async () => {
    sandbox = await createSandbox({ works: 2000 });
    booted = await bootApp({
      overrides: [{ provide: STREET_MANAGER_ENDPOINTS, useValue: endpointsFromSandbox(sandbox) }],
    });
  });
  afterAll(async () => {
    await booted.close();
    await sandbox.close();
  });

  it('says the count is a lower bound and gives no last page', async () => {
    const res = await booted.http.get('/v1/works').set(KEY.demo).expect(200);
    expect(res.body.metadata.resultset).toEqual({
      count: 501,
      countIsLowerBound: true,
      offset: 0,
      limit: 20,
      page: 1,
    });
    expect(rels(res.body.links)).toEqual(['self', 'first-page', 'next-page']);
  });

  it('pins the exact count on the last page past the cap', async () => {
    let offset = 500;
    let res = await booted.http.get(`/v1/works?offset=${offset}&limit=100`).set(KEY.demo).expect(200);
    while (res.body.results.length === 100) {
      offset += 100;
      res = await booted.http.get(`/v1/works?offset=${offset}&limit=100`).set(KEY.demo).expect(200);
    }
    expect(res.body.metadata.resultset).toMatchObject({
      count: offset + res.body.results.length,
      countIsLowerBound: false,
    });
    expect(rels(res.body.links)).toContain('last-page');
    expect(rels(res.body.links)).not.toContain('next-page');
  });
});

describe('/v1/works on a gateway with no works register configured', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp({ overrides: [{ provide: INNER_APIS, useValue: [] }] });
  });
  afterAll(() => booted.close());

  it('answers without the organisation record and reports no degradation, so the answer may be cached', async () => {
    const list = await booted.http.get('/v1/works?limit=1').set(KEY.demo).expect(200);
    const wrn = list.body.results[0].workReferenceNumber as string;
    const res = await booted.http.get(`/v1/works/${wrn}`).set(KEY.demo).expect(200);
    expect(res.body.organisationRecord).toEqual({ available: false });
    expect(res.headers['x-enrichment-unavailable']).toBeUndefined();
  });
});
