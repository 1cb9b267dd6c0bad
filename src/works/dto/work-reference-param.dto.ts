import { WORK_REFERENCE, WorkReferenceProperty } from '../../common/validation/bounded';

/** Street Manager work references: at most 24 letters, digits, `-` or `_`. */
export { WORK_REFERENCE };

export class WorkReferenceParamDto {
  @WorkReferenceProperty({ description: 'Work reference number (≤ 24 letters, digits, - or _)', example: 'NGN0002202682' })
  workReferenceNumber!: string;
}
