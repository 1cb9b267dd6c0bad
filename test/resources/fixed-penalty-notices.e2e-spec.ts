import type { BootedApp } from '../helpers/boot-app';
import {
  AUTHORITY_KEY,
  bootWithSandbox,
  client,
  type CollectionBody,
  expectDefaultsAndExactWindows,
  PROMOTER_KEY,
} from '../support';

type Row = {
  fpnReferenceNumber: string;
  workReferenceNumber: string;
  status: string;
  offenceCode: string;
  issueDate: string;
  links: unknown[];
};

describe('fixed-penalty-notices', () => {
  let booted: BootedApp;
  let rows: Row[];

  beforeAll(async () => {
    // About 2.5 % of works carry an FPN: enough works that one promoter sees more than two upstream pages.
    booted = await bootWithSandbox(6000);
    rows = (await expectDefaultsAndExactWindows(booted, '/v1/fixed-penalty-notices', 'fpnReferenceNumber'))
      .results as Row[];
  });
  afterAll(() => booted?.close());

  it('lists newest first, linked to its work and permits, with the status change for a caller who may make it', () => {
    const dates = rows.map((r) => r.issueDate);
    expect(dates).toEqual([...dates].sort().reverse());
    // The demo subscription holds every permission, so the status change is offered.
    expect(rows[0].links).toEqual([
      { rel: 'self', href: `/v1/fixed-penalty-notices/${rows[0].fpnReferenceNumber}`, type: 'GET' },
      { rel: 'work', href: `/v1/works/${rows[0].workReferenceNumber}`, type: 'GET' },
      { rel: 'permit', href: `/v1/permits?workReferenceNumber=${rows[0].workReferenceNumber}`, type: 'GET' },
      {
        rel: 'update-status',
        href: `/v1/fixed-penalty-notices/${rows[0].fpnReferenceNumber}/status`,
        type: 'PUT',
      },
    ]);
  });

  it('filters by status and sorts by status change', async () => {
    const api = client(booted, PROMOTER_KEY);
    const issued = (
      await api.get('/v1/fixed-penalty-notices?status=issued&sort=statusChangedDate&limit=50').expect(200)
    ).body as CollectionBody<Row>;
    expect(issued.results.every((r) => r.status === 'issued')).toBe(true);
    // A promoter-only caller is not offered the authority's status change.
    expect(issued.results[0].links.map((l) => (l as { rel: string }).rel)).toEqual([
      'self',
      'work',
      'permit',
    ]);
    await api.get('/v1/fixed-penalty-notices?status=unpaid').expect(400);
  });

  it('reads one, and 404s an unknown one naming it', async () => {
    const api = client(booted);
    const res = await api
      .get(`/v1/fixed-penalty-notices/${rows[0].fpnReferenceNumber}?fields=status,offenceCode`)
      .expect(200);
    expect(Object.keys(res.body as object).sort()).toEqual(['links', 'offenceCode', 'status']);
    const missing = await api.get('/v1/fixed-penalty-notices/NOPE-FPN-01').expect(404);
    expect(missing.body.error.message).toBe('fixed penalty notice NOPE-FPN-01 was not found');
  });

  describe('issuing and status changes', () => {
    let work: string;
    const body = () => ({
      workReferenceNumber: work,
      offenceCode: 'offence_code_05',
      offenceDate: new Date(Date.now() - 86_400_000).toISOString(),
      offenceDetails: 'Works started without a permit',
      authorisedOfficer: 'A. Officer',
      officerContactDetails: '0113 222 4444',
      officerAddress: 'Civic Hall, Leeds',
      representationsContact: 'Street works team',
      representationsContactAddress: 'Civic Hall, Leeds',
      paymentMethods: ['bank_transfer'],
    });

    beforeAll(async () => {
      const visible = (
        await client(booted, AUTHORITY_KEY).get('/v1/fixed-penalty-notices?limit=1').expect(200)
      ).body as CollectionBody<Row>;
      work = visible.results[0].workReferenceNumber;
    });

    it('issues 201 with Location, then changes status with PUT', async () => {
      const api = client(booted, AUTHORITY_KEY);
      const res = await api.post('/v1/fixed-penalty-notices', body()).expect(201);
      const reference = res.body.fpnReferenceNumber as string;
      expect(res.headers.location).toBe(`/v1/fixed-penalty-notices/${reference}`);
      expect(res.body).toMatchObject({
        workReferenceNumber: work,
        status: 'issued',
        offenceCode: 'offence_code_05',
        paymentMethods: ['bank_transfer'],
      });

      const paid = await api
        .put(`/v1/fixed-penalty-notices/${reference}/status`, { status: 'paid' })
        .expect(200);
      expect(paid.body).toMatchObject({ fpnReferenceNumber: reference, status: 'paid' });
      const noReason = await api
        .put(`/v1/fixed-penalty-notices/${reference}/status`, { status: 'withdrawn' })
        .expect(422);
      expect(noReason.body.error.details).toEqual([
        { field: 'reason', message: 'is required when the status becomes withdrawn' },
      ]);
      await api.put(`/v1/fixed-penalty-notices/${reference}/status`, { status: 'gone' }).expect(400);
      await api.put(`/v1/fixed-penalty-notices/${work}-FPN-99/status`, { status: 'paid' }).expect(404);
    });

    it('refuses shape errors (400) and meaning errors (422)', async () => {
      const api = client(booted, AUTHORITY_KEY);
      const bad = await api
        .post('/v1/fixed-penalty-notices', { ...body(), paymentMethods: [], offenceCode: 'speeding' })
        .expect(400);
      expect((bad.body.error.details as { field: string }[]).map((d) => d.field)).toEqual(
        expect.arrayContaining(['paymentMethods', 'offenceCode']),
      );
      const future = await api
        .post('/v1/fixed-penalty-notices', { ...body(), offenceDate: '2099-01-01T00:00:00Z' })
        .expect(422);
      expect(future.body.error.details).toEqual([{ field: 'offenceDate', message: 'must be in the past' }]);
    });

    it('is a highway authority write', async () => {
      await client(booted, PROMOTER_KEY).post('/v1/fixed-penalty-notices', body()).expect(403);
    });
  });
});
