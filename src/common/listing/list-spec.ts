import type { Caller } from '../../auth/caller';
import { parseFields, selectFields } from '../fields/fields';
import { type Collection, collection } from '../paging/collection';
import type { CollectionQueryDto } from '../paging/collection-query.dto';
import { type PageWindow, pageWindow } from '../paging/page-window';
import { fetchWindow, sliceWindow, type UpstreamPage, type WindowResult } from '../paging/upstream-window';

/**
 * What makes a list resource: its property names (`?fields=`), the upstream call that yields a window's rows, and
 * the row mapper (which also sets each item's links for the caller). Paging, `fields` and the envelope's links
 * are applied by `serveList`, the same for every list.
 */
export interface ListSpec<Q extends CollectionQueryDto, Row, Item extends object> {
  fields: readonly string[];
  rows(caller: Caller, query: Q, window: PageWindow): Promise<WindowResult<Row>>;
  item(row: Row, caller: Caller): Item;
}

/** The caller and the URL they used, which the envelope's paging links keep. */
export interface ListRequest {
  caller: Caller;
  url: string;
}

/** A list the upstream pages (Street Manager reporting): the query is mapped once, then the window's pages fetched. */
export function pagedList<Q extends CollectionQueryDto, U, Row, Item extends object>(spec: {
  fields: readonly string[];
  query: (query: Q) => U;
  page: (caller: Caller, upstreamQuery: U, upstreamOffset: number) => Promise<UpstreamPage<Row>>;
  item: (row: Row, caller: Caller) => Item;
}): ListSpec<Q, Row, Item> {
  return {
    fields: spec.fields,
    rows: (caller, query, window) => {
      const upstreamQuery = spec.query(query);
      return fetchWindow(window, (offset) => spec.page(caller, upstreamQuery, offset));
    },
    item: spec.item,
  };
}

/**
 * A list the upstream answers whole (Party, Street Lookup, GeoJSON by box, a scan): the window is cut here, so the
 * count is exact unless the source says it stopped early (`truncated`), when it is a lower bound.
 */
export function wholeList<Q extends CollectionQueryDto, Row, Item extends object>(spec: {
  fields: readonly string[];
  all: (caller: Caller, query: Q) => Promise<{ rows: readonly Row[]; truncated?: boolean }>;
  item: (row: Row, caller: Caller) => Item;
}): ListSpec<Q, Row, Item> {
  return {
    fields: spec.fields,
    rows: async (caller, query, window) => {
      const { rows, truncated } = await spec.all(caller, query);
      const result = sliceWindow(window, rows);
      return truncated ? { ...result, countIsLowerBound: true } : result;
    },
    item: spec.item,
  };
}

/** One page of a list resource, as every collection answers (DESIGN.md §3). */
export async function serveList<Q extends CollectionQueryDto, Row, Item extends object>(
  spec: ListSpec<Q, Row, Item>,
  query: Q,
  request: ListRequest,
): Promise<Collection<Partial<Item>>> {
  const fields = parseFields(query.fields, spec.fields);
  const window = pageWindow(query);
  const result = await spec.rows(request.caller, query, window);
  return collection(
    result.rows.map((row) => selectFields(spec.item(row, request.caller), fields)),
    window,
    result,
    request.url,
  );
}
