import { FieldsProperty } from '../fields/fields';
import { PagingQueryDto } from './paging-query.dto';

/** Paging plus `fields`: the base of every collection's query DTO (`class ListWorksQueryDto extends CollectionQueryDto`). */
export class CollectionQueryDto extends PagingQueryDto {
  @FieldsProperty()
  fields?: string;
}
