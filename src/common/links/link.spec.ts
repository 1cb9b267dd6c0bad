import { Permission } from '../../auth/permissions';
import { links } from './link';
import { commentsPath, organisationPath, resourcePath, streetPath, withQuery } from './paths';

describe('links', () => {
  it('adds write actions only for callers holding their permission', () => {
    const build = (permissions: Permission[]) =>
      links({ permissions })
        .self('/v1/works/A')
        .related('permits', '/v1/permits?workReferenceNumber=A')
        .related('street', undefined)
        .action('create-permit', '/v1/works/A/permits', 'POST', Permission.PROMOTER_WRITE)
        .action('assess', '/v1/permits/A-01/assessment', 'PUT', Permission.AUTHORITY_WRITE)
        .action('cancel', '/v1/permits/A-01/status', 'PUT', Permission.PROMOTER_WRITE, false)
        .build();

    expect(build([Permission.READ])).toEqual([
      { rel: 'self', href: '/v1/works/A', type: 'GET' },
      { rel: 'permits', href: '/v1/permits?workReferenceNumber=A', type: 'GET' },
    ]);
    expect(build([Permission.READ, Permission.PROMOTER_WRITE]).map((l) => `${l.type} ${l.rel}`)).toEqual([
      'GET self',
      'GET permits',
      'POST create-permit',
    ]);
    expect(links(undefined).action('x', '/x', 'PUT', Permission.READ).build()).toEqual([]);
  });

  it('encodes path segments and query values', () => {
    expect(resourcePath('/v1/works', 'A B/C')).toBe('/v1/works/A%20B%2FC');
    expect(withQuery('/v1/permits', { a: 'x&y', b: undefined, c: 3 })).toBe('/v1/permits?a=x%26y&c=3');
    expect(withQuery('/v1/permits', {})).toBe('/v1/permits');
  });

  it('writes a query as URLSearchParams would, whatever the values hold', () => {
    const values = ['TSR1591199404915', 'A-01_b.c*', '', 'a b', "x~!'()", 'é', 'a+b', 'a=b&c', '100%', 7];
    const viaSearchParams = (query: Record<string, string | number>) =>
      `/v1/permits?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString()}`;
    expect(values.map((v) => withQuery('/v1/permits', { workReferenceNumber: v, 'odd key': v }))).toEqual(
      values.map((v) => viaSearchParams({ workReferenceNumber: v, 'odd key': v })),
    );
  });

  it('links a thing to its street and organisations when they are known', () => {
    expect(
      links(undefined)
        .place({ usrn: 10104523, highwayAuthoritySwaCode: '4720', promoterSwaCode: null })
        .build(),
    ).toEqual([
      { rel: 'street', href: '/v1/streets/10104523', type: 'GET' },
      { rel: 'highway-authority', href: '/v1/organisations/4720', type: 'GET' },
    ]);
    expect([
      streetPath(null),
      organisationPath(undefined),
      organisationPath('7001'),
      commentsPath('A/B'),
    ]).toEqual([undefined, undefined, '/v1/organisations/7001', '/v1/works/A%2FB/comments']);
  });
});
