import { bootApp, type BootedApp } from '../helpers/boot-app';
import { day, KEY, rels } from '../support';

interface Permit {
  permitReferenceNumber: string;
  workReferenceNumber: string;
  status: string;
  dateCreated: string;
  links: { rel: string; href: string; type: string }[];
}

function application(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    proposedStartDate: day(20),
    proposedEndDate: day(22),
    description: 'Lay new service pipe',
    locationDescription: 'Opposite number 4',
    workType: 'planned',
    ttroRequired: false,
    activityType: 'new_service_connection',
    trafficManagementType: 'lane_closure',
    applicationType: 'permit',
    locationTypes: ['footway', 'carriageway'],
    closeFootway: 'no',
    excavation: true,
    secondaryContact: 'Site manager',
    secondaryContactNumber: '0113 496 0001',
    ...overrides,
  };
}

describe('/v1/permits', () => {
  let booted: BootedApp;
  /** a fresh Leeds work of promoter 7374, so both sandbox organisations can act on its permit */
  let wrn: string;
  let prn: string;

  /** A fresh Leeds work of promoter 7374 with its first permit, submitted: each test that changes a permit has its own. */
  async function freshWork(): Promise<{ wrn: string; prn: string }> {
    const created = await booted.http
      .post('/v1/works')
      .set(KEY.promoter)
      .send({
        ...application({ proposedStartDate: day(15), proposedEndDate: day(18) }),
        promoterSwaCode: '7374',
        highwayAuthoritySwaCode: '4720',
        usrn: 10104523,
        geometry: { type: 'Point', coordinates: [-1.5486, 53.7975] },
      })
      .expect(201);
    return {
      wrn: created.body.workReferenceNumber as string,
      prn: created.body.activePermitReferenceNumber as string,
    };
  }

  beforeAll(async () => {
    booted = await bootApp();
    ({ wrn, prn } = await freshWork());
  });
  afterAll(() => booted.close());

  describe('list', () => {
    it('defaults to 20 with metadata and links; rows link to their work', async () => {
      const res = await booted.http.get('/v1/permits').set(KEY.demo).expect(200);
      expect(res.body.results).toHaveLength(20);
      expect(res.body.metadata.resultset).toMatchObject({
        offset: 0,
        limit: 20,
        page: 1,
        countIsLowerBound: false,
      });
      const first = res.body.results[0] as Permit;
      expect(first.links.slice(0, 2)).toEqual([
        { rel: 'self', href: `/v1/permits/${first.permitReferenceNumber}`, type: 'GET' },
        { rel: 'work', href: `/v1/works/${first.workReferenceNumber}`, type: 'GET' },
      ]);
    });

    it('filters by status and sorts by creation date, ascending or descending', async () => {
      const res = await booted.http
        .get('/v1/permits?status=granted&sort=dateCreated&limit=50')
        .set(KEY.demo)
        .expect(200);
      const rows = res.body.results as Permit[];
      expect(rows.every((r) => r.status === 'granted')).toBe(true);
      const created = rows.map((r) => r.dateCreated);
      expect(created).toEqual([...created].sort());
      const desc = await booted.http.get('/v1/permits?sort=-dateCreated&limit=50').set(KEY.demo).expect(200);
      const createdDesc = (desc.body.results as Permit[]).map((r) => r.dateCreated);
      expect(createdDesc).toEqual([...createdDesc].sort().reverse());
    });

    it('lists the permits of one work', async () => {
      const res = await booted.http
        .get(`/v1/permits?workReferenceNumber=${wrn}`)
        .set(KEY.promoter)
        .expect(200);
      expect((res.body.results as Permit[]).map((r) => r.permitReferenceNumber)).toEqual([prn]);
    });

    it('selects fields and answers GeoJSON', async () => {
      const res = await booted.http
        .get('/v1/permits?fields=permitReferenceNumber&limit=3')
        .set(KEY.demo)
        .expect(200);
      expect(Object.keys(res.body.results[0] as object).sort()).toEqual(['links', 'permitReferenceNumber']);
      const geo = await booted.http
        .get('/v1/permits?limit=3')
        .set(KEY.demo)
        .set('Accept', 'application/geo+json')
        .expect(200);
      expect(geo.body.type).toBe('FeatureCollection');
      expect(geo.body.features[0].geometry.type).toMatch(/Point|LineString|Polygon/);
    });

    it.each(['activeOnly=maybe', 'status=approved', 'createdFrom=2026-02-30x', 'sort=colour', 'limit=500'])(
      'refuses %s with a 400',
      async (qs) => {
        const res = await booted.http.get(`/v1/permits?${qs}`).set(KEY.demo).expect(400);
        expect(res.body.error.code).toBe('BAD_REQUEST');
      },
    );
  });

  describe('read one', () => {
    it('reads a permit by its reference alone, with the writes the caller may make', async () => {
      const res = await booted.http.get(`/v1/permits/${prn}`).set(KEY.promoter).expect(200);
      expect(res.body).toMatchObject({
        permitReferenceNumber: prn,
        workReferenceNumber: wrn,
        status: 'submitted',
        highwayAuthoritySwaCode: '4720',
      });
      expect(rels(res.body.links)).toEqual(['self', 'work', 'street', 'permit-alterations', 'update-status']);
      const asAuthority = await booted.http.get(`/v1/permits/${prn}`).set(KEY.authority).expect(200);
      expect(rels(asAuthority.body.links)).toEqual([
        'self',
        'work',
        'street',
        'permit-alterations',
        'assess',
      ]);
    });

    it('is a 404 naming the permit when unknown, and a 400 when not a permit reference', async () => {
      const res = await booted.http.get(`/v1/permits/${wrn}-99`).set(KEY.promoter).expect(404);
      expect(res.body.error.message).toBe(`permit ${wrn}-99 was not found`);
      await booted.http.get(`/v1/permits/${wrn}`).set(KEY.promoter).expect(400);
    });
  });

  describe('writes', () => {
    it('refuses a second active permit on a work with 409', async () => {
      const { wrn } = await freshWork();
      const res = await booted.http
        .post('/v1/permits')
        .set(KEY.promoter)
        .send({ ...application(), workReferenceNumber: wrn })
        .expect(409);
      expect(res.body.error.code).toBe('CONFLICT');
    });

    it('refuses a bad shape with 400 and a meaningless application with 422', async () => {
      const bad = await booted.http
        .post('/v1/permits')
        .set(KEY.promoter)
        .send({ ...application({ locationTypes: 'footway' }), workReferenceNumber: wrn })
        .expect(400);
      expect((bad.body.error.details as { field: string }[]).map((d) => d.field)).toContain('locationTypes');
      const wrong = await booted.http
        .post('/v1/permits')
        .set(KEY.promoter)
        .send({
          ...application({ proposedStartDate: day(5), proposedEndDate: day(4) }),
          workReferenceNumber: wrn,
        })
        .expect(422);
      expect(wrong.body.error.details).toEqual([
        { field: 'proposedEndDate', message: 'must be on or after proposedStartDate' },
      ]);
    });

    it('is a 404 on a work that does not exist', async () => {
      await booted.http
        .post('/v1/permits')
        .set(KEY.promoter)
        .send({ ...application(), workReferenceNumber: 'NOPE0000000000' })
        .expect(404);
    });

    it('lets the highway authority assess, checking what each decision needs', async () => {
      const { prn } = await freshWork();
      const missing = await booted.http
        .put(`/v1/permits/${prn}/assessment`)
        .set(KEY.authority)
        .send({ decision: 'refused' })
        .expect(422);
      expect(missing.body.error.details).toEqual([
        { field: 'reasonsForRefusal', message: 'is required when refusing' },
        { field: 'comments', message: 'is required when the decision is refused' },
      ]);
      await booted.http
        .put(`/v1/permits/${prn}/assessment`)
        .set(KEY.authority)
        .send({ decision: 'granted', colour: 'red' })
        .expect(400);
      await booted.http
        .put(`/v1/permits/${prn}/assessment`)
        .set(KEY.promoter)
        .send({ decision: 'granted', discountPercent: 0 })
        .expect(403);
      const granted = await booted.http
        .put(`/v1/permits/${prn}/assessment`)
        .set(KEY.authority)
        .send({ decision: 'granted', discountPercent: 0 })
        .expect(200);
      expect(granted.body).toMatchObject({
        permitReferenceNumber: prn,
        status: 'granted',
        assessmentStatus: 'granted',
      });
    });

    it('lets the promoter cancel, and refuses a change the state does not allow with 422', async () => {
      const { prn } = await freshWork();
      await booted.http
        .put(`/v1/permits/${prn}/assessment`)
        .set(KEY.authority)
        .send({ decision: 'granted', discountPercent: 0 })
        .expect(200);
      const cancelled = await booted.http
        .put(`/v1/permits/${prn}/status`)
        .set(KEY.promoter)
        .send({ status: 'cancelled', comments: 'No longer needed' })
        .expect(200);
      expect(cancelled.body.status).toBe('cancelled');
      expect(rels(cancelled.body.links)).not.toContain('update-status');
      const again = await booted.http
        .put(`/v1/permits/${prn}/status`)
        .set(KEY.promoter)
        .send({ status: 'closed' })
        .expect(422);
      expect(again.body.error.code).toBe('VALIDATION_FAILED');
      await booted.http
        .put(`/v1/permits/${prn}/status`)
        .set(KEY.promoter)
        .send({ status: 'granted' })
        .expect(400);
    });

    it('creates a further permit once the first is cancelled: 201, body, Location', async () => {
      const { wrn, prn } = await freshWork();
      await booted.http
        .put(`/v1/permits/${prn}/status`)
        .set(KEY.promoter)
        .send({ status: 'cancelled', comments: 'No longer needed' })
        .expect(200);
      const res = await booted.http
        .post('/v1/permits')
        .set(KEY.promoter)
        .send({ ...application(), workReferenceNumber: wrn })
        .expect(201);
      expect(res.body.permitReferenceNumber).toMatch(new RegExp(`^${wrn}-\\d{2}$`));
      expect(res.headers.location).toBe(`/v1/permits/${res.body.permitReferenceNumber as string}`);
      expect(res.body.status).toBe('submitted');
    });
  });
});
