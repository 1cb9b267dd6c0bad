import { createSandbox } from '../../src/sandbox/sandbox';
import type { RunningSandbox } from '../../src/sandbox/sandbox.types';
import { call, login, userOf } from './sandbox-http';

interface Page {
  pagination: { has_next_page: boolean; total_rows: number };
  rows: Record<string, unknown>[];
}

/** What V6 added to the sandbox: worklists, the values V6 added to enums, the change record, subscriptions. */
describe('sandbox V6 additions', () => {
  let sandbox: RunningSandbox;
  let promoter: string;
  let ha: string;

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 1 });
    promoter = (await login(sandbox, userOf(sandbox, '7374'))).idToken;
    ha = (await login(sandbox, userOf(sandbox, '4720'))).idToken;
  });
  afterAll(() => sandbox.close());

  const get = (api: keyof RunningSandbox['baseUrls'], path: string, token: string) =>
    call('GET', `${sandbox.baseUrls[api]}${path}`, { token });

  async function everyRow(path: string, token: string): Promise<Record<string, unknown>[]> {
    const rows: Record<string, unknown>[] = [];
    for (let offset = 0; ; offset += 25) {
      const page = (await get('reporting', `${path}${path.includes('?') ? '&' : '?'}offset=${offset}`, token))
        .body as Page;
      rows.push(...page.rows);
      if (!page.pagination.has_next_page) {
        return rows;
      }
    }
  }

  it('keeps the seeded references that tests and documentation name', async () => {
    expect((await get('work', '/works/NGN0002163600', promoter)).status).toBe(200);
    expect(
      (await get('work', '/works/NGN0002130403/fixed-penalty-notices/NGN0002130403-FPN-01', promoter)).status,
    ).toBe(200);
    expect(
      (await get('work', '/works/NGN0000188644/inspections/NGN0000188644-INSP-01', promoter)).status,
    ).toBe(200);
    expect((await get('work', '/activity/ACTLCC000001', ha)).status).toBe(200);
  });

  it('seeds the values V6 added to permit, traffic management, inspection, section 81 and comment enums', async () => {
    const permits = await everyRow('/permits', ha);
    expect(permits.length).toBeGreaterThan(100);
    const statuses = new Set(permits.map((r) => r.status));
    expect([...statuses]).toEqual(
      expect.arrayContaining(['under_assessment', 'refused', 'granted', 'submitted']),
    );
    expect(permits.map((r) => r.traffic_management_type)).toContain('temp_obstruction_15_minute_delay');
    const inspections = await everyRow('/inspections', ha);
    expect(inspections.map((r) => r.inspection_type)).toContain('investigatory_works');
    expect(inspections.map((r) => r.inspection_outcome)).toContain('failed');
    expect(
      inspections.some((r) =>
        ['core_sample', 'trial_hole', 'skid_resistance', 'surface_regularity', 'texture_depth'].includes(
          String(r.inspection_category),
        ),
      ),
    ).toBe(true);
    const all81s = (
      await Promise.all(
        ['7374', '2010', '7301', '7006'].map(async (swa) =>
          everyRow('/section-81s', (await login(sandbox, userOf(sandbox, swa))).idToken),
        ),
      )
    ).flat();
    expect(all81s.map((r) => r.section_81_status)).toContain('reassigned');
    expect(all81s.map((r) => r.section_81_type)).toContain('unattributed_works_live_site');
    const comments = await everyRow('/comments', ha);
    expect(comments.map((r) => r.topic)).toContain('UNATTRIBUTED_WORKS');
  });

  it('answers each worklist to its side only, from the state, and forgets a dismissed overrun', async () => {
    const haLists = [
      '/permits-about-to-deem',
      '/potential-works-overrunning',
      '/change-requests-about-to-deem',
    ];
    const promoterLists = ['/work-stops-due', '/work-starts-due', '/refused-permits'];
    for (const list of haLists) {
      expect((await get('worklist', list, ha)).status).toBe(200);
      expect((await get('worklist', list, promoter)).body).toEqual({
        message: 'Access restricted',
        error: { status: 401 },
      });
    }
    for (const list of promoterLists) {
      expect((await get('worklist', list, promoter)).status).toBe(200);
      expect((await get('worklist', list, ha)).status).toBe(401);
    }
    const refused = (await get('worklist', '/refused-permits', promoter)).body as {
      permit_reference_number: string;
      reasons_for_refusal: string[];
    }[];
    expect(refused.length).toBeGreaterThan(0);
    const refusedInReporting = (await everyRow('/permits?status=refused', promoter)).map(
      (r) => r.permit_reference_number,
    );
    expect(refused.map((r) => r.permit_reference_number).sort()).toEqual([...refusedInReporting].sort());

    const overrunning = (await get('worklist', '/potential-works-overrunning', ha)).body as {
      permit_reference_number: string;
      reasonable_period_end_date: string;
    }[];
    expect(overrunning.length).toBeGreaterThan(0);
    const today = Math.floor(Date.now() / 86_400_000) * 86_400_000;
    for (const row of overrunning) {
      const end = Date.parse(row.reasonable_period_end_date);
      expect(end).toBeLessThan(today);
      expect(end).toBeGreaterThanOrEqual(today - 7 * 86_400_000);
    }
    const dismissed = overrunning[0].permit_reference_number;
    expect(
      (
        await call('DELETE', `${sandbox.baseUrls.worklist}/potential-works-overrunning/${dismissed}`, {
          token: ha,
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await call('DELETE', `${sandbox.baseUrls.worklist}/potential-works-overrunning/${dismissed}`, {
          token: ha,
        })
      ).status,
    ).toBe(204);
    const after = (await get('worklist', '/potential-works-overrunning', ha)).body as {
      permit_reference_number: string;
    }[];
    expect(after.map((r) => r.permit_reference_number)).toEqual(
      overrunning.slice(1).map((r) => r.permit_reference_number),
    );
  });

  it('lists activities through the Reporting API without a bounding box, an authority its own', async () => {
    const own = (await get('reporting', '/activities?include_total_count=true', ha)).body as Page;
    expect(own.pagination.total_rows).toBe(12);
    expect(own.rows.every((r) => r.ha_organisation_name === 'Leeds City Council')).toBe(true);
    const skips = (await get('reporting', '/activities?activity_activity_type=skips', promoter)).body as Page;
    expect(skips.rows.length).toBeGreaterThan(0);
    expect(skips.rows.every((r) => r.activity_activity_type === 'skips')).toBe(true);
    expect((await get('reporting', '/activities?activity_activity_type=bonfire', promoter)).status).toBe(400);
  });

  it('records every change in the Event API feed through one hook, and keeps subscriptions per organisation', async () => {
    const subscribed = await call('POST', `${sandbox.baseUrls.event}/api-notifications/subscribe`, {
      token: promoter,
      body: {
        api_endpoint: 'https://gateway.example.test/hooks/street-manager',
        subscription_description: 'gateway',
      },
    });
    expect(subscribed).toMatchObject({
      status: 201,
      body: { subscription_reference_number: expect.stringMatching(/^SUB\d{6}$/) as string },
    });
    const reference = (subscribed.body as { subscription_reference_number: string })
      .subscription_reference_number;
    expect(
      (
        await call('POST', `${sandbox.baseUrls.event}/api-notifications/unsubscribe`, {
          token: ha,
          body: { subscription_reference_number: reference },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call('POST', `${sandbox.baseUrls.event}/api-notifications/subscribe`, {
          token: promoter,
          body: { api_endpoint: 'not a url' },
        })
      ).status,
    ).toBe(400);

    const start = (
      await get('event', `/works/updates?start_date=${new Date(Date.now() - 60_000).toISOString()}`, ha)
    ).body as { rows: unknown[] };
    expect(start.rows).toEqual([]);
    const wrn = 'NGN0002163600';
    const work = (await get('work', `/works/${wrn}`, ha)).body as {
      active_permit: { permit_reference_number: string };
    };
    const comment = await call('POST', `${sandbox.baseUrls.work}/works/${wrn}/comments`, {
      token: ha,
      body: { topic: 'GENERAL', detail: 'Please call the site manager' },
    });
    expect(comment.status).toBe(201);
    const feed = (
      await get('event', `/works/updates?start_date=${new Date(Date.now() - 60_000).toISOString()}`, promoter)
    ).body as { rows: Record<string, unknown>[] };
    expect(feed.rows).toEqual([
      expect.objectContaining({
        work_reference_number: wrn,
        event_type: 'comment_submitted',
        object_type: 'comment',
        object_reference_number: (comment.body as { comment_reference_number: string })
          .comment_reference_number,
      }),
    ]);
    // exclude_events_from leaves out one user's own changes (a gateway excludes its own writes this way)
    const others = (
      await get(
        'event',
        `/works/updates?start_date=${new Date(Date.now() - 60_000).toISOString()}&exclude_events_from=${encodeURIComponent(userOf(sandbox, '4720').email)}`,
        promoter,
      )
    ).body as { rows: unknown[] };
    expect(others.rows).toEqual([]);
    expect(work.active_permit.permit_reference_number).toBe(`${wrn}-01`);
  });
});
