import { bngToWgs84 } from '../../src/common/geo/bng';
import { streetManagerConfig } from '../../src/config/street-manager.config';
import { organisationBySwa } from '../../src/sandbox/data/organisations';
import { createSandbox } from '../../src/sandbox/sandbox';
import { endpointsFromSandbox } from '../../src/sandbox/sandbox-endpoints';
import type { ContractViolation } from '../../src/sandbox/sandbox-stats';
import type { RunningSandbox } from '../../src/sandbox/sandbox.types';
import { EventApiClient, gatewayCaller } from '../../src/upstreams/street-manager/event-api.client';
import { ReportingApiClient } from '../../src/upstreams/street-manager/reporting-api.client';
import { STREET_MANAGER_OPERATIONS } from '../../src/upstreams/street-manager/street-manager-operations';
import { STREET_MANAGER_ENDPOINTS } from '../../src/upstreams/street-manager/street-manager-endpoints';
import { WorkApiClient } from '../../src/upstreams/street-manager/work-api.client';
import {
  WORKLIST_SIDES,
  WorklistApiClient,
  type SmWorklist,
} from '../../src/upstreams/street-manager/worklist-api.client';
import { type BootedApp, bootApp } from '../helpers/boot-app';
import { KEY, day } from '../resources/support';
import { testStreetManagerConfig } from './support/street-manager-fixtures';

interface Stats {
  contractViolations: ContractViolation[];
  operations: Record<string, number>;
}

/**
 * The gateway against a sandbox that checks, against the V6 files, every request it is sent (query and body) and
 * every answer it gives (strictly): each Street Manager operation the gateway calls is driven once, through the v1
 * API where a v1 route reaches it and through its client otherwise. Any violation fails the test and is named.
 */
