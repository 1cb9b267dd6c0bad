/** `sort=field` / `sort=-field` in our names → the upstream's sort column and direction. */
export function sortColumn<C extends string>(
  sort: string | undefined,
  columns: Record<string, C>,
): { sort_column?: C; sort_direction?: 'asc' | 'desc' } {
  if (!sort) {
    return {};
  }
  const descending = sort.startsWith('-');
  return {
    sort_column: columns[descending ? sort.slice(1) : sort],
    sort_direction: descending ? 'desc' : 'asc',
  };
}
