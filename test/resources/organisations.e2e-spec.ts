import { DEFAULT_SANDBOX_KEYS } from '../../src/config/auth.config';
import { ORGANISATIONS } from '../../src/sandbox/data/organisations';
import { bootApp, type BootedApp } from '../helpers/boot-app';

const HEADER = 'Ocp-Apim-Subscription-Key';
const codes = (body: unknown): string[] =>
  (body as { results: { swaCode: string }[] }).results.map((o) => o.swaCode);

describe('organisations', () => {
  let booted: BootedApp;
  const get = (url: string) => booted.http.get(url).set(HEADER, DEFAULT_SANDBOX_KEYS.demo);

  beforeAll(async () => {
    booted = await bootApp();
  });
  afterAll(() => booted?.close());

  it('lists every organisation with metadata and paging links by default', async () => {
    const res = await get('/v1/organisations').expect(200);
    expect(res.body.metadata).toEqual({
      resultset: { count: ORGANISATIONS.length, countIsLowerBound: false, offset: 0, limit: 20, page: 1 },
    });
    expect(res.body.results).toHaveLength(ORGANISATIONS.length);
    expect(res.body.results[0]).toEqual({
      swaCode: ORGANISATIONS[0].swaCode,
      name: ORGANISATIONS[0].name,
      status: 'active',
      links: [{ rel: 'self', href: `/v1/organisations/${ORGANISATIONS[0].swaCode}`, type: 'GET' }],
    });
    expect(res.body.links).toEqual([
      { rel: 'self', href: '/v1/organisations?offset=0&limit=20', type: 'GET' },
      { rel: 'first-page', href: '/v1/organisations?offset=0&limit=20', type: 'GET' },
      { rel: 'last-page', href: '/v1/organisations?offset=0&limit=20', type: 'GET' },
    ]);
  });

  it('pages exactly and keeps filters in the links', async () => {
    const res = await get('/v1/organisations?type=promoter,highway_authority&page=2&limit=3').expect(200);
    const expected = ORGANISATIONS.filter((o) => o.type !== 'contractor');
    expect(res.body.metadata.resultset).toEqual({
      count: expected.length,
      countIsLowerBound: false,
      offset: 3,
      limit: 3,
      page: 2,
    });
    expect(codes(res.body)).toEqual(expected.slice(3, 6).map((o) => o.swaCode));
    expect(res.body.links).toContainEqual({
      rel: 'next-page',
      href: '/v1/organisations?type=promoter%2Chighway_authority&page=3&limit=3',
      type: 'GET',
    });
  });

  it('searches by name and type', async () => {
    const res = await get('/v1/organisations?search=leeds&type=highway_authority').expect(200);
    expect(codes(res.body)).toEqual(['4720']);
  });

  it('gives an empty page past the end with correct metadata', async () => {
    const res = await get('/v1/organisations?offset=50').expect(200);
    expect(res.body.results).toEqual([]);
    expect(res.body.metadata.resultset.count).toBe(ORGANISATIONS.length);
  });

  it('refuses an unknown type, an unknown field and page with offset', async () => {
    const bad = await get('/v1/organisations?type=council').expect(400);
    expect(bad.body.error).toMatchObject({
      code: 'BAD_REQUEST',
      details: [{ field: 'type', message: expect.stringContaining('highway_authority') }],
    });
    const field = await get('/v1/organisations?fields=colour').expect(400);
    expect(field.body.error.details).toEqual([
      { field: 'fields', message: expect.stringContaining("unknown property 'colour'") },
    ]);
    await get('/v1/organisations?page=1&offset=0').expect(400);
  });

  it('reads one organisation with its works link and contractors', async () => {
    const res = await get('/v1/organisations/7374').expect(200);
    expect(res.body).toEqual({
      swaCode: '7374',
      name: 'Northern Gas Networks',
      status: 'active',
      type: 'promoter',
      prefix: 'NGN',
      address: {
        line1: 'Northern Gas Networks House',
        line2: null,
        locality: null,
        town: 'Leeds',
        postcode: 'LS15 8TU',
      },
      email: 'sandbox.promoter.7374@example.org',
      phoneNumber: '0300 123 4567',
      hs2Applicable: false,
      contractors: [
        {
          swaCode: '9501',
          name: 'Kier Utilities Contracting',
          status: 'active',
          links: [{ rel: 'self', href: '/v1/organisations/9501', type: 'GET' }],
        },
      ],
      links: [
        { rel: 'self', href: '/v1/organisations/7374', type: 'GET' },
        { rel: 'works', href: '/v1/works?promoter=7374', type: 'GET' },
      ],
    });
    const authority = await get('/v1/organisations/4720?fields=type').expect(200);
    expect(authority.body).toEqual({
      type: 'highway_authority',
      links: [
        { rel: 'self', href: '/v1/organisations/4720', type: 'GET' },
        { rel: 'works', href: '/v1/works?highwayAuthority=4720', type: 'GET' },
      ],
    });
  });

  it('renders XML on request', async () => {
    const res = await get('/v1/organisations/4720').set('accept', 'application/xml').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    expect(res.text).toContain('<organisation>');
    expect(res.text).toContain('<swaCode>4720</swaCode>');
  });

  it('answers 404 naming the SWA code, and 400 for a malformed one', async () => {
    const res = await get('/v1/organisations/0999').expect(404);
    expect(res.body.error).toEqual({
      code: 'NOT_FOUND',
      message: 'organisation 0999 was not found',
      requestId: expect.any(String),
    });
    await get('/v1/organisations/12345').expect(400);
  });

  it('needs credentials', async () => {
    await booted.http.get('/v1/organisations').expect(401);
  });
});
