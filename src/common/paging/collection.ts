import type { Link } from '../links/link';
import type { PageWindow } from './page-window';

export interface Resultset {
  count: number;
  countIsLowerBound: boolean;
  offset: number;
  limit: number;
  /** present when the window is a whole page (offset a multiple of limit) */
  page?: number;
}

export interface Collection<T> {
  metadata: { resultset: Resultset };
  results: T[];
  links: Link[];
}

export interface CollectionCounts {
  count: number;
  countIsLowerBound: boolean;
  hasMore: boolean;
}

const PAGING_PARAMS = ['offset', 'page', 'limit'];

/**
 * The envelope of every collection (DESIGN.md §3). `requestUrl` is the path and query the caller used
 * (e.g. request.url): links keep every filter and only change the paging parameters, in the caller's terms
 * (page numbers if they used `page`, offsets otherwise).
 */
export function collection<T>(
  results: T[],
  window: PageWindow,
  counts: CollectionCounts,
  requestUrl: string,
): Collection<T> {
  const { offset, limit } = window;
  const resultset: Resultset = {
    count: counts.count,
    countIsLowerBound: counts.countIsLowerBound,
    offset,
    limit,
  };
  if (offset % limit === 0) {
    resultset.page = offset / limit + 1;
  }
  return { metadata: { resultset }, results, links: pagingLinks(window, counts, requestUrl) };
}

export function pagingLinks(window: PageWindow, counts: CollectionCounts, requestUrl: string): Link[] {
  const [path = '/', rawQuery = ''] = requestUrl.split('?', 2);
  const filters = new URLSearchParams(rawQuery);
  for (const p of PAGING_PARAMS) {
    filters.delete(p);
  }
  const { offset, limit } = window;
  const href = (targetOffset: number): string => {
    const params = new URLSearchParams(filters);
    if (window.mode === 'page') {
      params.set('page', String(Math.floor(targetOffset / limit) + 1));
    } else {
      params.set('offset', String(targetOffset));
    }
    params.set('limit', String(limit));
    return `${path}?${params.toString()}`;
  };
  const link = (rel: string, targetOffset: number): Link => ({ rel, href: href(targetOffset), type: 'GET' });

  const result = [link('self', offset), link('first-page', 0)];
  if (offset > 0) {
    result.push(link('prev-page', Math.max(0, offset - limit)));
  }
  if (counts.hasMore) {
    result.push(link('next-page', offset + limit));
  }
  // An unknown total has no last page; inventing one would send clients to a page that may not be the last.
  if (!counts.countIsLowerBound) {
    result.push(link('last-page', lastOffset(window, counts.count)));
  }
  return result;
}

/** The offset of the last non-empty window in the caller's stepping (offset + k·limit), or the first when empty. */
function lastOffset({ offset, limit }: PageWindow, count: number): number {
  if (count === 0) {
    return 0;
  }
  if (offset < count) {
    return offset + Math.floor((count - 1 - offset) / limit) * limit;
  }
  const aligned = offset % limit;
  return aligned + Math.max(0, Math.floor((count - 1 - aligned) / limit)) * limit;
}
