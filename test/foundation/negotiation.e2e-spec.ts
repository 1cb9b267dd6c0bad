import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { type BootedApp, bootApp } from '../helpers/boot-app';
import { ProbesModule } from '../support/probes/probes.module';

describe('content negotiation (e2e)', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp({ imports: [ProbesModule] });
  });
  afterAll(async () => {
    await booted.close();
  });

  it('answers JSON by default, with Vary: Accept', async () => {
    const res = await booted.http.get('/v1/probes/p-1').expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers.vary).toMatch(/Accept/i);
    expect(res.body).toEqual({
      probeId: 'p-1',
      name: 'first',
      tags: ['a', 'b'],
      location: { easting: 1, northing: 2 },
    });
  });

  it.each([
    ['the .json suffix', '/v1/probes/p-1.json', undefined],
    ['Accept: application/json', '/v1/probes/p-1', 'application/json'],
    ['Accept: */*', '/v1/probes/p-1', '*/*'],
    ['a weighted Accept preferring JSON', '/v1/probes/p-1', 'application/xml;q=0.5, application/json'],
  ])('answers JSON for %s', async (_name, path, accept) => {
    const req = booted.http.get(path);
    const res = await (accept ? req.set('accept', accept) : req).expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toMatchObject({ probeId: 'p-1' });
  });

  it('answers XML for Accept: application/xml: declaration, named root, repeated elements, escaping', async () => {
    const res = await booted.http.get('/v1/probes').set('accept', 'application/xml').expect(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(XMLValidator.validate(res.text)).toBe(true);
    expect(res.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<probes>')).toBe(true);
    expect(res.text).not.toMatch(/<\w+ [^>]*=/); // attribute-free
    expect(res.text).toContain('<name>second &amp; &lt;third&gt;</name>');
    const parsed = new XMLParser({ isArray: (name) => ['result', 'link', 'tag'].includes(name) }).parse(
      res.text,
    ) as {
      probes: { metadata: unknown; results: { result: unknown[] }; links: { link: unknown[] } };
    };
    expect(parsed.probes.metadata).toEqual({ resultset: { count: 2, offset: 0, limit: 20 } });
    expect(parsed.probes.results.result).toEqual([
      {
        probeId: 'p-1',
        name: 'first',
        tags: { tag: ['a', 'b'] },
        location: { easting: 1, northing: 2 },
        links: { link: [{ rel: 'self', href: '/v1/probes/p-1', type: 'GET' }] },
      },
      {
        probeId: 'p-2',
        name: 'second & <third>',
        tags: '',
        location: '',
        links: { link: [{ rel: 'self', href: '/v1/probes/p-2', type: 'GET' }] },
      },
    ]);
    expect(parsed.probes.links.link).toEqual([{ rel: 'self', href: '/v1/probes', type: 'GET' }]);
  });

  it('answers XML for the .xml suffix, with a singular root for a single resource', async () => {
    const res = await booted.http.get('/v1/probes/p-1.xml').expect(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(res.text).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<probe>',
        '  <probeId>p-1</probeId>',
        '  <name>first</name>',
        '  <tags>',
        '    <tag>a</tag>',
        '    <tag>b</tag>',
        '  </tags>',
        '  <location>',
        '    <easting>1</easting>',
        '    <northing>2</northing>',
        '  </location>',
        '</probe>',
        '',
      ].join('\n'),
    );
  });

  it('combines the suffix with an unversioned path', async () => {
    const res = await booted.http.get('/probes/p-1.xml').expect(200);
    expect(res.text).toContain('<probe>');
  });

  it('406 with the JSON error body for an Accept the route cannot produce', async () => {
    const res = await booted.http.get('/v1/probes').set('accept', 'text/html').expect(406);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toEqual({
      error: {
        code: 'NOT_ACCEPTABLE',
        message: 'this resource can be represented only as application/json, application/xml',
        requestId: res.headers['x-request-id'],
      },
    });
  });

  it('checks credentials before the representation: an unauthenticated call with an unproducible Accept is a 401', async () => {
    const res = await booted.http.get('/v1/works').set('accept', 'text/html').expect(401);
    expect(res.body.error.code).toBe('UNAUTHORIZED');
  });

  it('406 when the only acceptable types are refused with q=0', async () => {
    await booted.http
      .get('/v1/probes')
      .set('accept', 'application/json;q=0, application/xml;q=0')
      .expect(406);
  });

  it('406 for application/geo+json on a route that does not produce it', async () => {
    await booted.http.get('/v1/probes').set('accept', 'application/geo+json').expect(406);
  });

  it('GeoJSON where the route @Produces it, chosen by the handler through @Representation()', async () => {
    const res = await booted.http.get('/v1/probe-areas').set('accept', 'application/geo+json').expect(200);
    expect(res.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    expect(JSON.parse(res.text)).toEqual({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [-0.1, 51.5] },
          properties: { name: 'x' },
        },
      ],
    });
  });

  it('the same route still answers plain JSON and XML', async () => {
    const json = await booted.http.get('/v1/probe-areas').expect(200);
    expect(json.body).toEqual({
      results: [{ name: 'x', location: { type: 'Point', coordinates: [-0.1, 51.5] } }],
      links: [],
    });
    const xml = await booted.http.get('/v1/probe-areas.xml').expect(200);
    expect(xml.text).toContain('<probeAreas>');
    expect(xml.text).toContain(
      '<coordinates>\n          <coordinate>-0.1</coordinate>\n          <coordinate>51.5</coordinate>',
    );
  });

  it('renders /status as XML too', async () => {
    const res = await booted.http.get('/status.xml').expect(200);
    expect(res.text).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<status>\n  <status>ok</status>\n</status>\n',
    );
  });
});
