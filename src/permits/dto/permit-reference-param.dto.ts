import { PermitReferenceProperty } from '../../common/validation/bounded';

export class PermitReferenceParamDto {
  @PermitReferenceProperty({ description: 'Permit reference number, `{workReferenceNumber}-NN`', example: 'NGN0001447933-01' })
  permitReferenceNumber!: string;
}
