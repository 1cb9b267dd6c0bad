import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class ForwardPlanReferenceParamDto {
  @ApiProperty({ description: 'Forward plan reference number: the work reference followed by -FP- and a number', example: 'NGN0000123-FP-01' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1 to 64 letters, digits, - or _' })
  forwardPlanReferenceNumber!: string;
}
