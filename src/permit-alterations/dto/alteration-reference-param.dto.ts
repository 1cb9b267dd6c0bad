import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class AlterationReferenceParamDto {
  @ApiProperty({ description: 'Alteration reference number: the permit reference followed by -ALT- and a number', example: 'NGN0000123-01-ALT-01' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1 to 64 letters, digits, - or _' })
  alterationReferenceNumber!: string;
}