describe('every Street Manager V6 operation the gateway calls, against the V6 files', () => {
  let sandbox: RunningSandbox;
  let booted: BootedApp;
  const stats = async (): Promise<Stats> =>
    (await (await fetch(`${sandbox.url}/__admin/stats`)).json()) as Stats;

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 1, checkAnswers: true });
    booted = await bootApp({
      overrides: [
        { provide: STREET_MANAGER_ENDPOINTS, useValue: endpointsFromSandbox(sandbox) },
        { provide: streetManagerConfig.KEY, useValue: testStreetManagerConfig() },
      ],
    });
  });
  afterAll(() => sandbox.close());

  const as = (key: Record<string, string>) => ({
    get: (path: string) => booted.http.get(path).set(key),
    post: (path: string, body: object) => booted.http.post(path).set(key).send(body),
    put: (path: string, body: object) => booted.http.put(path).set(key).send(body),
  });
  const promoter = as(KEY.promoter);
  const authority = as(KEY.authority);

  it('drives each operation, and the sandbox finds no request or answer outside the V6 files', async () => {
    const area = organisationBySwa('4720')!.area!;
    const point = bngToWgs84([area.minE + 5000, area.minN + 5000]);
    const steps: [string, number, number][] = [];
    const expectStatus = (what: string, res: { status: number }, status: number) =>
      steps.push([what, res.status, status]);

    // works, permits, streets, organisations
    const works = await promoter.get('/v1/works?limit=3&street=Road');
    expectStatus('list works', works, 200);
    const seeded = (works.body as { results: { workReferenceNumber: string; usrn: number }[] }).results[0];
    expectStatus('get work', await promoter.get(`/v1/works/${seeded.workReferenceNumber}`), 200);
    const box = `${point[0] - 0.01},${point[1] - 0.01},${point[0] + 0.01},${point[1] + 0.01}`;
    expectStatus('works in a box', await promoter.get(`/v1/works?bbox=${box}`), 200);
    const street = await promoter.get(`/v1/streets/${seeded.usrn}`);
    expectStatus('get street', street, 200);
    const [lon, lat] =
      (street.body as { centrePoint: { coordinates: [number, number] } | null }).centrePoint?.coordinates ??
      point;
    expectStatus(
      'streets near a point',
      await promoter.get(`/v1/streets?longitude=${lon}&latitude=${lat}`),
      200,
    );
    expectStatus('list organisations', await promoter.get('/v1/organisations'), 200);
    expectStatus('get organisation', await promoter.get('/v1/organisations/4720'), 200);

    const application = {
      proposedStartDate: day(10),
      proposedEndDate: day(14),
      description: 'Replace 20 m of gas main',
      locationDescription: 'Outside number 12',
      workType: 'planned',
      ttroRequired: false,
      activityType: 'utility_repair_and_maintenance_works',
      trafficManagementType: 'two_way_signals',
      applicationType: 'permit',
      locationTypes: ['carriageway', 'footpath'],
      closeFootpath: 'yes_discussed_with_ha',
      closeFootway: 'no',
      excavation: true,
      secondaryContact: 'Site manager',
      secondaryContactNumber: '0113 496 0000',
    };
    const created = await promoter.post('/v1/works', {
      ...application,
      promoterSwaCode: '7374',
      highwayAuthoritySwaCode: '4720',
      usrn: seeded.usrn,
      geometry: { type: 'Point', coordinates: point },
    });
    expectStatus('create work', created, 201);
    const wrn = (created.body as { workReferenceNumber: string }).workReferenceNumber;
    const firstPermit = `${wrn}-01`;
    expectStatus('list permits', await promoter.get(`/v1/permits?workReferenceNumber=${wrn}`), 200);
    expectStatus(
      'cancel permit',
      await promoter.put(`/v1/permits/${firstPermit}/status`, { status: 'cancelled', comments: 'Replanned' }),
      200,
    );
    const second = await promoter.post('/v1/permits', { ...application, workReferenceNumber: wrn });
    expectStatus('create permit', second, 201);
    const prn = (second.body as { permitReferenceNumber: string }).permitReferenceNumber;
    expectStatus(
      'assess permit',
      await authority.put(`/v1/permits/${prn}/assessment`, { decision: 'granted', discountPercent: 0 }),
      200,
    );
    expectStatus('get permit', await promoter.get(`/v1/permits/${prn}`), 200);

    // alterations
    const alteration = await promoter.post('/v1/permit-alterations', {
      permitReferenceNumber: prn,
      proposedStartDate: day(11),
      proposedEndDate: day(16),
      reason: 'More time',
    });
    expectStatus('create alteration', alteration, 201);
    const alt = (alteration.body as { alterationReferenceNumber: string }).alterationReferenceNumber;
    expectStatus('get alteration', await authority.get(`/v1/permit-alterations/${alt}`), 200);
    expectStatus(
      'decide alteration',
      await authority.put(`/v1/permit-alterations/${alt}/status`, { status: 'granted', discountPercent: 0 }),
      200,
    );
    expectStatus(
      'list alterations',
      await promoter.get(`/v1/permit-alterations?workReferenceNumber=${wrn}`),
      200,
    );

    // inspections, FPNs, comments
    const inspection = await authority.post('/v1/inspections', {
      workReferenceNumber: wrn,
      type: 'live_site',
      inspectionDate: new Date(Date.now() - 3_600_000).toISOString(),
      outcome: 'passed',
      inspectorName: 'J. Smith',
    });
    expectStatus('create inspection', inspection, 201);
    expectStatus(
      'get inspection',
      await promoter.get(
        `/v1/inspections/${(inspection.body as { inspectionReferenceNumber: string }).inspectionReferenceNumber}`,
      ),
      200,
    );
    expectStatus(
      'list inspections',
      await authority.get(`/v1/inspections?workReferenceNumber=${wrn}&type=investigatory_works,live_site`),
      200,
    );
    const fpn = await authority.post('/v1/fixed-penalty-notices', {
      workReferenceNumber: wrn,
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
    expectStatus('create FPN', fpn, 201);
    const fpnReference = (fpn.body as { fpnReferenceNumber: string }).fpnReferenceNumber;
    expectStatus('get FPN', await promoter.get(`/v1/fixed-penalty-notices/${fpnReference}`), 200);
    expectStatus(
      'FPN status',
      await authority.put(`/v1/fixed-penalty-notices/${fpnReference}/status`, { status: 'paid' }),
      200,
    );
    expectStatus(
      'list FPNs',
      await authority.get(`/v1/fixed-penalty-notices?workReferenceNumber=${wrn}`),
      200,
    );
    const comment = await authority.post(`/v1/works/${wrn}/comments`, {
      topic: 'general',
      detail: 'Please tidy the site',
    });
    expectStatus('create comment', comment, 201);
    const commentReference = (comment.body as { commentReferenceNumber: string }).commentReferenceNumber;
    expectStatus('list comments', await promoter.get(`/v1/works/${wrn}/comments`), 200);
    await booted.app.get(WorkApiClient).markCommentRead(gatewayCaller('7374'), wrn, commentReference);

    // activities, forward plans, section 81s
    const activity = await authority.post('/v1/activities', {
      usrn: seeded.usrn,
      name: 'Scaffolding at number 12',
      activityType: 'scaffolding',
      startDate: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      endDate: new Date(Date.now() + 9 * 86_400_000).toISOString(),
      locationTypes: ['footway'],
      locationDescription: 'Footway outside number 12',
      trafficManagementType: 'temp_obstruction_15_minute_delay',
      collaborativeWorking: false,
      geometry: { type: 'Point', coordinates: point },
    });
    expectStatus('create activity', activity, 201);
    const activityReference = (activity.body as { activityReferenceNumber: string }).activityReferenceNumber;
    expectStatus('get activity', await authority.get(`/v1/activities/${activityReference}`), 200);
    expectStatus(
      'cancel activity',
      await authority.put(`/v1/activities/${activityReference}/status`, {
        status: 'cancelled',
        reason: 'Called off',
      }),
      200,
    );
    expectStatus('activities in a box', await authority.get(`/v1/activities?bbox=${box}`), 200);
    const plan = await promoter.post('/v1/forward-plans', {
      promoterSwaCode: '7374',
      highwayAuthoritySwaCode: '4720',
      usrn: seeded.usrn,
      proposedStartDate: day(90),
      proposedEndDate: day(95),
      description: 'Replace 200 m of gas main',
      locationDescription: 'Between the junctions',
      geometry: { type: 'Point', coordinates: point },
    });
    expectStatus('create forward plan', plan, 201);
    const planReference = (plan.body as { forwardPlanReferenceNumber: string }).forwardPlanReferenceNumber;
    expectStatus('get forward plan', await promoter.get(`/v1/forward-plans/${planReference}`), 200);
    expectStatus(
      'cancel forward plan',
      await promoter.put(`/v1/forward-plans/${planReference}/status`, {
        status: 'cancelled',
        reason: 'No longer needed',
      }),
      200,
    );
    expectStatus('list forward plans', await promoter.get('/v1/forward-plans?status=raised'), 200);
    const s81 = await authority.post('/v1/section-81s', {
      promoterSwaCode: '7374',
      highwayAuthoritySwaCode: '4720',
      usrn: seeded.usrn,
      geometry: { type: 'Point', coordinates: point },
      locationDescription: 'Outside number 12',
      locationTypes: ['footway'],
      inspectionDate: new Date(Date.now() - 3_600_000).toISOString(),
      type: 'cabinet',
      severity: 'high',
      madeSafeByHighwayAuthority: false,
      details: 'Cabinet door hanging open',
    });
    expectStatus('create section 81', s81, 201);
    const s81Reference = (s81.body as { section81ReferenceNumber: string }).section81ReferenceNumber;
    expectStatus('get section 81', await promoter.get(`/v1/section-81s/${s81Reference}`), 200);
    expectStatus(
      'section 81 status',
      await authority.put(`/v1/section-81s/${s81Reference}/status`, {
        status: 'cancelled',
        reason: 'Raised in error',
      }),
      200,
    );
    expectStatus('list section 81s', await authority.get('/v1/section-81s?status=reassigned,issued'), 200);

    // the change feed (Event API), and what no v1 route reaches yet: reporting search and activities, push
    // subscriptions, worklists
    expectStatus('work updates', await promoter.get('/v1/work-updates?after=0&limit=300'), 200);
    expectStatus(
      'work updates since',
      await promoter.get(`/v1/work-updates?since=${new Date(Date.now() - 60_000).toISOString()}`),
      200,
    );
    const reporting = booted.app.get(ReportingApiClient);
    expect(
      (await reporting.searchWorks(gatewayCaller('7374'), wrn)).map((r) => r.work_reference_number),
    ).toEqual([wrn]);
    expect(
      (
        await reporting.listPage(
          gatewayCaller('4720'),
          '/activities',
          { activity_activity_type: ['scaffolding'] },
          0,
        )
      ).rows.length,
    ).toBeGreaterThan(0);
    const events = booted.app.get(EventApiClient);
    const { subscriptionReferenceNumber } = await events.subscribe(
      gatewayCaller('7374'),
      'https://gateway.example.test/street-manager/events',
      'contract test',
    );
    await events.unsubscribe(gatewayCaller('7374'), subscriptionReferenceNumber);
    const worklists = booted.app.get(WorklistApiClient);
    for (const [list, side] of Object.entries(WORKLIST_SIDES) as [SmWorklist, string][]) {
      await worklists.list(gatewayCaller(side === 'highway_authority' ? '4720' : '7374'), list);
    }
    await worklists.dismissPotentialOverrun(gatewayCaller('4720'), prn);

    expect(steps.filter(([, got, want]) => got !== want)).toEqual([]);

    // sign-out happens at shutdown; the refresh is driven (and so checked by the same sandbox) in the session e2e
    await booted.close();
    const { contractViolations, operations } = await stats();
    expect(
      contractViolations.map((v) => `${v.kind} ${v.api} ${v.method} ${v.path}: ${v.errors.join('; ')}`),
    ).toEqual([]);
    const notExercised = STREET_MANAGER_OPERATIONS.map(
      (o) => `${o.api} ${o.method} ${o.pathTemplate}`,
    ).filter((o) => !operations[o]);
    expect(notExercised).toEqual(['party POST /refresh']);
  });
});
