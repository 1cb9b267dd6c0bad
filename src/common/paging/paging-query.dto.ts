import { IntegerProperty } from '../validation/bounded';
import { NotWith } from './not-with.validator';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/** Far beyond any real result set; bounds the work one request can ask of Street Manager. */
export const MAX_OFFSET = 100_000;
export const MAX_PAGE = MAX_OFFSET / MAX_LIMIT + 1;

/**
 * The paging half of every collection query (DESIGN.md §3). Resource query DTOs extend it, so validation
 * and the Swagger parameters come from the same decorators.
 */
export class PagingQueryDto {
  // Offset and page exclude each other, so neither has an example Swagger UI would prefill; they are in the text.
  @IntegerProperty(0, MAX_OFFSET, {
    description: `Number of items to skip (0-based), e.g. \`40\`. Cannot be combined with \`page\`. Maximum ${MAX_OFFSET}.`,
    default: 0,
    optional: true,
    query: true,
  })
  @NotWith('page')
  offset?: number;

  @IntegerProperty(1, MAX_PAGE, {
    description: `Page number (1-based) of \`limit\` items, e.g. \`3\`. Cannot be combined with \`offset\`.`,
    optional: true,
    query: true,
  })
  @NotWith('offset')
  page?: number;

  @IntegerProperty(1, MAX_LIMIT, {
    description: `Maximum number of items to return. Default ${DEFAULT_LIMIT}, maximum ${MAX_LIMIT}; a larger value is a 400, not silently reduced.`,
    default: DEFAULT_LIMIT,
    example: DEFAULT_LIMIT,
    optional: true,
    query: true,
  })
  limit?: number;
}
