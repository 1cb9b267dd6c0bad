import { bootApp, type BootedApp } from '../helpers/boot-app';
import { day, KEY } from '../support';

interface Update {
  updateId: number;
  workReferenceNumber: string;
  eventType: string;
  objectType: string;
  updatedAt: string;
  links: { rel: string; href: string }[];
}

const next = (body: { links: { rel: string; href: string }[] }) =>
  body.links.find((l) => l.rel === 'next')!.href;

describe('/v1/work-updates', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp();
  });
  afterAll(() => booted.close());

  it('starts from a date and hands out a cursor link', async () => {
    const since = new Date(Date.now() - 400 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const res = await booted.http
      .get(`/v1/work-updates?since=${since}&limit=10`)
      .set(KEY.promoter)
      .expect(200);
    const results = res.body.results as Update[];
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]).toEqual({
      updateId: expect.any(Number),
      workReferenceNumber: expect.any(String),
      eventType: expect.stringMatching(/^[a-z0-9_]+$/),
      objectType: expect.any(String),
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      links: [{ rel: 'work', href: `/v1/works/${results[0].workReferenceNumber}`, type: 'GET' }],
    });
    const last = results[results.length - 1].updateId;
    expect(res.body.metadata.cursor).toEqual({ count: results.length, nextAfter: last });
    expect(next(res.body)).toBe(`/v1/work-updates?after=${last}&limit=10`);
  });

  it('can be followed for ever without gaps or duplicates, and shows new changes', async () => {
    const seen: number[] = [];
    let href = '/v1/work-updates?after=0&limit=50';
    for (;;) {
      const res = await booted.http.get(href).set(KEY.promoter).expect(200);
      const ids = (res.body.results as Update[]).map((u) => u.updateId);
      seen.push(...ids);
      const following = next(res.body);
      if (ids.length === 0) {
        expect(following).toBe(href);
        break;
      }
      href = following;
    }
    expect(seen.length).toBeGreaterThan(50);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));

    const created = await booted.http
      .post('/v1/works')
      .set(KEY.promoter)
      .send({
        promoterSwaCode: '7374',
        highwayAuthoritySwaCode: '4720',
        usrn: 10104523,
        geometry: { type: 'Point', coordinates: [-1.5486, 53.7975] },
        proposedStartDate: day(30),
        proposedEndDate: day(31),
        description: 'Feed test',
        locationDescription: 'Outside number 1',
        workType: 'planned',
        ttroRequired: false,
        activityType: 'utility_repair_and_maintenance_works',
        trafficManagementType: 'two_way_signals',
        applicationType: 'permit',
        locationTypes: ['carriageway'],
        closeFootway: 'no',
        excavation: false,
        secondaryContact: 'Site manager',
        secondaryContactNumber: '0113 496 0000',
      })
      .expect(201);
    const fresh = await booted.http.get(href).set(KEY.promoter).expect(200);
    const updates = fresh.body.results as Update[];
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.every((u) => u.updateId > seen[seen.length - 1])).toBe(true);
    expect(updates.map((u) => u.workReferenceNumber)).toContain(created.body.workReferenceNumber);
  });

  it.each([
    ['', 'after'],
    ['after=1&since=2026-01-01T00:00:00Z', 'after'],
    ['after=-1', 'after'],
    ['since=yesterday', 'since'],
    ['after=1&limit=501', 'limit'],
  ])('refuses "%s" with a 400 naming %s', async (qs, field) => {
    const res = await booted.http.get(`/v1/work-updates?${qs}`).set(KEY.promoter).expect(400);
    expect((res.body.error.details as { field: string }[]).map((d) => d.field)).toContain(field);
  });
});
