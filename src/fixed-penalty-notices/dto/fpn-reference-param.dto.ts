import { ChildReferenceProperty } from '../../common/validation/bounded';

export class FpnReferenceParamDto {
  @ChildReferenceProperty({
    description: 'FPN reference number: the work reference followed by -FPN- and a number',
    example: 'NGN0002130403-FPN-01',
  })
  fpnReferenceNumber!: string;
}
