import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class FpnReferenceParamDto {
  @ApiProperty({ description: 'FPN reference number: the work reference followed by -FPN- and a number', example: 'NGN0000123-FPN-01' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1 to 64 letters, digits, - or _' })
  fpnReferenceNumber!: string;
}
