import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, MaxLength } from 'class-validator';
import { CollectionQueryDto } from '../../common/paging/collection-query.dto';
import { EnumListFilter } from '../../common/query/filters';
import { ORGANISATION_TYPES } from './organisation.dto';

export class ListOrganisationsQueryDto extends CollectionQueryDto {
  @EnumListFilter(ORGANISATION_TYPES, 'Only organisations of these types.', 'highway_authority')
  type?: string[];

  @ApiPropertyOptional({ description: 'Only organisations whose name or SWA code contains this text (case-insensitive).', example: 'Leeds' })
  @IsOptional()
  @MaxLength(100)
  @Matches(/^[\p{L}\p{N} '.,&()-]+$/u, { message: "must be plain text (letters, digits, spaces and . , ' & ( ) -)" })
  search?: string;
}
