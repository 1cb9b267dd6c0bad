import type { PageWindow } from './page-window';

/** One page of an upstream offset-paged list, in neutral terms (Street Manager: pagination + rows). */
export interface UpstreamPage<T> {
  rows: T[];
  /** the upstream's count; may be capped (see countCap) */
  totalRows: number;
  hasNextPage: boolean;
}

export interface UpstreamPaging {
  /** rows per upstream page (Street Manager reporting: 25) */
  pageSize: number;
  /** the upstream stops counting here: a total of countCap means "countCap or more" (Street Manager: 501) */
  countCap?: number;
  /** upstream pages fetched at once for one window */
  concurrency: number;
}

export const STREET_MANAGER_PAGING: UpstreamPaging = { pageSize: 25, countCap: 501, concurrency: 4 };

export interface WindowResult<T> {
  rows: T[];
  /** the total, or a lower bound of it when countIsLowerBound */
  count: number;
  countIsLowerBound: boolean;
  /** whether rows exist after this window (known even when the count is not) */
  hasMore: boolean;
}

/** Runs tasks with at most `limit` in flight, keeping results in order. */
async function boundedAll<R>(tasks: (() => Promise<R>)[], limit: number): Promise<R[]> {
  const results = new Array<R>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/**
 * Serves a caller's window (any offset, any limit) from an upstream that pages in fixed blocks. The upstream
 * pages the window touches are fetched concurrently (bounded) at page-aligned offsets, so identical pages are
 * shared between windows (and caches), then sliced exactly.
 *
 * Count honesty: when the upstream's count hits its cap the true total is unknown, unless one of the fetched
 * pages is the last one, which pins it exactly.
 */
export async function fetchWindow<T>(
  window: PageWindow,
  fetchPage: (upstreamOffset: number) => Promise<UpstreamPage<T>>,
  paging: UpstreamPaging = STREET_MANAGER_PAGING,
): Promise<WindowResult<T>> {
  const { pageSize } = paging;
  const firstPage = Math.floor(window.offset / pageSize) * pageSize;
  const lastPageOffset = Math.floor((window.offset + window.limit - 1) / pageSize) * pageSize;
  const offsets: number[] = [];
  for (let o = firstPage; o <= lastPageOffset; o += pageSize) {
    offsets.push(o);
  }
  const pages = await boundedAll(
    offsets.map((o) => () => fetchPage(o)),
    paging.concurrency,
  );

  const rows: T[] = [];
  let exactCount: number | undefined;
  let reportedCount = 0;
  pages.forEach((page, i) => {
    const pageOffset = offsets[i];
    reportedCount = Math.max(reportedCount, page.totalRows);
    // Rows of this page that fall inside the window.
    const from = Math.max(0, window.offset - pageOffset);
    const to = Math.min(page.rows.length, window.offset + window.limit - pageOffset);
    if (to > from) {
      rows.push(...page.rows.slice(from, to));
    }
    if (!page.hasNextPage && page.rows.length > 0 && exactCount === undefined) {
      exactCount = pageOffset + page.rows.length;
    }
  });

  const capped = paging.countCap !== undefined && reportedCount >= paging.countCap;
  const count = exactCount ?? reportedCount;
  const countIsLowerBound = exactCount === undefined && capped;
  const lastPage = pages[pages.length - 1];
  const windowEndInLastPage = window.offset + window.limit - offsets[offsets.length - 1];
  const hasMore = countIsLowerBound
    ? lastPage !== undefined &&
      (lastPage.rows.length > windowEndInLastPage || (lastPage.hasNextPage && lastPage.rows.length > 0))
    : window.offset + window.limit < count;
  return { rows, count, countIsLowerBound, hasMore };
}

/** A window of a list the upstream returns whole (Party and Street Lookup APIs do not page): an exact slice and count. */
export function sliceWindow<T>(window: PageWindow, all: readonly T[]): WindowResult<T> {
  return {
    rows: all.slice(window.offset, window.offset + window.limit),
    count: all.length,
    countIsLowerBound: false,
    hasMore: window.offset + window.limit < all.length,
  };
}
