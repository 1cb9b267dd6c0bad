import { ChildReferenceProperty } from '../../common/validation/bounded';

export class Section81ReferenceParamDto {
  @ChildReferenceProperty({
    description: 'Section 81 reference number: the work reference followed by -S81- and a number',
    example: 'S81_EXAMPLE',
  })
  section81ReferenceNumber!: string;
}
