import { PatternProperty, SM_LIMITS } from '../../common/validation/bounded';
import { CollectionQueryDto } from '../../common/paging/collection-query.dto';
import { EnumListFilter } from '../../common/query/filters';
import { ORGANISATION_TYPES } from './organisation.dto';

export class ListOrganisationsQueryDto extends CollectionQueryDto {
  @EnumListFilter(ORGANISATION_TYPES, 'Only organisations of these types.', 'highway_authority')
  type?: string[];

  @PatternProperty(
    /^[\p{L}\p{N} '.,&()-]+$/u,
    SM_LIMITS.shortText,
    "must be plain text (letters, digits, spaces and . , ' & ( ) -)",
    {
      description:
        'Only organisations whose name or SWA code contains this text (case-insensitive), e.g. `Leeds`.',
      optional: true,
    },
  )
  search?: string;
}
