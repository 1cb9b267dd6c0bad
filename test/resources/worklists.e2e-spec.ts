import { createSandbox } from '../../src/sandbox/sandbox';
import type { RunningSandbox } from '../../src/sandbox/sandbox.types';
import { endpointsFromSandbox } from '../../src/sandbox/sandbox-endpoints';
import { STREET_MANAGER_ENDPOINTS } from '../../src/upstreams/street-manager/street-manager-endpoints';
import { bootApp, type BootedApp } from '../helpers/boot-app';
import {
  AUTHORITY_KEY,
  client,
  type CollectionBody,
  DEMO_KEY,
  KEY_HEADER,
  PROMOTER_KEY,
  TestClock,
} from '../support';

type Link = { rel: string; href: string; type: string };
type Item = Record<string, unknown> & {
  permitReferenceNumber: string;
  workReferenceNumber: string;
  links: Link[];
};

interface Stats {
  requests: Record<string, number>;
  contractViolations: unknown[];
  operations: Record<string, number>;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
/** The sandbox's day, pinned (its clock and the seed's reference time), so the day-bound lists do not depend on when the test runs. */
const TODAY = '2026-12-07';
const START_OF_TODAY = Date.parse(`${TODAY}T00:00:00Z`);

/*
 * The worklists through the whole gateway, against a sandbox that also checks every answer it sends against the V6
 * files (checkAnswers), with the default data set (600 works, dated around TODAY, 09:30 UTC on the sandbox's clock): authority 4720 has 10 permits
 * about to deem and 3 potential overruns, promoter 7374 has 5 work stops due and 10 refused permits.
 */
describe('worklists', () => {
  let sandbox: RunningSandbox;
  let booted: BootedApp;

  const stats = async (): Promise<Stats> =>
    (await (await fetch(`${sandbox.url}/__admin/stats`)).json()) as Stats;
  const list = async (path: string, key: string): Promise<CollectionBody<Item>> =>
    (await client(booted, key).get(path).expect(200)).body as CollectionBody<Item>;

  beforeAll(async () => {
    // One clock for the sandbox and the gateway, running from 09:30 on the pinned day: the sandbox's tokens are issued in it.
    const clock = new TestClock({ startAt: START_OF_TODAY + 9.5 * 3_600_000 });
    sandbox = await createSandbox({ checkAnswers: true, referenceTime: START_OF_TODAY, clock });
    booted = await bootApp({
      clock,
      overrides: [{ provide: STREET_MANAGER_ENDPOINTS, useValue: endpointsFromSandbox(sandbox) }],
    });
  });
  afterAll(async () => {
    await booted?.close();
    await sandbox?.close();
  });

  describe('permits about to deem (authority)', () => {
    it('lists the authority’s permits deeming today, earliest first, each linked to its permit and work and offered for assessment', async () => {
      const body = await list('/v1/deeming-permits', AUTHORITY_KEY);
      expect(body.metadata.resultset).toEqual({
        count: 10,
        countIsLowerBound: false,
        offset: 0,
        limit: 20,
        page: 1,
      });
      expect(body.results).toHaveLength(10);
      const first = body.results[0];
      expect(first).toEqual({
        permitReferenceNumber: expect.stringMatching(/^[A-Z0-9]+-\d{2}$/),
        workReferenceNumber: first.permitReferenceNumber.slice(0, -3),
        location: expect.any(String),
        promoterName: expect.any(String),
        deemDate: expect.stringMatching(DATE_TIME),
        submittedDate: expect.stringMatching(DATE_TIME),
        workCategory: expect.stringMatching(/^(minor|standard|major)$/),
        highestTrafficManagementType: expect.any(String),
        proposedStartDate: expect.stringMatching(DATE),
        proposedEndDate: expect.stringMatching(DATE),
        links: [
          { rel: 'permit', href: `/v1/permits/${first.permitReferenceNumber}`, type: 'GET' },
          { rel: 'work', href: `/v1/works/${first.workReferenceNumber}`, type: 'GET' },
          { rel: 'assess', href: `/v1/permits/${first.permitReferenceNumber}/assessment`, type: 'PUT' },
        ],
      });
      // Today (UTC) is when they deem; the labels Street Manager sends are mapped to the v1 codes, never `unknown` here.
      expect(body.results.every((r) => String(r.deemDate).startsWith(TODAY))).toBe(true);
      expect(body.results.some((r) => r.highestTrafficManagementType === 'unknown')).toBe(false);
      const keys = body.results.map((r) => `${String(r.deemDate)} ${r.permitReferenceNumber}`);
      expect(keys).toEqual([...keys].sort());

      // The permit it names is there to read, and is one the authority has still to assess.
      const permit = (
        await client(booted, AUTHORITY_KEY).get(`/v1/permits/${first.permitReferenceNumber}`).expect(200)
      ).body as { status: string };
      expect(['submitted', 'under_assessment']).toContain(permit.status);
    });

    it('pages by offset and by page number, exactly, with paging links', async () => {
      const all = (await list('/v1/deeming-permits', AUTHORITY_KEY)).results.map(
        (r) => r.permitReferenceNumber,
      );
      const window = await list('/v1/deeming-permits?offset=3&limit=4', AUTHORITY_KEY);
      expect(window.results.map((r) => r.permitReferenceNumber)).toEqual(all.slice(3, 7));
      expect(window.metadata.resultset).toEqual({ count: 10, countIsLowerBound: false, offset: 3, limit: 4 });
      expect(window.links).toEqual([
        { rel: 'self', href: '/v1/deeming-permits?offset=3&limit=4', type: 'GET' },
        { rel: 'first-page', href: '/v1/deeming-permits?offset=0&limit=4', type: 'GET' },
        { rel: 'prev-page', href: '/v1/deeming-permits?offset=0&limit=4', type: 'GET' },
        { rel: 'next-page', href: '/v1/deeming-permits?offset=7&limit=4', type: 'GET' },
        { rel: 'last-page', href: '/v1/deeming-permits?offset=7&limit=4', type: 'GET' },
      ]);
      const last = await list('/v1/deeming-permits?page=3&limit=4', AUTHORITY_KEY);
      expect(last.results.map((r) => r.permitReferenceNumber)).toEqual(all.slice(8));
      expect(last.metadata.resultset).toEqual({
        count: 10,
        countIsLowerBound: false,
        offset: 8,
        limit: 4,
        page: 3,
      });
      expect(last.links.map((l) => l.rel)).toEqual(['self', 'first-page', 'prev-page', 'last-page']);
      const past = await list('/v1/deeming-permits?page=9&limit=4', AUTHORITY_KEY);
      expect(past.results).toEqual([]);

      const bad = await client(booted, AUTHORITY_KEY)
        .get('/v1/deeming-permits?limit=101&page=1&offset=2')
        .expect(400);
      expect((bad.body as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    });

    it('selects fields, refusing unknown ones', async () => {
      const body = await list(
        '/v1/deeming-permits?fields=permitReferenceNumber,deemDate&limit=2',
        AUTHORITY_KEY,
      );
      expect(body.results.map((r) => Object.keys(r).sort())).toEqual([
        ['deemDate', 'links', 'permitReferenceNumber'],
        ['deemDate', 'links', 'permitReferenceNumber'],
      ]);
      const bad = await client(booted, AUTHORITY_KEY).get('/v1/deeming-permits?fields=colour').expect(400);
      expect(JSON.stringify(bad.body)).toContain('colour');
    });

    it('answers XML when asked', async () => {
      const res = await booted.http
        .get('/v1/deeming-permits?limit=2')
        .set(KEY_HEADER, AUTHORITY_KEY)
        .set('Accept', 'application/xml')
        .expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/xml/);
      expect(res.text).toMatch(/^<\?xml[^>]*>\s*<deemingPermits>\s*<metadata>/);
      expect(res.text).toMatch(/<results>\s*<result>\s*<permitReferenceNumber>/);
      const suffix = await booted.http
        .get('/v1/deeming-permits.xml?limit=1')
        .set(KEY_HEADER, AUTHORITY_KEY)
        .expect(200);
      expect(suffix.text).toContain('<deemingPermits>');
    });
  });

  describe('the wrong kind of caller', () => {
    it('gets 403 naming its organisation and what it is, and Street Manager is not asked', async () => {
      const before = (await stats()).requests.worklist;
      const promoter = await client(booted, PROMOTER_KEY).get('/v1/deeming-permits').expect(403);
      expect(promoter.body).toEqual({
        error: {
          code: 'FORBIDDEN',
          message:
            "Permits about to deem is a highway authority's worklist; your requests act in Street Manager for organisation 7374, a promoter",
          requestId: expect.any(String),
        },
      });
      // The demo key is bound to no organisation: it acts as the default credential, promoter 7374.
      await client(booted, DEMO_KEY).get('/v1/potential-overruns').expect(403);
      const authority = await client(booted, AUTHORITY_KEY).get('/v1/refused-permits?limit=5').expect(403);
      expect((authority.body as { error: { message: string } }).error.message).toBe(
        "Refused permits is a promoter's (or its contractor's) worklist; your requests act in Street Manager for organisation 4720, a highway authority",
      );
      await client(booted, AUTHORITY_KEY).get('/v1/due-work-stops').expect(403);
      expect((await stats()).requests.worklist).toBe(before);
    });

    it('needs credentials', async () => {
      await booted.http.get('/v1/refused-permits').expect(401);
      await booted.http.delete('/v1/potential-overruns/NGN0000847560-01').expect(401);
    });
  });

  describe('work stops due (promoter)', () => {
    it('lists started works due to stop yesterday to tomorrow, earliest proposed end first; the demo key sees the same', async () => {
      const body = await list('/v1/due-work-stops', PROMOTER_KEY);
      expect(body.metadata.resultset).toEqual({
        count: 5,
        countIsLowerBound: false,
        offset: 0,
        limit: 20,
        page: 1,
      });
      const first = body.results[0];
      expect(first).toEqual({
        permitReferenceNumber: expect.any(String),
        workReferenceNumber: first.permitReferenceNumber.slice(0, -3),
        location: expect.any(String),
        highwayAuthorityName: expect.any(String),
        actualStartDate: expect.stringMatching(DATE_TIME),
        proposedEndDate: expect.stringMatching(DATE),
        reasonablePeriodEndDate: expect.stringMatching(DATE_TIME),
        workstreamPrefix: 'NGN',
        links: [
          { rel: 'permit', href: `/v1/permits/${first.permitReferenceNumber}`, type: 'GET' },
          { rel: 'work', href: `/v1/works/${first.workReferenceNumber}`, type: 'GET' },
        ],
      });
      for (const r of body.results) {
        const end = Date.parse(`${String(r.proposedEndDate)}T00:00:00Z`);
        expect(end).toBeGreaterThanOrEqual(START_OF_TODAY - DAY_MS);
        expect(end).toBeLessThanOrEqual(START_OF_TODAY + DAY_MS);
      }
      const ends = body.results.map((r) => String(r.proposedEndDate));
      expect(ends).toEqual([...ends].sort());

      const demo = await list('/v1/due-work-stops', DEMO_KEY);
      expect(demo.results).toEqual(body.results);
      const page = await list('/v1/due-work-stops?page=2&limit=2', PROMOTER_KEY);
      expect(page.results).toEqual(body.results.slice(2, 4));
    });
  });

  describe('refused permits (promoter)', () => {
    it('lists refused permits with their reasons, latest refusal first, and pages them', async () => {
      const body = await list('/v1/refused-permits', PROMOTER_KEY);
      expect(body.metadata.resultset.count).toBe(10);
      const first = body.results[0];
      expect(first).toEqual({
        permitReferenceNumber: expect.any(String),
        workReferenceNumber: first.permitReferenceNumber.slice(0, -3),
        location: expect.any(String),
        highwayAuthorityName: expect.any(String),
        proposedStartDate: expect.stringMatching(DATE),
        proposedEndDate: expect.stringMatching(DATE),
        refusedDate: expect.stringMatching(DATE_TIME),
        refusalReasons: ['RC20', 'RC40'],
        links: [
          { rel: 'permit', href: `/v1/permits/${first.permitReferenceNumber}`, type: 'GET' },
          { rel: 'work', href: `/v1/works/${first.workReferenceNumber}`, type: 'GET' },
        ],
      });
      const refused = body.results.map((r) => String(r.refusedDate));
      expect(refused).toEqual([...refused].sort().reverse());
      const permit = (
        await client(booted, PROMOTER_KEY).get(`/v1/permits/${first.permitReferenceNumber}`).expect(200)
      ).body as { status: string };
      expect(permit.status).toBe('refused');

      const window = await list('/v1/refused-permits?offset=8&limit=5', PROMOTER_KEY);
      expect(window.results).toEqual(body.results.slice(8));
      expect(window.links.map((l) => l.rel)).toEqual(['self', 'first-page', 'prev-page', 'last-page']);
    });
  });

  describe('potential overruns (authority)', () => {
    it('lists them longest overdue first; dismissing one takes it off, idempotently (204 again), for this authority only', async () => {
      const api = client(booted, AUTHORITY_KEY);
      const body = await list('/v1/potential-overruns', AUTHORITY_KEY);
      expect(body.metadata.resultset.count).toBe(3);
      const first = body.results[0];
      const dismiss = `/v1/potential-overruns/${first.permitReferenceNumber}`;
      expect(first).toEqual({
        permitReferenceNumber: expect.any(String),
        workReferenceNumber: first.permitReferenceNumber.slice(0, -3),
        location: expect.any(String),
        promoterName: expect.any(String),
        actualStartDate: expect.stringMatching(DATE_TIME),
        proposedEndDate: expect.stringMatching(DATE),
        reasonablePeriodEndDate: expect.stringMatching(DATE_TIME),
        links: [
          { rel: 'permit', href: `/v1/permits/${first.permitReferenceNumber}`, type: 'GET' },
          { rel: 'work', href: `/v1/works/${first.workReferenceNumber}`, type: 'GET' },
          { rel: 'dismiss', href: dismiss, type: 'DELETE' },
        ],
      });
      const ends = body.results.map((r) => String(r.reasonablePeriodEndDate));
      expect(ends).toEqual([...ends].sort());
      expect(Date.parse(ends[2])).toBeLessThan(START_OF_TODAY);
      expect(Date.parse(ends[0])).toBeGreaterThanOrEqual(START_OF_TODAY - 7 * DAY_MS);

      // Read-only callers are not offered the dismissal.
      // (Every sandbox authority key may write; the promoter side cannot read this list at all.)

      const gone = await booted.http.delete(dismiss).set(KEY_HEADER, AUTHORITY_KEY).expect(204);
      expect(gone.text).toBe('');
      expect(gone.headers['x-ratelimit-limit']).toBeDefined();
      const after = await list('/v1/potential-overruns', AUTHORITY_KEY);
      expect(after.results.map((r) => r.permitReferenceNumber)).toEqual(
        body.results.slice(1).map((r) => r.permitReferenceNumber),
      );
      await booted.http.delete(dismiss).set(KEY_HEADER, AUTHORITY_KEY).expect(204);
      await booted.http
        .delete('/v1/potential-overruns/NGN9999999999-01')
        .set(KEY_HEADER, AUTHORITY_KEY)
        .expect(204);
      expect(
        (await stats()).operations['worklist DELETE /potential-works-overrunning/{permitReferenceNumber}'],
      ).toBe(3);

      // A GET of the item is not a route: 405 naming DELETE.
      const get = await api.get(dismiss).expect(405);
      expect(get.headers.allow).toBe('DELETE');
    });

    it('refuses a dismissal without the authority write permission, from a promoter, or of a malformed reference', async () => {
      const noWrite = await booted.http
        .delete('/v1/potential-overruns/NGN0000847560-01')
        .set(KEY_HEADER, PROMOTER_KEY)
        .expect(403);
      expect((noWrite.body as { error: { message: string } }).error.message).toContain(
        'streetworks.authority.write',
      );
      // The demo key holds every permission but acts as promoter 7374.
      const promoter = await booted.http
        .delete('/v1/potential-overruns/NGN0000847560-01')
        .set(KEY_HEADER, DEMO_KEY)
        .expect(403);
      expect((promoter.body as { error: { message: string } }).error.message).toContain(
        'organisation 7374, a promoter',
      );
      const bad = await booted.http
        .delete('/v1/potential-overruns/not%20a%20permit')
        .set(KEY_HEADER, AUTHORITY_KEY)
        .expect(400);
      expect(JSON.stringify(bad.body)).toContain('permitReferenceNumber');
    });
  });

  it('documents which kind of organisation each worklist is for', async () => {
    const document = (await booted.http.get('/v1/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const kinds = (path: string, method = 'get') => document.paths[path][method]['x-organisation-kinds'];
    expect([
      kinds('/v1/deeming-permits'),
      kinds('/v1/potential-overruns'),
      kinds('/v1/potential-overruns/{permitReferenceNumber}', 'delete'),
    ]).toEqual([['highway_authority'], ['highway_authority'], ['highway_authority']]);
    expect([kinds('/v1/due-work-stops'), kinds('/v1/refused-permits')]).toEqual([
      ['promoter', 'contractor'],
      ['promoter', 'contractor'],
    ]);
  });

  it('lets a browser dismiss: the CORS preflight allows DELETE', async () => {
    const browser = await bootApp({ app: { corsOrigins: ['https://portal.example'] } });
    try {
      const preflight = await browser.http
        .options('/v1/potential-overruns/NGN0000847560-01')
        .set('origin', 'https://portal.example')
        .set('access-control-request-method', 'DELETE')
        .set('access-control-request-headers', 'ocp-apim-subscription-key')
        .expect(204);
      expect(preflight.headers['access-control-allow-methods']).toBe('GET, HEAD, POST, PUT, DELETE');
      const res = await browser.http
        .delete('/v1/potential-overruns/NGN0000847560-01')
        .set('origin', 'https://portal.example')
        .set(KEY_HEADER, AUTHORITY_KEY)
        .expect(204);
      expect(res.headers['access-control-allow-origin']).toBe('https://portal.example');
    } finally {
      await browser.close();
    }
  });

  it('sent Street Manager only what V6 allows, and every worklist answer validated against V6', async () => {
    const s = await stats();
    expect(s.contractViolations).toEqual([]);
    expect(
      Object.keys(s.operations)
        .filter((o) => o.startsWith('worklist '))
        .sort(),
    ).toEqual([
      'worklist DELETE /potential-works-overrunning/{permitReferenceNumber}',
      'worklist GET /permits-about-to-deem',
      'worklist GET /potential-works-overrunning',
      'worklist GET /refused-permits',
      'worklist GET /work-stops-due',
    ]);
    // One look-up of each organisation's kind, whatever the number of requests.
    expect(s.operations['party GET /organisations/{organisationReference}']).toBe(2);
  });
});
