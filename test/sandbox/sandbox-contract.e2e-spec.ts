import { createSandbox } from '../../src/sandbox/sandbox';
import type { RunningSandbox } from '../../src/sandbox/sandbox.types';
import {
  checkResponse,
  matchOperation,
  type StreetManagerApi,
} from '../../src/upstreams/street-manager/contract/street-manager-contract';
import { call, type HttpResult, login, userOf } from '../support';

/**
 * Every endpoint the sandbox serves answers with a body that the V6 files accept, read strictly (closed enums as
 * written, no field the files do not name). The calls run in order because later ones use what earlier ones created.
 */
describe('sandbox conforms to the Street Manager V6 files', () => {
  let sandbox: RunningSandbox;
  let promoter: string;
  let ha: string;
  const checked: string[] = [];
  const violations: string[] = [];

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 7 });
    promoter = (await login(sandbox, userOf(sandbox, '7374'))).idToken;
    ha = (await login(sandbox, userOf(sandbox, '4720'))).idToken;
  });
  afterAll(() => sandbox.close());

  async function conforming(
    api: StreetManagerApi,
    method: string,
    path: string,
    token: string | undefined,
    expected: number,
    body?: unknown,
  ): Promise<HttpResult> {
    const res = await call(method, sandbox.baseUrls[api] + path, { token, body });
    expect({ path, status: res.status, body: res.status === expected ? undefined : res.body }).toEqual({
      path,
      status: expected,
      body: undefined,
    });
    const op = matchOperation(api, method, path);
    expect(op).toBeDefined();
    const result = checkResponse(api, method, op!.pathTemplate, res.status, res.body, 'response-strict');
    // collected, so one run names every violation (each with the path that produced it)
    violations.push(...result.errors.map((error) => `${api} ${method} ${path}: ${error}`));
    checked.push(`${api} ${method} ${op!.pathTemplate}`);
    return res;
  }

  const permitBody = (start: Date, days: number) => ({
    internal_user_identifier: 'user-42',
    internal_user_name: 'Pat Planner',
    secondary_contact: 'Pat Planner',
    secondary_contact_number: '0113 000 0000',
    proposed_start_date: start.toISOString(),
    proposed_end_date: new Date(start.getTime() + days * 86_400_000).toISOString(),
    description_of_work: 'Replace gas service',
    excavation: true,
    traffic_management_plan: false,
    lane_rental_applicable: false,
    works_location_description: 'Outside no. 12',
    collaborative_working: false,
    activity_type: 'utility_repair_and_maintenance_works',
    traffic_management_type: 'two_way_signals',
    application_type: 'permit',
    location_types: ['carriageway'],
    work_type: 'planned',
    close_footway: 'no',
    close_footpath: 'no',
  });

  it('answers every served operation with a conforming body', async () => {
    const soon = new Date(Date.now() + 10 * 86_400_000);
    const page = (
      await conforming(
        'reporting',
        'GET',
        '/permits?swa_code=4720&status=granted&work_status=planned',
        promoter,
        200,
      )
    ).body as {
      rows: {
        work_reference_number: string;
        permit_reference_number: string;
        usrn: number;
        works_coordinates: { coordinates: unknown };
      }[];
    };
    const seeded = page.rows[0];
    await conforming('work', 'GET', `/works/${seeded.work_reference_number}`, promoter, 200);
    await conforming(
      'work',
      'GET',
      `/works/${seeded.work_reference_number}/permits/${seeded.permit_reference_number}`,
      ha,
      200,
    );

    const street = (await conforming('lookup', 'GET', `/nsg/streets/${seeded.usrn}`, promoter, 200)).body as {
      street_centre_point: { coordinates: [number, number] };
    };
    const [e, n] = street.street_centre_point.coordinates;
    const found = (
      await conforming('lookup', 'POST', '/nsg/streets/search', promoter, 200, {
        coordinates: [
          { easting: e, northing: n },
          { easting: 0, northing: 0 },
        ],
      })
    ).body as { usrn: number }[];
    expect(found.map((s) => s.usrn)).toContain(seeded.usrn);
    await conforming('lookup', 'POST', '/nsg/streets/search', promoter, 200, {
      coordinates: [{ easting: 1, northing: 1 }],
    });
    await conforming('lookup', 'GET', '/nsg/search?query=Station', promoter, 200);

    const created = (
      await conforming('work', 'POST', '/works', promoter, 201, {
        ...permitBody(soon, 3),
        promoter_swa_code: '7374',
        highway_authority_swa_code: '4720',
        works_coordinates: { type: 'Point', coordinates: [e, n] },
        usrn: seeded.usrn,
      })
    ).body as { work_reference_number: string; permit_reference_number: string };
    const wrn = created.work_reference_number;
    await conforming(
      'work',
      'PUT',
      `/works/${wrn}/permits/${created.permit_reference_number}/status`,
      promoter,
      204,
      { permit_status: 'cancelled' },
    );
    const second = (
      await conforming('work', 'POST', `/works/${wrn}/permits`, promoter, 201, permitBody(soon, 4))
    ).body as { permit_reference_number: string };
    const prn = second.permit_reference_number;
    await conforming('work', 'PUT', `/works/${wrn}/permits/${prn}/assessment`, ha, 204, {
      assessment_status: 'granted',
      additional_comments: 'Granted',
    });
    await conforming('work', 'GET', `/works/${wrn}/permits/${prn}`, promoter, 200);

    const alteration = (
      await conforming('work', 'POST', `/works/${wrn}/permits/${prn}/alterations`, promoter, 201, {
        ...permitBody(soon, 6),
        permit_alteration_reason: 'More time',
      })
    ).body as { permit_alteration_reference_number: string };
    const alt = alteration.permit_alteration_reference_number;
    await conforming('work', 'GET', `/works/${wrn}/permits/${prn}/alterations/${alt}`, ha, 200);
    await conforming('work', 'PUT', `/works/${wrn}/permits/${prn}/alterations/${alt}/status`, ha, 204, {
      alteration_status: 'granted',
    });

    await conforming('work', 'PUT', `/works/${wrn}/start`, promoter, 204, {
      actual_start_date: new Date().toISOString(),
    });
    const inspection = (
      await conforming('work', 'POST', `/works/${wrn}/inspections`, ha, 201, {
        inspection_type: 'live_site',
        inspection_start_date: new Date().toISOString(),
        inspection_category: 'a',
        inspection_outcome: 'failed_low',
        inspection_evidence: false,
        username: userOf(sandbox, '4720').email,
        inspection_outcome_details: 'Barriers missing',
      })
    ).body as { inspection_reference_number: string };
    await conforming(
      'work',
      'GET',
      `/works/${wrn}/inspections/${inspection.inspection_reference_number}`,
      promoter,
      200,
    );

    const fpn = (
      await conforming('work', 'POST', `/works/${wrn}/fixed-penalty-notices`, ha, 201, {
        fpn_evidence: false,
        offence_date: new Date().toISOString(),
        offence_code: 'offence_code_08',
        offence_details: 'Condition breached',
        authorised_officer: 'A. Officer',
        officer_contact_details: 'officer@example.gov.uk',
        officer_address: '1 Civic Hall, Leeds',
        representations_contact: 'Street works team',
        representations_contact_address: '1 Civic Hall, Leeds',
        payment_methods: ['bank_transfer'],
      })
    ).body as { fpn_reference_number: string };
    await conforming(
      'work',
      'GET',
      `/works/${wrn}/fixed-penalty-notices/${fpn.fpn_reference_number}`,
      promoter,
      200,
    );
    await conforming(
      'work',
      'PUT',
      `/works/${wrn}/fixed-penalty-notices/${fpn.fpn_reference_number}/status`,
      promoter,
      204,
      { fpn_status: 'accepted' },
    );

    const comment = (
      await conforming('work', 'POST', `/works/${wrn}/comments`, ha, 201, {
        topic: 'GENERAL',
        detail: 'Please tidy the site',
      })
    ).body as {
      comment_reference_number: string;
    };
    await conforming(
      'work',
      'GET',
      `/works/${wrn}/comments/${comment.comment_reference_number}`,
      promoter,
      200,
    );
    await conforming(
      'work',
      'PUT',
      `/works/${wrn}/comments/${comment.comment_reference_number}/read`,
      promoter,
      201,
      {},
    );
    await conforming('work', 'PUT', `/works/${wrn}/stop`, promoter, 204, {
      actual_stop_date: new Date().toISOString(),
    });
    await conforming('work', 'GET', `/works/${wrn}`, promoter, 200);

    const activity = (
      await conforming('work', 'POST', '/activity', ha, 201, {
        usrn: seeded.usrn,
        activity_coordinates: { type: 'Point', coordinates: [e, n] },
        activity_name: 'Skip outside no. 3',
        activity_activity_type: 'skips',
        start_date: soon.toISOString(),
        end_date: new Date(soon.getTime() + 86_400_000).toISOString(),
        location_types: ['carriageway'],
        activity_location_description: 'Outside no. 3',
        traffic_management_type: 'no_carriageway_incursion',
        collaborative_working: false,
      })
    ).body as { activity_reference_number: string };
    await conforming('work', 'GET', `/activity/${activity.activity_reference_number}`, ha, 200);
    await conforming('work', 'PUT', `/activity/${activity.activity_reference_number}/cancel`, ha, 204, {
      cancellation_reason: 'Not needed',
    });

    const plan = (
      await conforming('work', 'POST', '/forward-plans', promoter, 201, {
        promoter_swa_code: '7374',
        highway_authority_swa_code: '4720',
        works_coordinates: {
          type: 'LineString',
          coordinates: [
            [e, n],
            [e + 20, n + 20],
          ],
        },
        usrn: seeded.usrn,
        start_date: new Date(Date.now() + 90 * 86_400_000).toISOString(),
        end_date: new Date(Date.now() + 95 * 86_400_000).toISOString(),
        description_of_work: 'Mains renewal programme',
        works_location_description: 'Whole street',
      })
    ).body as { work_reference_number: string; forward_plan_reference_number: string };
    await conforming(
      'work',
      'GET',
      `/works/${plan.work_reference_number}/forward-plans/${plan.forward_plan_reference_number}`,
      ha,
      200,
    );
    await conforming('work', 'GET', `/works/${plan.work_reference_number}`, promoter, 200);
    await conforming(
      'work',
      'PUT',
      `/works/${plan.work_reference_number}/forward-plans/${plan.forward_plan_reference_number}/cancel`,
      promoter,
      204,
      {
        cancelled_reason: 'Programme moved',
      },
    );

    const s81 = (
      await conforming('work', 'POST', '/section-81-works/section-81s', ha, 201, {
        promoter_swa_code: '7374',
        highway_authority_swa_code: '4720',
        works_coordinates: { type: 'Point', coordinates: [e, n] },
        usrn: seeded.usrn,
        location_description: 'Outside no. 40',
        location_types: ['footway'],
        inspection_date: new Date().toISOString(),
        section_81_type: 'cabinet',
        section_81_severity: 'high',
        made_safe_by_ha: false,
        additional_details: 'Cabinet door open',
        section_81_evidence: false,
      })
    ).body as { work_reference_number: string; section_81_reference_number: string };
    await conforming(
      'work',
      'GET',
      `/works/${s81.work_reference_number}/section-81s/${s81.section_81_reference_number}`,
      promoter,
      200,
    );
    await conforming(
      'work',
      'PUT',
      `/works/${s81.work_reference_number}/section-81s/${s81.section_81_reference_number}/status`,
      promoter,
      204,
      {
        section_81_status: 'acknowledged',
      },
    );
    await conforming('work', 'GET', `/works/${s81.work_reference_number}`, ha, 200);

    for (const list of [
      '/permits',
      '/alterations',
      '/fixed-penalty-notices',
      '/comments',
      '/inspections',
      '/forward-plans',
      '/section-81s',
      '/activities',
    ]) {
      await conforming('reporting', 'GET', list, promoter, 200);
      await conforming('reporting', 'GET', `${list}?include_total_count=true`, ha, 200);
    }
    await conforming('reporting', 'GET', `/works?work_reference_number=${wrn.slice(0, 6)}`, promoter, 200);

    const feed = (await conforming('event', 'GET', '/works/updates?update_id=0&page_size=250', ha, 200))
      .body as { rows: { update_id: number }[]; next_update: number | null };
    expect(feed.rows).toHaveLength(250);
    await conforming(
      'event',
      'GET',
      `/works/updates?update_id=${feed.next_update}&workstream_prefix=NGN&workstream_prefix=YWS`,
      ha,
      200,
    );
    await conforming(
      'event',
      'GET',
      `/works/updates?start_date=${new Date(Date.now() - 3_600_000).toISOString()}`,
      promoter,
      200,
    );
    const subscription = (
      await conforming('event', 'POST', '/api-notifications/subscribe', promoter, 201, {
        api_endpoint: 'https://gateway.example.test/street-manager/notifications',
      })
    ).body as {
      subscription_reference_number: string;
    };
    await conforming('event', 'POST', '/api-notifications/unsubscribe', promoter, 204, {
      subscription_reference_number: subscription.subscription_reference_number,
    });

    for (const list of [
      '/permits-about-to-deem',
      '/potential-works-overrunning',
      '/change-requests-about-to-deem',
    ]) {
      await conforming('worklist', 'GET', list, ha, 200);
    }
    for (const list of ['/work-stops-due', '/work-starts-due', '/refused-permits']) {
      await conforming('worklist', 'GET', list, promoter, 200);
    }
    await conforming('worklist', 'DELETE', `/potential-works-overrunning/${prn}`, ha, 204);

    await conforming('party', 'GET', '/organisations', promoter, 200);
    await conforming('party', 'GET', '/organisations?type=HA', promoter, 200);
    await conforming('party', 'GET', '/organisations/7374', promoter, 200);

    const box = `minEasting=${e - 300}&minNorthing=${n - 300}&maxEasting=${e + 300}&maxNorthing=${n + 300}`;
    await conforming('geojson', 'GET', `/works?${box}`, promoter, 200);
    await conforming('geojson', 'GET', `/activities?${box}`, ha, 200);
    await conforming('geojson', 'GET', `/forward-plans?${box}`, ha, 200);

    const fresh = await login(sandbox, userOf(sandbox, '4225'));
    await conforming('work', 'POST', '/authenticate', undefined, 200, {
      emailAddress: userOf(sandbox, '4605').email,
      password: userOf(sandbox, '4605').password,
    });
    await conforming('party', 'POST', '/refresh', undefined, 200, { refresh_token: fresh.refreshToken });
    await conforming('party', 'POST', '/logout', undefined, 204, { access_token: fresh.accessToken });

    expect(violations).toEqual([]);
    expect(new Set(checked).size).toBeGreaterThanOrEqual(58);
    const stats = (await call('GET', `${sandbox.url}/__admin/stats`)).body as {
      contractViolations: unknown[];
    };
    expect(stats.contractViolations).toEqual([]);
  });
});
