import { ChildReferenceProperty } from '../../common/validation/bounded';

export class Section81ReferenceParamDto {
  @ChildReferenceProperty({
    description: 'Section 81 reference number: the work reference followed by -S81- and a number',
    example: 'NGN0000188644-S81-01',
  })
  section81ReferenceNumber!: string;
}
