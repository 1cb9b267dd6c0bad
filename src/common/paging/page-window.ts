import { DEFAULT_LIMIT, type PagingQueryDto } from './paging-query.dto';

/** The slice of a result set a caller asked for, however they asked. */
export interface PageWindow {
  offset: number;
  limit: number;
  /** how the caller addressed it; paging links answer in the same terms */
  mode: 'offset' | 'page';
}

/** Assumes the DTO was validated (page and offset are never both set). */
export function pageWindow(query: PagingQueryDto): PageWindow {
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (query.page !== undefined) {
    return { offset: (query.page - 1) * limit, limit, mode: 'page' };
  }
  return { offset: query.offset ?? 0, limit, mode: 'offset' };
}
