import type { Caller } from '../../auth/caller';
import { parseFields, selectFields } from '../fields/fields';
import { type Collection, collection } from '../paging/collection';
import type { CollectionQueryDto } from '../paging/collection-query.dto';
import { type PageWindow, pageWindow } from '../paging/page-window';
import { fetchWindow, sliceWindow, type UpstreamPage, type WindowResult } from '../paging/upstream-window';

/**
 * A list resource: its property names (`?fields=`) and the items of a window. Built by `pagedList` or `wholeList`
 * from the upstream call, the query mapping and the row mapper (which sets each item's links for the caller).
 * Paging, `fields` and the envelope's links are applied by `serveList`, the same for every list.
 */
export interface ListSpec<Q extends CollectionQueryDto, Item extends object> {
  fields: readonly string[];
  items(caller: Caller, query: Q, window: PageWindow): Promise<WindowResult<Item>>;
}

const mapRows = <Row, Item>(
  result: WindowResult<Row>,
  item: (row: Row, caller: Caller) => Item,
  caller: Caller,
): WindowResult<Item> => ({
  ...result,
  rows: result.rows.map((row) => item(row, caller)),
});

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
}): ListSpec<Q, Item> {
  return {
    fields: spec.fields,
    items: async (caller, query, window) => {
      const upstreamQuery = spec.query(query);
      return mapRows(
        await fetchWindow(window, (offset) => spec.page(caller, upstreamQuery, offset)),
        spec.item,
        caller,
      );
    },
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
}): ListSpec<Q, Item> {
  return {
    fields: spec.fields,
    items: async (caller, query, window) => {
      const { rows, truncated } = await spec.all(caller, query);
      const result = mapRows(sliceWindow(window, rows), spec.item, caller);
      return truncated ? { ...result, countIsLowerBound: true } : result;
    },
  };
}

/** One page of a list resource, as every collection answers (DESIGN.md §3). */
export async function serveList<Q extends CollectionQueryDto, Item extends object>(
  spec: ListSpec<Q, Item>,
  query: Q,
  request: ListRequest,
): Promise<Collection<Partial<Item>>> {
  const fields = parseFields(query.fields, spec.fields);
  const window = pageWindow(query);
  const result = await spec.items(request.caller, query, window);
  return collection(
    result.rows.map((item) => selectFields(item, fields)),
    window,
    result,
    request.url,
  );
}
