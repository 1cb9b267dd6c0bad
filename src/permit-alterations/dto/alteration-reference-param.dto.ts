import { ChildReferenceProperty } from '../../common/validation/bounded';

export class AlterationReferenceParamDto {
  @ChildReferenceProperty({
    description: 'Alteration reference number: the permit reference followed by -ALT- and a number',
    example: 'NGN0000056642-01-ALT-01',
  })
  alterationReferenceNumber!: string;
}
