import { ChildReferenceProperty } from '../../common/validation/bounded';

export class AlterationReferenceParamDto {
  @ChildReferenceProperty({
    description: 'Alteration reference number: the permit reference followed by -ALT- and a number',
    example: 'ALTERATION_EXAMPLE',
  })
  alterationReferenceNumber!: string;
}
