import { createSandbox } from '../../src/sandbox/sandbox';
import type { RunningSandbox } from '../../src/sandbox/sandbox.types';
import { call, login, userOf } from '../support';

interface Page {
  pagination: { has_next_page: boolean; total_rows: number };
  rows: Record<string, unknown>[];
}

describe('sandbox data: paging, filters, sorting, visibility, state, determinism', () => {
  let sandbox: RunningSandbox;
  let promoter: string;
  let ha: string;
  let contractor: string;
  const reporting = (path: string, token: string) =>
    call('GET', `${sandbox.baseUrls.reporting}${path}`, { token });
  /** the reporting lists count their rows only when asked (V6 include_total_count) */
  const counted = (path: string, token: string) =>
    reporting(`${path}${path.includes('?') ? '&' : '?'}include_total_count=true`, token);
  const events = (path: string, token: string) => call('GET', `${sandbox.baseUrls.event}${path}`, { token });

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 11, referenceTime: '2026-06-01T00:00:00Z' });
    promoter = (await login(sandbox, userOf(sandbox, '7374'))).idToken;
    ha = (await login(sandbox, userOf(sandbox, '4720'))).idToken;
    contractor = (await login(sandbox, userOf(sandbox, '9501'))).idToken;
  });
  afterAll(() => sandbox.close());

  it('pages by 25 rows with offset, has_next_page and an empty page past the end', async () => {
    const uncounted = (await reporting('/permits', promoter)).body as Page;
    expect(uncounted.pagination).toEqual({ has_next_page: true, total_rows: 0 });
    const first = (await counted('/permits', promoter)).body as Page;
    const total = first.pagination.total_rows;
    expect(total).toBeGreaterThan(50);
    expect(total).toBeLessThan(501);
    expect(first.rows).toHaveLength(25);
    expect(first.pagination.has_next_page).toBe(true);
    const lastOffset = Math.floor((total - 1) / 25) * 25;
    const last = (await counted(`/permits?offset=${lastOffset}`, promoter)).body as Page;
    expect(last.rows).toHaveLength(total - lastOffset);
    expect(last.pagination).toEqual({ has_next_page: false, total_rows: total });
    const past = (await counted(`/permits?offset=${lastOffset + 25}`, promoter)).body as Page;
    expect(past).toEqual({ pagination: { has_next_page: false, total_rows: total }, rows: [] });
    const seen = new Set<unknown>();
    for (let offset = 0; offset < total; offset += 25) {
      ((await reporting(`/permits?offset=${offset}`, promoter)).body as Page).rows.forEach((r) =>
        seen.add(r.permit_reference_number),
      );
    }
    expect(seen.size).toBe(total);
    expect((await reporting('/permits?offset=-1', promoter)).status).toBe(400);
  });

  it('caps total_rows at 501 while paging on through the rest', async () => {
    const big = await createSandbox({ seed: 5, works: 1500, referenceTime: '2026-06-01T00:00:00Z' });
    try {
      const token = (await login(big, userOf(big, '7374'))).idToken;
      const page = (
        await call(
          'GET',
          `${big.baseUrls.reporting}/permits?sort_column=start_date&include_total_count=true`,
          { token },
        )
      ).body as Page;
      expect(page.pagination).toEqual({ has_next_page: true, total_rows: 501 });
      const beyond = (
        await call('GET', `${big.baseUrls.reporting}/permits?offset=525&include_total_count=true`, { token })
      ).body as Page;
      expect(beyond.rows.length).toBeGreaterThan(0);
      expect(beyond.pagination.total_rows).toBe(501);
    } finally {
      await big.close();
    }
  });

  it('filters by status, work status, category, dates and references, and sorts both ways', async () => {
    const granted = (await reporting('/permits?status=granted&status=closed', promoter)).body as Page;
    expect(granted.rows.length).toBeGreaterThan(0);
    expect(granted.rows.every((r) => r.status === 'granted' || r.status === 'closed')).toBe(true);
    const planned = (await reporting('/permits?work_status=planned&work_category=minor', promoter))
      .body as Page;
    expect(planned.rows.every((r) => r.work_status === 'planned' && r.work_category === 'minor')).toBe(true);
    const from = '2026-06-10T00:00:00.000Z';
    const to = '2026-06-20T00:00:00.000Z';
    const inRange = (await reporting(`/permits?start_date=${from}&end_date=${to}`, promoter)).body as Page;
    expect(
      inRange.rows.every((r) => String(r.proposed_end_date) >= from && String(r.proposed_start_date) <= to),
    ).toBe(true);

    const asc = (await reporting('/permits?sort_column=start_date&sort_direction=asc', promoter))
      .body as Page;
    const starts = asc.rows.map((r) => String(r.proposed_start_date));
    expect(starts).toEqual([...starts].sort());
    const desc = (await reporting('/permits?sort_column=deadline_date&sort_direction=desc', promoter))
      .body as Page;
    const deadlines = desc.rows.map((r) => String(r.deadline_date));
    expect(deadlines).toEqual([...deadlines].sort().reverse());
    expect((await reporting('/permits?sort_column=colour', promoter)).status).toBe(400);

    const reference = String(asc.rows[0].work_reference_number);
    const byReference = (await reporting(`/permits?work_reference_number=${reference}`, promoter))
      .body as Page;
    expect(byReference.rows.map((r) => r.work_reference_number)).toEqual([reference]);
    const byStreet = (
      await reporting(
        `/permits?street_descriptor=${encodeURIComponent(String(asc.rows[0].street))}`,
        promoter,
      )
    ).body as Page;
    expect(byStreet.rows.length).toBeGreaterThan(0);
    expect(byStreet.rows.every((r) => r.street === asc.rows[0].street)).toBe(true);
    // V6 has no free-text `query` on these lists: the sandbox refuses what Street Manager does not declare
    const refused = await reporting(`/permits?query=${reference}`, promoter);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      message:
        'Request does not match the Street Manager contract: query query is not a parameter of GET /permits',
      error: { status: 400 },
    });
    expect((await reporting('/permits?status=hibernating', promoter)).status).toBe(400);

    const failed = (await reporting('/inspections?inspection_outcome=failed_low', ha)).body as Page;
    expect(failed.rows.every((r) => r.inspection_outcome === 'failed_low')).toBe(true);
  });

  it('shows a promoter its own works, an authority its area, a contractor its promoter, and refuses the rest with 401', async () => {
    const own = (await reporting('/permits', promoter)).body as Page;
    expect(own.rows.every((r) => r.promoter_swa_code === '7374')).toBe(true);
    const area = (await reporting('/permits', ha)).body as Page;
    expect(area.rows.every((r) => r.highway_authority === 'Leeds City Council')).toBe(true);
    const forPromoter = (await counted('/permits', contractor)).body as Page;
    expect(forPromoter.pagination.total_rows).toBe(
      ((await counted('/permits', promoter)).body as Page).pagination.total_rows,
    );

    const others = (await reporting('/permits', (await login(sandbox, userOf(sandbox, '2010'))).idToken))
      .body as Page;
    const foreign = String(others.rows[0].work_reference_number);
    const refused = await call('GET', `${sandbox.baseUrls.work}/works/${foreign}`, { token: promoter });
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ message: 'Access restricted', error: { status: 401 } });
    expect(
      (await call('GET', `${sandbox.baseUrls.work}/works/NOSUCHWORK1`, { token: promoter })).body,
    ).toEqual({
      message: 'Work not found',
      error: { status: 404 },
    });
  });

  it('shows a created work in reads, lists and the Event API feed with increasing update ids', async () => {
    let lastId = 0;
    let pages = 0;
    for (let cursor: number | null = 0; cursor !== null; pages++) {
      const feed = (await events(`/works/updates?update_id=${cursor}&page_size=250`, ha)).body as {
        rows: { update_id: number }[];
        next_update: number | null;
      };
      expect(feed.rows.length).toBeLessThanOrEqual(250);
      if (feed.rows.length > 0) {
        expect(feed.rows[0].update_id).toBeGreaterThan(lastId);
        lastId = feed.rows[feed.rows.length - 1].update_id;
      }
      // next_update names where to read on while rows are waiting, and is null once the feed is drained
      if (feed.rows.length < 250) {
        expect(feed.next_update).toBeNull();
      }
      if (feed.next_update !== null) {
        expect(feed.next_update).toBe(lastId);
      }
      cursor = feed.next_update;
    }
    expect(pages).toBeGreaterThan(1);
    expect((await events('/works/updates?update_id=0&page_size=251', ha)).status).toBe(400);
    const start = new Date(Date.now() + 5 * 86_400_000);
    const created = await call('POST', `${sandbox.baseUrls.work}/works`, {
      token: promoter,
      body: {
        promoter_swa_code: '7374',
        highway_authority_swa_code: '4720',
        works_coordinates: {
          type: 'Polygon',
          coordinates: [
            [
              [430000, 430000],
              [430010, 430000],
              [430010, 430010],
              [430000, 430000],
            ],
          ],
        },
        usrn: 99999999,
        street_name: 'New Street',
        work_reference_number: 'GW-TEST-0001',
        secondary_contact: 'Pat',
        secondary_contact_number: '0113 000 0000',
        proposed_start_date: start.toISOString(),
        proposed_end_date: new Date(start.getTime() + 2 * 86_400_000).toISOString(),
        description_of_work: 'Gateway test work',
        excavation: false,
        traffic_management_plan: false,
        lane_rental_applicable: false,
        collaborative_working: false,
        activity_type: 'utility_asset_works',
        traffic_management_type: 'lane_closure',
        application_type: 'permit',
        location_types: ['footway'],
        work_type: 'planned',
        close_footway: 'no',
        close_footpath: 'no',
        works_location_description: 'Outside the station',
      },
    });
    expect(created).toMatchObject({
      status: 201,
      body: { work_reference_number: 'GW-TEST-0001', permit_reference_number: 'GW-TEST-0001-01' },
    });
    const duplicate = await call('POST', `${sandbox.baseUrls.work}/works`, {
      token: promoter,
      body: JSON.parse(JSON.stringify({ ...(created.body as object) })),
    });
    expect(duplicate.status).toBe(400);

    const read = await call('GET', `${sandbox.baseUrls.work}/works/GW-TEST-0001`, { token: ha });
    expect(read.body).toMatchObject({
      work_reference_number: 'GW-TEST-0001',
      street_name: 'New Street',
      work_status: 'planned',
      active_permit: { permit_status: 'submitted' },
    });
    const listed = (await reporting('/permits?work_reference_number=GW-TEST-0001', ha)).body as Page;
    expect(listed.rows.map((r) => r.permit_reference_number)).toEqual(['GW-TEST-0001-01']);
    const searched = (await reporting('/works?work_reference_number=GW-TEST', ha)).body as {
      rows: Record<string, unknown>[];
    };
    expect(searched.rows).toEqual([
      expect.objectContaining({
        work_reference_number: 'GW-TEST-0001',
        street: 'New Street',
        work_status: 'planned',
      }),
    ]);
    const updates = (
      (await events(`/works/updates?update_id=${lastId}`, ha)).body as { rows: Record<string, unknown>[] }
    ).rows;
    expect(updates).toEqual([
      {
        work_reference_number: 'GW-TEST-0001',
        update_id: expect.any(Number) as number,
        update_date_time: expect.any(String) as string,
        event_type: 'permit_submitted',
        event_type_string: 'Permit submitted',
        object_type: 'permit',
        object_type_string: 'Permit',
        object_reference_number: 'GW-TEST-0001-01',
        parent_object_reference_number: null,
      },
    ]);
    const createdId = (updates[0] as { update_id: number }).update_id;
    expect(createdId).toBeGreaterThan(lastId);
    await call('PUT', `${sandbox.baseUrls.work}/works/GW-TEST-0001/permits/GW-TEST-0001-01/assessment`, {
      token: ha,
      body: { assessment_status: 'granted' },
    });
    const next = (await events(`/works/updates?update_id=${createdId}`, promoter)).body as {
      rows: Record<string, unknown>[];
      next_update: number | null;
    };
    expect(next).toEqual({
      rows: [
        expect.objectContaining({
          work_reference_number: 'GW-TEST-0001',
          update_id: createdId + 1,
          event_type: 'permit_granted',
        }),
      ],
      next_update: null,
    });
    // a foreign organisation does not see the update
    const other = (await login(sandbox, userOf(sandbox, '4225'))).idToken;
    expect((await events(`/works/updates?update_id=${lastId}`, other)).body).toEqual({
      rows: [],
      next_update: null,
    });
    expect((await events('/works/updates', ha)).status).toBe(400);
    expect((await reporting('/works/updates?update_id=0', ha)).status).toBe(404);
  });

  it('answers 403 when a GeoJSON query would return more than 100 features', async () => {
    const whole = 'minEasting=424000&minNorthing=428000&maxEasting=436000&maxNorthing=440000';
    const refused = await call('GET', `${sandbox.baseUrls.geojson}/works?${whole}`, { token: promoter });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      message: expect.stringContaining('100 features') as string,
      error: { status: 403 },
    });
    const small = await call(
      'GET',
      `${sandbox.baseUrls.geojson}/works?minEasting=429000&minNorthing=432000&maxEasting=430000&maxNorthing=433000`,
      { token: promoter },
    );
    expect(small.status).toBe(200);
    expect(
      (await call('GET', `${sandbox.baseUrls.geojson}/works?minEasting=1`, { token: promoter })).status,
    ).toBe(400);
  });

  it('serves identical data from two sandboxes with the same seed, and other data with another seed', async () => {
    const options = { seed: 21, referenceTime: '2026-06-01T00:00:00Z' };
    const [a, b, c] = await Promise.all([
      createSandbox(options),
      createSandbox(options),
      createSandbox({ ...options, seed: 22 }),
    ]);
    try {
      const get = async (box: RunningSandbox, path: string) =>
        (
          await call('GET', box.baseUrls.reporting + path, {
            token: (await login(box, userOf(box, '4720'))).idToken,
          })
        ).body;
      for (const path of [
        '/permits?offset=50',
        '/inspections',
        '/comments',
        '/forward-plans',
        '/activities',
      ]) {
        expect(await get(b, path)).toEqual(await get(a, path));
      }
      const feed = async (box: RunningSandbox) =>
        (
          await call('GET', `${box.baseUrls.event}/works/updates?update_id=0`, {
            token: (await login(box, userOf(box, '4720'))).idToken,
          })
        ).body;
      expect(await feed(b)).toEqual(await feed(a));
      const row = ((await get(a, '/permits')) as Page).rows[3];
      const wrn = String(row.work_reference_number);
      const work = async (box: RunningSandbox) =>
        (
          await call('GET', `${box.baseUrls.work}/works/${wrn}`, {
            token: (await login(box, userOf(box, '4720'))).idToken,
          })
        ).body;
      expect(await work(b)).toEqual(await work(a));
      expect(await get(c, '/permits')).not.toEqual(await get(a, '/permits'));
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it('looks streets up by up to 10 points and by USRN, and finds nothing off the network', async () => {
    const row = ((await reporting('/permits?work_status=completed', ha)).body as Page).rows[0];
    const street = (
      await call('GET', `${sandbox.baseUrls.lookup}/nsg/streets/${String(row.usrn)}`, { token: ha })
    ).body as {
      usrn: number;
      street_centre_point: { coordinates: [number, number] };
    };
    expect(street.usrn).toBe(row.usrn);
    const [e, n] = street.street_centre_point.coordinates;
    const search = (coordinates: { easting: number; northing: number }[]) =>
      call('POST', `${sandbox.baseUrls.lookup}/nsg/streets/search`, { token: ha, body: { coordinates } });
    const near = (await search([{ easting: e, northing: n }])).body as { usrn: number }[];
    expect(near[0].usrn).toBe(row.usrn);
    expect(await search([{ easting: 100, northing: 100 }])).toMatchObject({ status: 200, body: [] });
    expect((await search([])).status).toBe(400);
    expect((await search(Array.from({ length: 11 }, (_, i) => ({ easting: i, northing: i })))).status).toBe(
      400,
    );
    expect(
      (
        await search([
          { easting: 1, northing: 1 },
          { easting: 1, northing: 1 },
        ])
      ).status,
    ).toBe(400);
    expect(
      (await call('GET', `${sandbox.baseUrls.lookup}/nsg/streets?easting=${e}&northing=${n}`, { token: ha }))
        .status,
    ).toBe(404);
    expect((await call('GET', `${sandbox.baseUrls.lookup}/nsg/streets/1`, { token: ha })).status).toBe(404);
  });
});
