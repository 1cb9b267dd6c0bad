import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** Street Manager work references: at most 24 letters, digits, `-` or `_`. */
export const WORK_REFERENCE = /^[A-Za-z0-9_-]{1,24}$/;

export class WorkReferenceParamDto {
  @ApiProperty({
    description: 'Work reference number (≤ 24 letters, digits, - or _)',
    example: 'TSR1591199404915',
  })
  @Matches(WORK_REFERENCE, { message: 'must be 1 to 24 letters, digits, - or _' })
  workReferenceNumber!: string;
}
