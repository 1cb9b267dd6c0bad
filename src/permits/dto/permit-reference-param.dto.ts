import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** `{work reference}-NN`: the work reference is derived from it, so callers never send both. */
export const PERMIT_REFERENCE = /^([A-Za-z0-9_-]{1,24})-(\d{2})$/;

export function workReferenceOf(permitReferenceNumber: string): string {
  return PERMIT_REFERENCE.exec(permitReferenceNumber)?.[1] ?? '';
}

export class PermitReferenceParamDto {
  @ApiProperty({
    description: 'Permit reference number, `{workReferenceNumber}-NN`',
    example: 'NGN0000847560-01',
  })
  @Matches(PERMIT_REFERENCE, { message: 'must be a work reference number followed by - and two digits' })
  permitReferenceNumber!: string;
}
