import { collection } from './collection';

const hrefs = (c: ReturnType<typeof collection>) => Object.fromEntries(c.links.map((l) => [l.rel, l.href]));

describe('collection envelope', () => {
  it('matches DESIGN.md §3 for page 3 of 227 with filters kept', () => {
    const c = collection(
      ['x'],
      { offset: 40, limit: 20, mode: 'page' },
      { count: 227, countIsLowerBound: false, hasMore: true },
      '/v1/works?status=in_progress&page=3&limit=20',
    );
    expect(c.metadata).toEqual({
      resultset: { count: 227, countIsLowerBound: false, offset: 40, limit: 20, page: 3 },
    });
    expect(c.links).toEqual([
      { rel: 'self', href: '/v1/works?status=in_progress&page=3&limit=20', type: 'GET' },
      { rel: 'first-page', href: '/v1/works?status=in_progress&page=1&limit=20', type: 'GET' },
      { rel: 'prev-page', href: '/v1/works?status=in_progress&page=2&limit=20', type: 'GET' },
      { rel: 'next-page', href: '/v1/works?status=in_progress&page=4&limit=20', type: 'GET' },
      { rel: 'last-page', href: '/v1/works?status=in_progress&page=12&limit=20', type: 'GET' },
    ]);
  });

  it('answers in offsets when the caller used offsets, and omits prev on the first window', () => {
    const c = collection(
      [],
      { offset: 0, limit: 20, mode: 'offset' },
      { count: 227, countIsLowerBound: false, hasMore: true },
      '/v1/works',
    );
    expect(hrefs(c)).toEqual({
      self: '/v1/works?offset=0&limit=20',
      'first-page': '/v1/works?offset=0&limit=20',
      'next-page': '/v1/works?offset=20&limit=20',
      'last-page': '/v1/works?offset=220&limit=20',
    });
  });

  it('keeps unaligned offsets in step and leaves out page in the metadata', () => {
    const c = collection(
      [],
      { offset: 5, limit: 20, mode: 'offset' },
      { count: 227, countIsLowerBound: false, hasMore: true },
      '/v1/works?offset=5&fields=status',
    );
    expect(c.metadata.resultset.page).toBeUndefined();
    expect(hrefs(c)).toMatchObject({
      'prev-page': '/v1/works?fields=status&offset=0&limit=20',
      'last-page': '/v1/works?fields=status&offset=225&limit=20',
    });
  });

  it('omits last-page when the count is a lower bound', () => {
    const c = collection(
      [],
      { offset: 0, limit: 20, mode: 'page' },
      { count: 501, countIsLowerBound: true, hasMore: true },
      '/v1/permits',
    );
    expect(c.metadata.resultset).toEqual({
      count: 501,
      countIsLowerBound: true,
      offset: 0,
      limit: 20,
      page: 1,
    });
    expect(c.links.map((l) => l.rel)).toEqual(['self', 'first-page', 'next-page']);
  });

  it('past the end: no next page, last page points back to real data', () => {
    const c = collection(
      [],
      { offset: 300, limit: 20, mode: 'offset' },
      { count: 227, countIsLowerBound: false, hasMore: false },
      '/v1/works?offset=300',
    );
    expect(hrefs(c)).toEqual({
      self: '/v1/works?offset=300&limit=20',
      'first-page': '/v1/works?offset=0&limit=20',
      'prev-page': '/v1/works?offset=280&limit=20',
      'last-page': '/v1/works?offset=220&limit=20',
    });
  });
});
