import { QueryInteger } from '../validation/query-number';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
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
  @ApiPropertyOptional({
    description: `Number of items to skip (0-based). Cannot be combined with \`page\`. Maximum ${MAX_OFFSET}.`,
    minimum: 0,
    maximum: MAX_OFFSET,
    default: 0,
    example: 40,
    type: 'integer',
  })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  @NotWith('page')
  offset?: number;

  @ApiPropertyOptional({
    description: `Page number (1-based) of \`limit\` items. Cannot be combined with \`offset\`.`,
    minimum: 1,
    maximum: MAX_PAGE,
    example: 3,
    type: 'integer',
  })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  @NotWith('offset')
  page?: number;

  @ApiPropertyOptional({
    description: `Maximum number of items to return. Default ${DEFAULT_LIMIT}, maximum ${MAX_LIMIT}; a larger value is a 400, not silently reduced.`,
    minimum: 1,
    maximum: MAX_LIMIT,
    default: DEFAULT_LIMIT,
    example: DEFAULT_LIMIT,
    type: 'integer',
  })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit?: number;
}
