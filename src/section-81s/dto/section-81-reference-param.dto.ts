import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class Section81ReferenceParamDto {
  @ApiProperty({ description: 'Section 81 reference number: the work reference followed by -S81- and a number', example: 'NGN0000123-S81-01' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1 to 64 letters, digits, - or _' })
  section81ReferenceNumber!: string;
}
