import { fetchWindow, type UpstreamPage } from './upstream-window';

/** A Street Manager-like list: 25-row pages, count capped at 501, rows numbered 0..total-1. */
function upstream(total: number) {
  const calls: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const fetchPage = async (offset: number): Promise<UpstreamPage<number>> => {
    calls.push(offset);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setImmediate(r));
    inFlight--;
    const rows = Array.from({ length: Math.max(0, Math.min(25, total - offset)) }, (_, i) => offset + i);
    return { rows, totalRows: Math.min(total, 501), hasNextPage: offset + 25 < total };
  };
  return { fetchPage, calls, maxInFlight: () => maxInFlight };
}

describe('fetchWindow', () => {
  it('serves a window inside one upstream page with one call', async () => {
    const u = upstream(227);
    const r = await fetchWindow({ offset: 0, limit: 20, mode: 'offset' }, u.fetchPage);
    expect(r).toEqual({ rows: [...Array(20).keys()], count: 227, countIsLowerBound: false, hasMore: true });
    expect(u.calls).toEqual([0]);
  });

  it('slices a window across page boundaries exactly (offset=20, limit=30 → upstream 0, 25)', async () => {
    const u = upstream(227);
    const r = await fetchWindow({ offset: 20, limit: 30, mode: 'offset' }, u.fetchPage);
    expect(r.rows).toEqual(Array.from({ length: 30 }, (_, i) => 20 + i));
    expect(u.calls.sort((a, b) => a - b)).toEqual([0, 25]);
  });

  it('fetches the pages of a 100-row window concurrently but never more than 4 at once', async () => {
    const u = upstream(227);
    const r = await fetchWindow({ offset: 10, limit: 100, mode: 'offset' }, u.fetchPage);
    expect(r.rows).toEqual(Array.from({ length: 100 }, (_, i) => 10 + i));
    expect(u.calls.sort((a, b) => a - b)).toEqual([0, 25, 50, 75, 100]);
    expect(u.maxInFlight()).toBe(4);
  });

  it('gives the tail of the last page and no next page', async () => {
    const r = await fetchWindow({ offset: 220, limit: 20, mode: 'offset' }, upstream(227).fetchPage);
    expect(r).toEqual({
      rows: [220, 221, 222, 223, 224, 225, 226],
      count: 227,
      countIsLowerBound: false,
      hasMore: false,
    });
  });

  it('answers an offset past the end with no rows and the right count', async () => {
    const r = await fetchWindow({ offset: 300, limit: 20, mode: 'offset' }, upstream(227).fetchPage);
    expect(r).toEqual({ rows: [], count: 227, countIsLowerBound: false, hasMore: false });
  });

  it('says the count is a lower bound when Street Manager stops counting at 501', async () => {
    const r = await fetchWindow({ offset: 0, limit: 20, mode: 'offset' }, upstream(1000).fetchPage);
    expect(r).toMatchObject({ count: 501, countIsLowerBound: true, hasMore: true });
  });

  it('pins the exact count when the capped list ends inside the fetched pages', async () => {
    const r = await fetchWindow({ offset: 700, limit: 20, mode: 'offset' }, upstream(712).fetchPage);
    expect(r).toEqual({
      rows: Array.from({ length: 12 }, (_, i) => 700 + i),
      count: 712,
      countIsLowerBound: false,
      hasMore: false,
    });
  });

  it('knows more rows follow a capped window that ends mid-page', async () => {
    const r = await fetchWindow({ offset: 600, limit: 10, mode: 'offset' }, upstream(1000).fetchPage);
    expect(r).toMatchObject({ count: 501, countIsLowerBound: true, hasMore: true });
    expect(r.rows[0]).toBe(600);
  });

  it('an empty list is an exact zero', async () => {
    expect(await fetchWindow({ offset: 0, limit: 20, mode: 'offset' }, upstream(0).fetchPage)).toEqual({
      rows: [],
      count: 0,
      countIsLowerBound: false,
      hasMore: false,
    });
  });
});
