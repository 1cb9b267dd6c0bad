import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { PERMIT_REFERENCE } from '../../common/vocabulary/references';

export class PermitReferenceParamDto {
  @ApiProperty({
    description: 'Permit reference number, `{workReferenceNumber}-NN`',
    example: 'NGN0000847560-01',
  })
  @Matches(PERMIT_REFERENCE, { message: 'must be a work reference number followed by - and two digits' })
  permitReferenceNumber!: string;
}
