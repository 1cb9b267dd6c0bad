import { PermitReferenceProperty } from '../../common/validation/bounded';

export class PermitReferenceParamDto {
  @PermitReferenceProperty({ description: 'Permit reference number, `{workReferenceNumber}-NN`', example: 'NGN0001438138-01' })
  permitReferenceNumber!: string;
}
