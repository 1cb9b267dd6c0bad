import { randomUUID } from 'node:crypto';
import { organisationBySwa } from '../../src/sandbox/data/organisations';
import type { BootedApp } from '../helpers/boot-app';
import {
  AUTHORITY_KEY,
  bootWithSandbox,
  client,
  type CollectionBody,
  day,
  expectDefaultsAndExactWindows,
  KEY_HEADER,
  type Link,
  PROMOTER_KEY,
  rels,
} from '../support';

type Row = {
  alterationReferenceNumber: string;
  permitReferenceNumber: string;
  workReferenceNumber: string;
  status: string;
  type: string;
  dateCreated: string;
  proposedStartDate: string;
  highwayAuthorityName: string;
  links: Link[];
};

describe('permit-alterations', () => {
  let booted: BootedApp;
  let rows: Row[];

  beforeAll(async () => {
    // About 3 % of works carry an alteration: enough works that one promoter sees more than two upstream pages.
    booted = await bootWithSandbox(6000);
    rows = (
      await expectDefaultsAndExactWindows(booted, '/v1/permit-alterations', 'alterationReferenceNumber')
    ).results as Row[];
  });
  afterAll(() => booted?.close());

  it('lists newest first, linked to permit and work, offering assessment only while one awaits it', () => {
    const dates = rows.map((r) => r.dateCreated);
    expect(dates).toEqual([...dates].sort().reverse());
    const pending = rows.find((r) => r.status === 'submitted')!;
    expect(pending.links).toEqual([
      { rel: 'self', href: `/v1/permit-alterations/${pending.alterationReferenceNumber}`, type: 'GET' },
      { rel: 'permit', href: `/v1/permits/${pending.permitReferenceNumber}`, type: 'GET' },
      { rel: 'work', href: `/v1/works/${pending.workReferenceNumber}`, type: 'GET' },
      {
        rel: 'update-status',
        href: `/v1/permit-alterations/${pending.alterationReferenceNumber}/status`,
        type: 'PUT',
      },
    ]);
    expect(rels(rows.find((r) => r.status === 'granted'))).toEqual(['self', 'permit', 'work']);
  });

  it('filters by status, type and permit, sorts, and refuses unknown or contradictory values', async () => {
    const api = client(booted, PROMOTER_KEY);
    const submitted = (
      await api
        .get(
          '/v1/permit-alterations?status=submitted&type=PROMOTER_CHANGE_REQUEST&sort=proposedStartDate&limit=100',
        )
        .expect(200)
    ).body as CollectionBody<Row>;
    expect(submitted.results.length).toBeGreaterThan(0);
    expect(
      submitted.results.every((r) => r.status === 'submitted' && r.type === 'PROMOTER_CHANGE_REQUEST'),
    ).toBe(true);
    const starts = submitted.results.map((r) => r.proposedStartDate);
    expect(starts).toEqual([...starts].sort());
    // A promoter-only caller is not offered the authority's assessment.
    expect(rels(submitted.results[0])).toEqual(['self', 'permit', 'work']);

    const ofPermit = (
      await api
        .get(
          `/v1/permit-alterations?permitReferenceNumber=${rows[2].permitReferenceNumber}&fields=alterationReferenceNumber`,
        )
        .expect(200)
    ).body as CollectionBody;
    expect(ofPermit.results).toEqual([
      { alterationReferenceNumber: rows[2].alterationReferenceNumber, links: expect.any(Array) },
    ]);
    expect(ofPermit.links[0].href).toBe(
      `/v1/permit-alterations?permitReferenceNumber=${rows[2].permitReferenceNumber}&fields=alterationReferenceNumber&offset=0&limit=20`,
    );

    const bad = await api
      .get('/v1/permit-alterations?status=pending&sort=deadlineDate&permitReferenceNumber=ABC')
      .expect(400);
    expect((bad.body.error.details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'permitReferenceNumber',
      'sort',
      'status',
    ]);
    const contradictory = await api
      .get(
        `/v1/permit-alterations?permitReferenceNumber=${rows[2].permitReferenceNumber}&workReferenceNumber=OTHER0000001`,
      )
      .expect(400);
    expect(contradictory.body.error.details).toEqual([
      { field: 'permitReferenceNumber', message: 'must be a permit of work OTHER0000001' },
    ]);
  });

  it('answers XML when asked', async () => {
    const res = await booted.http
      .get('/v1/permit-alterations?limit=2')
      .set(KEY_HEADER, PROMOTER_KEY)
      .set('Accept', 'application/xml')
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    expect(res.text).toContain('<alterationReferenceNumber>');
  });

  it('reads one in full; an unknown or another organisation’s is a 404 naming it', async () => {
    const api = client(booted);
    const res = await api.get(`/v1/permit-alterations/${rows[0].alterationReferenceNumber}`).expect(200);
    expect(res.body).toMatchObject({
      alterationReferenceNumber: rows[0].alterationReferenceNumber,
      permitReferenceNumber: rows[0].permitReferenceNumber,
      workReferenceNumber: rows[0].workReferenceNumber,
      promoterSwaCode: '7374',
      reason: expect.any(String),
      original: {
        proposedStartDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        geometry: { type: expect.any(String) },
      },
      proposed: { proposedEndDate: res.body.proposedEndDate as string },
    });
    expect(rels(res.body)).toEqual(
      expect.arrayContaining(['self', 'permit', 'work', 'street', 'highway-authority', 'promoter']),
    );
    const fields = await api
      .get(`/v1/permit-alterations/${rows[0].alterationReferenceNumber}?fields=status,reason`)
      .expect(200);
    expect(Object.keys(fields.body as object).sort()).toEqual(['links', 'reason', 'status']);

    const missing = await api.get('/v1/permit-alterations/NOPE0000000001-01-ALT-01').expect(404);
    expect(missing.body.error.message).toBe('permit alteration NOPE0000000001-01-ALT-01 was not found');
    await api.get('/v1/permit-alterations/NOT-AN-ALTERATION').expect(404);
    const elsewhere = rows.find((r) => r.highwayAuthorityName !== organisationBySwa('4720')!.name)!;
    const hidden = await client(booted, AUTHORITY_KEY)
      .get(`/v1/permit-alterations/${elsewhere.alterationReferenceNumber}`)
      .expect(404);
    expect(hidden.body.error.message).toBe(
      `permit alteration ${elsewhere.alterationReferenceNumber} was not found`,
    );
  });

  describe('requesting and assessing', () => {
    // Granted permits of the promoter on Leeds streets with no alteration awaiting assessment: one per test.
    let permits: string[];
    const body = (permitReferenceNumber: string) => ({
      permitReferenceNumber,
      proposedStartDate: day(10),
      proposedEndDate: day(20),
      reason: 'Extra reinstatement needed',
      trafficManagementType: 'two_way_signals',
    });

    beforeAll(async () => {
      const api = client(booted, PROMOTER_KEY);
      const pending = (
        (await api.get('/v1/permit-alterations?status=submitted&limit=100').expect(200))
          .body as CollectionBody<Row>
      ).results.map((r) => r.permitReferenceNumber);
      const granted = (await api.get('/v1/permits?status=granted&highwayAuthority=4720&limit=20').expect(200))
        .body as CollectionBody<{ permitReferenceNumber: string }>;
      permits = granted.results.map((p) => p.permitReferenceNumber).filter((p) => !pending.includes(p));
    });

    it('requests 201 with Location; the authority grants it with PUT status; an assessed one is a 409', async () => {
      const promoter = client(booted, PROMOTER_KEY);
      const permit = permits[0];
      const res = await promoter.post('/v1/permit-alterations', body(permit)).expect(201);
      const reference = res.body.alterationReferenceNumber as string;
      expect(reference).toBe(`${permit}-ALT-01`);
      expect(res.headers.location).toBe(`/v1/permit-alterations/${reference}`);
      expect(res.body).toMatchObject({
        permitReferenceNumber: permit,
        status: 'submitted',
        type: 'PROMOTER_CHANGE_REQUEST',
        proposedStartDate: day(10),
        proposedEndDate: day(20),
        reason: 'Extra reinstatement needed',
      });
      // One alteration at a time awaits assessment.
      await promoter.post('/v1/permit-alterations', body(permit)).expect(409);

      const authority = client(booted, AUTHORITY_KEY);
      expect(rels((await authority.get(`/v1/permit-alterations/${reference}`).expect(200)).body)).toContain(
        'update-status',
      );
      await promoter
        .put(`/v1/permit-alterations/${reference}/status`, { status: 'granted', discountPercent: 0 })
        .expect(403);
      await authority.put(`/v1/permit-alterations/${reference}/status`, { status: 'approved' }).expect(400);
      await authority
        .put(`/v1/permit-alterations/${reference}/status`, { status: 'granted', discountPercent: 101 })
        .expect(400);
      const noDiscount = await authority
        .put(`/v1/permit-alterations/${reference}/status`, { status: 'granted' })
        .expect(422);
      expect(noDiscount.body.error.details).toEqual([
        { field: 'discountPercent', message: 'is required when granting' },
      ]);
      const challenge = await authority
        .put(`/v1/permit-alterations/${reference}/status`, { status: 'granted_with_duration_challenge' })
        .expect(422);
      expect(challenge.body.error.details).toEqual([
        { field: 'comments', message: 'is required when the status becomes granted_with_duration_challenge' },
        { field: 'reasonablePeriodEndDate', message: 'is required when challenging the duration' },
      ]);

      const granted = await authority
        .put(`/v1/permit-alterations/${reference}/status`, { status: 'granted', discountPercent: 10 })
        .expect(200);
      expect(granted.body).toMatchObject({ alterationReferenceNumber: reference, status: 'granted' });
      expect(rels(granted.body)).not.toContain('update-status');
      const again = await authority
        .put(`/v1/permit-alterations/${reference}/status`, { status: 'refused', comments: 'Too late' })
        .expect(409);
      expect(again.body.error.message).toBe(
        `permit alteration ${reference} is granted and can no longer be assessed`,
      );
      await authority
        .put(`/v1/permit-alterations/${permit}-ALT-99/status`, { status: 'refused', comments: 'x' })
        .expect(404);
      // The permit now has the altered dates (the sandbox keeps only an alteration's dates).
      const altered = await promoter.get(`/v1/permits/${permit}`).expect(200);
      expect(altered.body).toMatchObject({ proposedStartDate: day(10), proposedEndDate: day(20) });
    });

    it('refuses shape errors (400) and meaning errors (422)', async () => {
      const api = client(booted, PROMOTER_KEY);
      const shape = await api
        .post('/v1/permit-alterations', { ...body('NGN-1'), proposedEndDate: 'later', reason: '' })
        .expect(400);
      expect((shape.body.error.details as { field: string }[]).map((d) => d.field)).toEqual(
        expect.arrayContaining(['permitReferenceNumber', 'proposedEndDate', 'reason']),
      );
      const meaning = await api
        .post('/v1/permit-alterations', {
          ...body(permits[1]),
          proposedStartDate: '2020-01-02',
          proposedEndDate: '2020-01-01',
        })
        .expect(422);
      expect(meaning.body.error.details).toEqual([
        { field: 'proposedStartDate', message: 'must be today or later' },
        { field: 'proposedEndDate', message: 'must be on or after proposedStartDate' },
      ]);
      const unknown = await api.post('/v1/permit-alterations', body('NOPE0000000001-01')).expect(422);
      expect(unknown.body.error.details).toEqual([
        {
          field: 'permitReferenceNumber',
          message: 'names nothing you can see: permit NOPE0000000001-01 was not found',
        },
      ]);
    });

    it('replays an identical request under the same Idempotency-Key', async () => {
      const api = client(booted, PROMOTER_KEY);
      const key = randomUUID();
      const first = await api.post('/v1/permit-alterations', body(permits[2]), key).expect(201);
      const again = await api.post('/v1/permit-alterations', body(permits[2]), key).expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.headers.location).toBe(first.headers.location);
      expect(again.body).toEqual(first.body);
      await api
        .post('/v1/permit-alterations', { ...body(permits[2]), reason: 'Another reason' }, key)
        .expect(422);
    });

    it('is a promoter write', async () => {
      await client(booted, AUTHORITY_KEY).post('/v1/permit-alterations', body(permits[3])).expect(403);
    });
  });
});
