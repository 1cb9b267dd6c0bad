import { randomUUID } from 'node:crypto';
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
  KEY_HEADER,
  PROMOTER_KEY,
} from '../support';

type Row = {
  section81ReferenceNumber: string;
  workReferenceNumber: string;
  status: string;
  severity: string;
  statusChangedDate: string;
  highwayAuthorityName: string;
  links: { rel: string; href: string; type: string }[];
};

const LEEDS_STREET = seed(1, 1, Date.now()).streets.find((s) => s.haSwa === '4720')!;
const area = organisationBySwa('4720')!.area!;

describe('section-81s', () => {
  let booted: BootedApp;
  let rows: Row[];

  beforeAll(async () => {
    // Under 1 % of works carry a section 81: enough works that one promoter sees more than two upstream pages.
    booted = await bootWithSandbox(14000);
    rows = (await expectDefaultsAndExactWindows(booted, '/v1/section-81s', 'section81ReferenceNumber'))
      .results as Row[];
  });
  afterAll(() => booted?.close());

  it('lists latest status change first, linked to its work, with the status change for a caller who may make it', () => {
    const dates = rows.map((r) => r.statusChangedDate);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(rows[0].links).toEqual([
      { rel: 'self', href: `/v1/section-81s/${rows[0].section81ReferenceNumber}`, type: 'GET' },
      { rel: 'work', href: `/v1/works/${rows[0].workReferenceNumber}`, type: 'GET' },
      {
        rel: 'update-status',
        href: `/v1/section-81s/${rows[0].section81ReferenceNumber}/status`,
        type: 'PUT',
      },
    ]);
  });

  it('filters by status, severity and work, sorts ascending, and refuses unknown values', async () => {
    const api = client(booted, PROMOTER_KEY);
    const high = (
      await api
        .get('/v1/section-81s?severity=high&status=issued&sort=statusChangedDate&limit=100')
        .expect(200)
    ).body as CollectionBody<Row>;
    expect(high.results.length).toBeGreaterThan(0);
    expect(high.results.every((r) => r.severity === 'high' && r.status === 'issued')).toBe(true);
    const dates = high.results.map((r) => r.statusChangedDate);
    expect(dates).toEqual([...dates].sort());
    // A promoter-only caller is not offered the authority's status change.
    expect(high.results[0].links.map((l) => l.rel)).toEqual(['self', 'work']);

    const one = (
      await api
        .get(
          `/v1/section-81s?workReferenceNumber=${rows[3].workReferenceNumber}&fields=section81ReferenceNumber`,
        )
        .expect(200)
    ).body as CollectionBody;
    expect(one.results).toEqual([
      { section81ReferenceNumber: rows[3].section81ReferenceNumber, links: expect.any(Array) },
    ]);
    const bad = await api.get('/v1/section-81s?severity=medium&sort=issueDate').expect(400);
    expect((bad.body.error.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'severity',
      'sort',
    ]);
  });

  it('answers XML when asked', async () => {
    const res = await booted.http
      .get('/v1/section-81s?limit=2')
      .set(KEY_HEADER, PROMOTER_KEY)
      .set('Accept', 'application/xml')
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    expect(res.text).toContain('<section81ReferenceNumber>');
  });

  it('reads one in full; an unknown or another organisation’s is a 404 naming it', async () => {
    const api = client(booted);
    const res = await api.get(`/v1/section-81s/${rows[0].section81ReferenceNumber}`).expect(200);
    expect(res.body).toMatchObject({
      section81ReferenceNumber: rows[0].section81ReferenceNumber,
      workReferenceNumber: rows[0].workReferenceNumber,
      promoterSwaCode: '7374',
      type: expect.any(String),
      locationTypes: ['footway'],
      geometry: { type: expect.any(String) },
    });
    expect((res.body as Row).links.map((l) => l.rel)).toEqual([
      'self',
      'work',
      'street',
      'highway-authority',
      'promoter',
      'update-status',
    ]);
    const fields = await api
      .get(`/v1/section-81s/${rows[0].section81ReferenceNumber}?fields=status,severity`)
      .expect(200);
    expect(Object.keys(fields.body as object).sort()).toEqual(['links', 'severity', 'status']);
    await api.get(`/v1/section-81s/${rows[0].section81ReferenceNumber}?fields=colour`).expect(400);

    const missing = await api.get('/v1/section-81s/NOPE-S81-01').expect(404);
    expect(missing.body.error.message).toBe('section 81 NOPE-S81-01 was not found');
    await api.get('/v1/section-81s/NOT-A-SECTION-81').expect(404);
    const elsewhere = rows.find((r) => r.highwayAuthorityName !== organisationBySwa('4720')!.name)!;
    const hidden = await client(booted, AUTHORITY_KEY)
      .get(`/v1/section-81s/${elsewhere.section81ReferenceNumber}`)
      .expect(404);
    expect(hidden.body.error.message).toBe(`section 81 ${elsewhere.section81ReferenceNumber} was not found`);
  });

  describe('issuing and resolving', () => {
    const body = () => ({
      promoterSwaCode: '7374',
      highwayAuthoritySwaCode: '4720',
      usrn: LEEDS_STREET.usrn,
      geometry: { type: 'Point', coordinates: bngToWgs84([area.minE + 5000, area.minN + 5000]) },
      locationDescription: 'Outside number 12',
      locationTypes: ['footway'],
      inspectionDate: new Date(Date.now() - 3_600_000).toISOString(),
      type: 'cabinet',
      severity: 'high',
      madeSafeByHighwayAuthority: false,
      details: 'Cabinet door hanging open',
    });

    it('issues 201 with Location, then resolves it with PUT status; a closed one is a 409', async () => {
      const api = client(booted, AUTHORITY_KEY);
      const res = await api.post('/v1/section-81s', body()).expect(201);
      const reference = res.body.section81ReferenceNumber as string;
      expect(reference).toMatch(/^[A-Z]+\d+-S81-01$/);
      expect(res.headers.location).toBe(`/v1/section-81s/${reference}`);
      expect(res.body).toMatchObject({
        status: 'issued',
        severity: 'high',
        type: 'cabinet',
        highwayAuthoritySwaCode: '4720',
        promoterSwaCode: '7374',
        usrn: LEEDS_STREET.usrn,
      });
      expect(res.body.links).toContainEqual({
        rel: 'update-status',
        href: `/v1/section-81s/${reference}/status`,
        type: 'PUT',
      });

      await api.put(`/v1/section-81s/${reference}/status`, { status: 'resolved_by_ha' }).expect(400);
      await api.put(`/v1/section-81s/${reference}/status`, { status: 'accepted', reason: 'x' }).expect(400);
      await client(booted, PROMOTER_KEY)
        .put(`/v1/section-81s/${reference}/status`, { status: 'cancelled', reason: 'x' })
        .expect(403);
      const resolved = await api
        .put(`/v1/section-81s/${reference}/status`, {
          status: 'resolved_by_ha',
          reason: 'Repaired by our contractor',
        })
        .expect(200);
      expect(resolved.body).toMatchObject({ section81ReferenceNumber: reference, status: 'resolved_by_ha' });
      expect((resolved.body as Row).links.map((l) => l.rel)).not.toContain('update-status');
      const again = await api
        .put(`/v1/section-81s/${reference}/status`, { status: 'cancelled', reason: 'Raised in error' })
        .expect(409);
      expect(again.body.error.message).toBe(
        `section 81 ${reference} is resolved_by_ha and can no longer change`,
      );
      await api.put('/v1/section-81s/NOPE-S81-01/status', { status: 'cancelled', reason: 'x' }).expect(404);
    });

    it('refuses shape errors (400) and meaning errors (422)', async () => {
      const api = client(booted, AUTHORITY_KEY);
      const shape = await api
        .post('/v1/section-81s', {
          ...body(),
          locationTypes: [],
          severity: 'medium',
          inspectionDate: 'yesterday',
        })
        .expect(400);
      expect((shape.body.error.details as { field: string }[]).map((d) => d.field)).toEqual(
        expect.arrayContaining(['locationTypes', 'severity', 'inspectionDate']),
      );
      const meaning = await api
        .post('/v1/section-81s', { ...body(), inspectionDate: '2099-01-01T00:00:00Z', type: 'other' })
        .expect(422);
      expect(meaning.body.error.details).toEqual([
        { field: 'inspectionDate', message: 'must not be in the future' },
        { field: 'otherTypeDetails', message: 'is required when type is other' },
      ]);
      // Street Manager refuses a promoter that is not one; the refusal names our field.
      const upstream = await api.post('/v1/section-81s', { ...body(), promoterSwaCode: '4720' }).expect(422);
      expect(upstream.body.error.details).toEqual([
        { field: 'promoterSwaCode', message: 'was not accepted by Street Manager' },
      ]);
    });

    it('replays an identical request under the same Idempotency-Key', async () => {
      const api = client(booted, AUTHORITY_KEY);
      const key = randomUUID();
      const sent = body();
      const first = await api.post('/v1/section-81s', sent, key).expect(201);
      const again = await api.post('/v1/section-81s', sent, key).expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.headers.location).toBe(first.headers.location);
      expect(again.body).toEqual(first.body);
      await api.post('/v1/section-81s', { ...sent, details: 'Another defect' }, key).expect(422);
    });

    it('is a highway authority write', async () => {
      await client(booted, PROMOTER_KEY).post('/v1/section-81s', body()).expect(403);
    });
  });
});
