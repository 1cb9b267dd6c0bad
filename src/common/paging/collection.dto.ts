import { applyDecorators, type Type } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  getSchemaPath,
} from '@nestjs/swagger';
import { LinkDto } from '../links/link';

export class ResultsetDto {
  @ApiProperty({
    description:
      'Number of items available for this query. When `countIsLowerBound` is true, Street Manager stopped counting and ' +
      'there are at least this many (it counts to 501); page on with `next-page` until it is absent.',
    example: 227,
  })
  count!: number;

  @ApiProperty({
    description:
      'True when `count` is a lower bound rather than the exact total; there is then no `last-page` link.',
    example: false,
  })
  countIsLowerBound!: boolean;

  @ApiProperty({ description: 'Items skipped before the first result', example: 40 })
  offset!: number;

  @ApiProperty({ description: 'Maximum number of items in this response', example: 20 })
  limit!: number;

  @ApiPropertyOptional({
    description: '1-based page number, when the offset falls on a page boundary',
    example: 3,
  })
  page?: number;
}

export class CollectionMetadataDto {
  @ApiProperty({ type: ResultsetDto })
  resultset!: ResultsetDto;
}

/**
 * Documents a 200 collection envelope of `item` (metadata, results, paging links). Pair with a query DTO that
 * extends PagingQueryDto, so the parameters and the response cannot drift apart.
 */
export function ApiCollectionResponse(
  item: Type<unknown>,
  description: string,
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(item, CollectionMetadataDto, LinkDto),
    ApiOkResponse({
      description: `${description}. Paging links: self, first-page, prev-page (when not on the first page), next-page (when more items follow), last-page (when the total is known).`,
      schema: {
        type: 'object',
        required: ['metadata', 'results', 'links'],
        properties: {
          metadata: { $ref: getSchemaPath(CollectionMetadataDto) },
          results: { type: 'array', items: { $ref: getSchemaPath(item) } },
          links: { type: 'array', items: { $ref: getSchemaPath(LinkDto) } },
        },
      },
    }),
  );
}
