import type { Caller } from '../../auth/caller';
import { BadRequestError } from '../errors/api-error';
import type { CollectionQueryDto } from '../paging/collection-query.dto';
import { pagedList, serveList, wholeList } from './list-spec';

const caller: Caller = {
  clientId: 'c',
  kind: 'subscription-key',
  name: 'test',
  product: 'standard',
  permissions: [],
  userIdentifier: 'u',
  userName: 'U',
};

interface Query extends CollectionQueryDto {
  colour?: string;
}

const item = (row: { ref: number }, who: Caller) => ({
  ref: `R${row.ref}`,
  colour: 'red',
  links: [{ rel: 'self', href: `/v1/things/R${row.ref}`, type: 'GET' as const }],
  by: who.name,
});

describe('serveList', () => {
  it('maps the query once, fetches the window’s upstream pages, maps rows and applies fields and the URL', async () => {
    const asked: { query: string; offset: number }[] = [];
    const rows = Array.from({ length: 30 }, (_, i) => ({ ref: i }));
    const spec = pagedList({
      fields: ['ref', 'colour', 'by'],
      query: (q: Query) => `colour=${q.colour}`,
      page: (_caller, query: string, offset: number) => {
        asked.push({ query, offset });
        return Promise.resolve({
          rows: rows.slice(offset, offset + 25),
          totalRows: rows.length,
          hasNextPage: offset + 25 < rows.length,
        });
      },
      item,
    });

    const page = await serveList(
      spec,
      { colour: 'red', offset: 23, limit: 3, fields: 'ref' },
      { caller, url: '/v1/things?colour=red&offset=23&limit=3&fields=ref' },
    );

    expect(asked).toEqual([
      { query: 'colour=red', offset: 0 },
      { query: 'colour=red', offset: 25 },
    ]);
    expect(page).toEqual({
      metadata: { resultset: { count: 30, countIsLowerBound: false, offset: 23, limit: 3 } },
      results: [23, 24, 25].map((n) => ({
        ref: `R${n}`,
        links: [{ rel: 'self', href: `/v1/things/R${n}`, type: 'GET' }],
      })),
      links: [
        { rel: 'self', href: '/v1/things?colour=red&fields=ref&offset=23&limit=3', type: 'GET' },
        { rel: 'first-page', href: '/v1/things?colour=red&fields=ref&offset=0&limit=3', type: 'GET' },
        { rel: 'prev-page', href: '/v1/things?colour=red&fields=ref&offset=20&limit=3', type: 'GET' },
        { rel: 'next-page', href: '/v1/things?colour=red&fields=ref&offset=26&limit=3', type: 'GET' },
        { rel: 'last-page', href: '/v1/things?colour=red&fields=ref&offset=29&limit=3', type: 'GET' },
      ],
    });
  });

  it('refuses an unknown field before asking the upstream', async () => {
    let asked = false;
    const spec = wholeList({
      fields: ['ref'],
      all: () => {
        asked = true;
        return Promise.resolve({ rows: [] });
      },
      item,
    });
    await expect(
      serveList(spec, { fields: 'ref,size' }, { caller, url: '/v1/things' }),
    ).rejects.toBeInstanceOf(BadRequestError);
    expect(asked).toBe(false);
  });

  it('cuts a whole list exactly, and reports a truncated one’s count as a lower bound', async () => {
    const spec = (truncated: boolean) =>
      wholeList({
        fields: ['ref'],
        all: (_caller, _q: Query) =>
          Promise.resolve({ rows: [{ ref: 1 }, { ref: 2 }, { ref: 3 }], truncated }),
        item,
      });

    const exact = await serveList(
      spec(false),
      { page: 2, limit: 2 },
      { caller, url: '/v1/things?page=2&limit=2' },
    );
    const lowerBound = await serveList(
      spec(true),
      { page: 2, limit: 2 },
      { caller, url: '/v1/things?page=2&limit=2' },
    );

    expect(exact.metadata).toEqual({
      resultset: { count: 3, countIsLowerBound: false, offset: 2, limit: 2, page: 2 },
    });
    expect(exact.results).toEqual([item({ ref: 3 }, caller)]);
    expect(lowerBound.metadata).toEqual({
      resultset: { count: 3, countIsLowerBound: true, offset: 2, limit: 2, page: 2 },
    });
  });
});
