import { gatewayCaller } from '../../src/upstreams/street-manager/event-api.client';
import { WorkApiClient } from '../../src/upstreams/street-manager/work-api.client';
import { type BootedApp, bootApp } from '../helpers/boot-app';
import { KEY, day, sandboxUrl } from './support';

/** What Street Manager V6 changed, as v1 callers see it: open enums, V6's new values, close_footpath. */
describe('v1 over Street Manager V6', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp();
  });
  afterAll(() => booted.close());

  const get = (path: string) => booted.http.get(path).set(KEY.promoter);

  it('shows V6 values Street Manager added (a permit under assessment, an investigatory inspection)', async () => {
    const assessing = await get('/v1/permits?status=under_assessment&limit=5').expect(200);
    const rows = assessing.body.results as { status: string }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.status === 'under_assessment')).toBe(true);
    const investigatory = await booted.http
      .get('/v1/inspections?type=investigatory_works&limit=5')
      .set(KEY.authority)
      .expect(200);
    const types = (investigatory.body.results as { type: string }[]).map((r) => r.type);
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set(['investigatory_works']));
  });

  it('passes a value from a later Street Manager release through as `unknown`, never a 502, and lists the change', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const work = (
      (await get('/v1/works?status=planned&limit=1').expect(200)).body.results as {
        workReferenceNumber: string;
      }[]
    )[0].workReferenceNumber;
    const patched = await fetch(`${sandboxUrl(booted)}/__admin/works/${work}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workStatus: 'paused_by_frost', permitStatus: 'awaiting_frost_clearance' }),
    });
    expect(patched.status).toBe(204);
    const read = await get(`/v1/works/${work}`).expect(200);
    expect(read.body.status).toBe('unknown');
    const permit = await get(`/v1/permits/${work}-01`).expect(200);
    expect(permit.body.status).toBe('unknown');
    const feed = await get(`/v1/work-updates?since=${since}`).expect(200);
    expect(feed.body.results).toEqual([
      expect.objectContaining({
        workReferenceNumber: work,
        eventType: 'support_desk_action',
        objectType: 'permit',
      }),
    ]);
  });

  it('sends close_footpath `no` by default, asks for it (422) on a footpath, and passes the caller’s answer on', async () => {
    const application = (overrides: Record<string, unknown>) => ({
      promoterSwaCode: '7374',
      highwayAuthoritySwaCode: '4720',
      usrn: 10104523,
      geometry: { type: 'Point', coordinates: [-1.5486, 53.7975] },
      proposedStartDate: day(10),
      proposedEndDate: day(14),
      description: 'Replace 20 m of gas main',
      locationDescription: 'Outside number 12',
      workType: 'planned',
      ttroRequired: false,
      activityType: 'utility_repair_and_maintenance_works',
      trafficManagementType: 'temp_obstruction_15_minute_delay',
      applicationType: 'permit',
      locationTypes: ['carriageway'],
      closeFootway: 'no',
      excavation: true,
      secondaryContact: 'Site manager',
      secondaryContactNumber: '0113 496 0000',
      ...overrides,
    });
    const works = booted.app.get(WorkApiClient);
    const closeFootpathOf = async (wrn: string) =>
      (await works.getPermit(gatewayCaller('7374'), wrn, `${wrn}-01`)).close_footpath;

    const plain = await booted.http.post('/v1/works').set(KEY.promoter).send(application({})).expect(201);
    expect(await closeFootpathOf(plain.body.workReferenceNumber as string)).toBe('no');

    const asked = await booted.http
      .post('/v1/works')
      .set(KEY.promoter)
      .send(application({ locationTypes: ['footpath'] }))
      .expect(422);
    expect(asked.body.error.details).toEqual([
      {
        field: 'closeFootpath',
        message: 'is required when locationTypes include footpath: yes_discussed_with_ha or no',
      },
    ]);

    const said = await booted.http
      .post('/v1/works')
      .set(KEY.promoter)
      .send(application({ locationTypes: ['footpath'], closeFootpath: 'yes_discussed_with_ha' }))
      .expect(201);
    expect(await closeFootpathOf(said.body.workReferenceNumber as string)).toBe('yes_discussed_with_ha');

    await booted.http
      .post('/v1/works')
      .set(KEY.promoter)
      .send(application({ closeFootpath: 'maybe' }))
      .expect(400);
    // V6 dropped environmental_health_notifiable: still accepted (deprecated), no longer sent
    await booted.http
      .post('/v1/works')
      .set(KEY.promoter)
      .send(application({ environmentalHealthNotifiable: true }))
      .expect(201);
  });

  it('reads the work-update feed from the Event API: a limit above its 250-row page spans two pages, without gap or repeat', async () => {
    const ids = (body: { results: { updateId: number }[] }) => body.results.map((r) => r.updateId);
    const whole = ids((await get('/v1/work-updates?after=0&limit=300').expect(200)).body);
    expect(whole).toHaveLength(300);
    const paged: number[] = [];
    let after = 0;
    for (let i = 0; i < 3; i++) {
      const page = (await get(`/v1/work-updates?after=${after}&limit=100`).expect(200)).body as {
        results: { updateId: number }[];
        metadata: { cursor: { nextAfter: number } };
      };
      paged.push(...ids(page));
      after = page.metadata.cursor.nextAfter;
    }
    expect(whole).toEqual(paged);
    expect(whole).toEqual([...whole].sort((x, y) => x - y));
    expect(new Set(whole).size).toBe(300);
  });

  it('refuses responseType=reinspection, which V6 can no longer serve, and shows responseType as null', async () => {
    const refused = await booted.http
      .get('/v1/inspections?responseType=reinspection')
      .set(KEY.authority)
      .expect(422);
    expect(refused.body.error.details).toEqual([
      {
        field: 'responseType',
        message:
          'reinspection can no longer be listed: Street Manager V6 lists reinspections apart, without references',
      },
    ]);
    const list = await booted.http
      .get('/v1/inspections?responseType=inspection&limit=3')
      .set(KEY.authority)
      .expect(200);
    expect(
      (list.body.results as { responseType: unknown; reinspectionDate: unknown }[]).every(
        (r) => r.responseType === null && r.reinspectionDate === null,
      ),
    ).toBe(true);
  });
});
